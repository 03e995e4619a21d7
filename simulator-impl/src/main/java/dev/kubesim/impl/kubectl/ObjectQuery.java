package dev.kubesim.impl.kubectl;

import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Fetches the objects that resource arguments name, as the resource builder does: named objects
 * one by one (a missing one is a NotFound failure), otherwise a list of the namespace (or of all
 * namespaces) filtered by the label selector.
 */
final class ObjectQuery {
  /** The objects found for one request. */
  record Result(KindInfo kind, List<KubeObject> objects) {}

  private final ApiServer api;
  private final String namespace;
  private final boolean allNamespaces;
  private final Predicate<Map<String, String>> selector;

  ObjectQuery(ApiServer api, String namespace, boolean allNamespaces, Optional<String> selector) {
    this.api = api;
    this.namespace = namespace;
    this.allNamespaces = allNamespaces;
    this.selector = selector.map(SelectorParser::parse).orElse(labels -> true);
  }

  /** Builds the query from the common flags {@code -n}, {@code -A} and {@code -l}. */
  static ObjectQuery from(CommandContext ctx) {
    boolean all = ctx.args().bool("all-namespaces");
    return new ObjectQuery(ctx.api(), ctx.namespace(), all, ctx.args().string("selector"));
  }

  boolean allNamespaces() {
    return allNamespaces;
  }

  Result fetch(ResourceArgs.Request request, List<Failure> failures) {
    KindInfo kind = request.kind();
    List<KubeObject> found = new ArrayList<>();
    if (!request.names().isEmpty()) {
      for (String name : request.names()) {
        // an object read from a file is looked for in its own namespace, as kubectl's resource builder does
        Optional<KubeObject> o = api.get(kind.kind(), request.namespace().orElse(namespace), name);
        if (o.isPresent()) {
          found.add(o.get());
        } else {
          NotFoundException e = ApiServer.notFound(kind, name);
          failures.add(Failure.api(e, ""));
        }
      }
      return new Result(kind, found);
    }
    Optional<String> ns = kind.namespaced() && !allNamespaces ? Optional.of(namespace) : Optional.empty();
    for (KubeObject o : api.list(kind.kind(), ns)) {
      if (selector.test(o.metadata().labels())) {
        found.add(o);
      }
    }
    return new Result(kind, found);
  }
}
