package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resource arguments of get, describe, delete, label, annotate and scale, read as kubectl's
 * resource builder reads them: {@code TYPE[,TYPE...] [NAME...]} (where a type may be the {@code
 * all} category) or {@code TYPE/NAME...}.
 */
final class ResourceArgs {
  /** Objects of one kind: the named ones, or every one when no name is given. */
  record Request(KindInfo kind, List<String> names, Optional<String> namespace) {
    /** Objects of a kind in the command's namespace. */
    Request(KindInfo kind, List<String> names) {
      this(kind, names, Optional.empty());
    }
  }

  private ResourceArgs() {}

  /**
   * Parses the positional arguments.
   *
   * @param allowCategory whether {@code all} may be used (only by get)
   * @throws KubectlException for an unknown type or mixed forms, with kubectl's wording
   */
  static List<Request> parse(dev.kubesim.impl.codec.KindCatalog kinds, List<String> args, boolean allowCategory) {
    List<Request> requests = new ArrayList<>();
    if (args.isEmpty()) {
      return requests;
    }
    if (args.get(0).contains("/")) {
      for (String arg : args) {
        int slash = arg.indexOf('/');
        if (slash < 0) {
          throw KubectlException.error(
              "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form"
                  + " (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
        }
        KindInfo kind = resolve(kinds, arg.substring(0, slash));
        String name = arg.substring(slash + 1);
        if (name.isEmpty()) {
          throw KubectlException.error("arguments in resource/name form must have a single resource and name");
        }
        Request last = requests.isEmpty() ? null : requests.get(requests.size() - 1);
        if (last != null && last.kind().equals(kind)) {
          last.names().add(name);
        } else {
          requests.add(new Request(kind, new ArrayList<>(List.of(name))));
        }
      }
      return requests;
    }
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i).contains("/")) {
        throw KubectlException.error(
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form"
                + " (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
      }
    }
    List<String> names = args.subList(1, args.size());
    for (String type : args.get(0).split(",")) {
      if (type.isEmpty()) {
        continue;
      }
      if (allowCategory && type.equalsIgnoreCase("all")) {
        for (String kind : ResourceTypes.ALL_CATEGORY) {
          requests.add(new Request(ResourceTypes.ofKind(kind), new ArrayList<>(names)));
        }
        // custom kinds whose definitions put them in the category, after the built-in ones
        for (KindInfo custom : ResourceTypes.inCategory(kinds, "all")) {
          requests.add(new Request(custom, new ArrayList<>(names)));
        }
      } else if (allowCategory && ResourceTypes.resolve(kinds, type).isEmpty()
          && !ResourceTypes.inCategory(kinds, type.toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
        for (KindInfo custom : ResourceTypes.inCategory(kinds, type.toLowerCase(java.util.Locale.ROOT))) {
          requests.add(new Request(custom, new ArrayList<>(names)));
        }
      } else {
        requests.add(new Request(resolve(kinds, type), new ArrayList<>(names)));
      }
    }
    return requests;
  }

  private static KindInfo resolve(dev.kubesim.impl.codec.KindCatalog kinds, String type) {
    return ResourceTypes.resolve(kinds, type)
        .orElseThrow(() -> KubectlException.error("the server doesn't have a resource type \"" + type + "\""));
  }

  /** Whether the arguments name exactly one object, so that {@code -o yaml} prints it bare. */
  static boolean singleItemImplied(List<Request> requests) {
    return requests.size() == 1 && requests.get(0).names().size() == 1;
  }
}
