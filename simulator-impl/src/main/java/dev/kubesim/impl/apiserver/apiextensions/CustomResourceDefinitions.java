package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.codec.KindCatalog.CustomKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * apiextensions-apiserver inside the simulated API server: the CustomResourceDefinition rules, the
 * naming controller ({@code NamesAccepted}, {@code acceptedNames}: names already accepted for
 * another definition of the group are refused), the establishing controller ({@code Established}),
 * the serving of each established definition's versions through the cluster's {@link
 * dev.kubesim.impl.codec.KindCatalog} with its schema's rules, and the cleanup of the custom
 * resources when their definition is deleted. Watches run synchronously, so a definition is served
 * by the time the write that created it returns.
 */
public final class CustomResourceDefinitions {
  private final ApiServer api;
  /** The custom kinds whose rules are registered, to forget those whose definitions went. */
  private final Set<String> registered = new LinkedHashSet<>();

  private CustomResourceDefinitions(ApiServer api) {
    this.api = api;
  }

  /**
   * Registers the CRD rules with the API server and starts the controllers that accept names,
   * establish definitions and serve their kinds.
   *
   * @param api the cluster's API server
   */
  public static void start(ApiServer api) {
    api.registerGeneric(Crds.KIND, new CustomResourceDefinitionStrategy());
    CustomResourceDefinitions controller = new CustomResourceDefinitions(api);
    api.store().watch(Crds.KIND, controller::onEvent);
  }

  private void onEvent(WatchEvent event) {
    if (event.type() == WatchEvent.Type.DELETED) {
      deleteCustomResources(event.object());
      // a name the deleted definition held may be free now for another
      for (KubeObject other : definitions()) {
        reconcile((GenericObject) other);
      }
      refresh();
      return;
    }
    reconcile((GenericObject) event.object());
    refresh();
  }

  private List<KubeObject> definitions() {
    List<KubeObject> all = new ArrayList<>(api.list(Crds.KIND, Optional.empty()));
    all.sort(Comparator.comparing(o -> o.metadata().nameOrEmpty()));
    return all;
  }

  /** NamesAccepted, acceptedNames and Established, as the naming and establishing controllers write them. */
  private void reconcile(GenericObject crd) {
    Optional<KubeObject> live = api.get(Crds.KIND, "", crd.metadata().nameOrEmpty());
    if (live.isEmpty() || live.get().metadata().deletionTimestamp().isPresent()) {
      return;
    }
    crd = (GenericObject) live.get();
    ObjectNode tree = Crds.content(crd);
    JsonNode spec = tree.path("spec");
    JsonNode requested = spec.path("names");
    String group = spec.path("group").asText("");
    String conflict = conflict(crd, group, requested);
    ObjectNode status = tree.get("status") instanceof ObjectNode s ? s : tree.putObject("status");
    String now = api.loop().clock().timestamp();
    if (conflict == null) {
      ObjectNode accepted = status.putObject("acceptedNames");
      copyNames(requested, accepted);
      setCondition(status, "NamesAccepted", "True", "NoConflicts", "no conflicts found", now);
      if (!Crds.established(tree)) {
        setCondition(status, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted", now);
      }
    } else {
      String[] reasonAndMessage = conflict.split("\n", 2);
      setCondition(status, "NamesAccepted", "False", reasonAndMessage[0], reasonAndMessage[1], now);
      if (!Crds.established(tree)) {
        setCondition(status, "Established", "False", "NotAccepted", "not all names are accepted", now);
      }
    }
    String storage = Crds.storageVersion(spec);
    ArrayNode stored = status.get("storedVersions") instanceof ArrayNode a ? a : status.putArray("storedVersions");
    boolean has = false;
    for (JsonNode v : stored) {
      has |= v.asText().equals(storage);
    }
    if (!has && !storage.isEmpty()) {
      stored.add(storage);
    }
    GenericObject updated = Crds.withContent(crd, tree);
    if (!updated.equals(crd)) {
      api.write(updated);
    }
  }

  private static void copyNames(JsonNode requested, ObjectNode accepted) {
    for (String field : List.of("categories", "kind", "listKind", "plural", "shortNames", "singular")) {
      JsonNode v = requested.get(field);
      if (v != null && !(v.isArray() && v.size() == 0)) {
        accepted.set(field, v.deepCopy());
      }
    }
  }

  /** The first name another definition of the group has accepted, as {@code reason\nmessage}; null for none. */
  private String conflict(GenericObject crd, String group, JsonNode requested) {
    Set<String> resourceNames = new LinkedHashSet<>();
    Set<String> kindNames = new LinkedHashSet<>();
    for (KubeObject other : definitions()) {
      if (other.metadata().nameOrEmpty().equals(crd.metadata().nameOrEmpty())) {
        continue;
      }
      JsonNode tree = Crds.content((GenericObject) other);
      if (!tree.path("spec").path("group").asText("").equals(group)) {
        continue;
      }
      JsonNode accepted = tree.path("status").path("acceptedNames");
      add(resourceNames, accepted.path("plural"));
      add(resourceNames, accepted.path("singular"));
      accepted.path("shortNames").forEach(n -> add(resourceNames, n));
      add(kindNames, accepted.path("kind"));
      add(kindNames, accepted.path("listKind"));
    }
    String plural = requested.path("plural").asText("");
    if (resourceNames.contains(plural)) {
      return "PluralConflict\n\"" + plural + "\" is already in use";
    }
    String singular = requested.path("singular").asText("");
    if (resourceNames.contains(singular)) {
      return "SingularConflict\n\"" + singular + "\" is already in use";
    }
    for (JsonNode s : requested.path("shortNames")) {
      if (resourceNames.contains(s.asText())) {
        return "ShortNamesConflict\n\"" + s.asText() + "\" is already in use";
      }
    }
    String kind = requested.path("kind").asText("");
    if (kindNames.contains(kind)) {
      return "KindConflict\n\"" + kind + "\" is already in use";
    }
    String listKind = requested.path("listKind").asText("");
    if (kindNames.contains(listKind)) {
      return "ListKindConflict\n\"" + listKind + "\" is already in use";
    }
    return null;
  }

  private static void add(Set<String> set, JsonNode name) {
    if (name.isTextual() && !name.asText().isEmpty()) {
      set.add(name.asText());
    }
  }

  private static void setCondition(ObjectNode status, String type, String value, String reason, String message, String now) {
    ArrayNode conditions = status.get("conditions") instanceof ArrayNode a ? a : status.putArray("conditions");
    ObjectNode existing = null;
    for (JsonNode c : conditions) {
      if (c.path("type").asText().equals(type)) {
        existing = (ObjectNode) c;
      }
    }
    if (existing == null) {
      existing = conditions.addObject();
    } else if (existing.path("status").asText().equals(value) && existing.path("reason").asText().equals(reason)
        && existing.path("message").asText().equals(message)) {
      return;
    }
    String since = existing.path("status").asText().equals(value) ? existing.path("lastTransitionTime").asText(now) : now;
    existing.removeAll();
    existing.put("lastTransitionTime", since);
    existing.put("message", message);
    existing.put("reason", reason);
    existing.put("status", value);
    existing.put("type", type);
  }

  /** Serves every established definition's versions, and only those. */
  private void refresh() {
    List<CustomKind> kinds = new ArrayList<>();
    for (KubeObject crd : definitions()) {
      JsonNode tree = Crds.content((GenericObject) crd);
      if (Crds.established(tree)) {
        kinds.addAll(Crds.servedKinds(crd.metadata().nameOrEmpty(), tree));
      }
    }
    api.kinds().setCustom(kinds);
    Set<String> now = new LinkedHashSet<>();
    for (CustomKind k : kinds) {
      now.add(k.info().kind());
    }
    for (String kind : registered) {
      if (!now.contains(kind)) {
        api.unregisterGeneric(kind);
      }
    }
    for (String kind : now) {
      if (!registered.contains(kind)) {
        api.registerGeneric(kind, new CustomResourceStrategy(api.kinds(), kind));
      }
    }
    registered.clear();
    registered.addAll(now);
  }

  /** The finalizer controller's work: the definition's objects go with it. */
  private void deleteCustomResources(KubeObject crd) {
    JsonNode accepted = Crds.content((GenericObject) crd).path("status").path("acceptedNames");
    String kind = accepted.path("kind").asText("");
    if (kind.isEmpty() || api.kinds().customByKind(kind).isEmpty()) {
      return;
    }
    for (KubeObject o : new ArrayList<>(api.list(kind, Optional.empty()))) {
      if (api.get(kind, o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty()).isPresent()) {
        api.delete(kind, o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty());
      }
    }
  }
}
