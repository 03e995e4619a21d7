package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl create's generators for access and budgets: {@code serviceaccount}, {@code quota},
 * {@code poddisruptionbudget}, {@code priorityclass}, {@code role}, {@code clusterrole}, {@code
 * rolebinding} and {@code clusterrolebinding}, with their flags and their errors in kubectl's words
 * (pkg/cmd/create/create_*.go).
 */
final class AccessGenerators {
  private static final String RBAC = "rbac.authorization.k8s.io";
  /** The verbs create role accepts ({@code validResourceVerbs}). */
  private static final Set<String> VERBS = Set.of("*", "get", "delete", "list", "create", "update", "patch", "watch",
      "proxy", "deletecollection", "use", "bind", "escalate", "impersonate");

  private AccessGenerators() {}

  /** The object a generator makes, or empty when {@code what} is none of these. */
  static Optional<GenericObject> of(CommandContext ctx, ParsedArgs args, String what, String name) {
    return Optional.ofNullable(switch (what) {
      case "serviceaccount", "sa" -> object("v1", "ServiceAccount", ctx.namespace(), name, new LinkedHashMap<>());
      case "quota", "resourcequota" -> quota(ctx, args, name);
      case "poddisruptionbudget", "pdb" -> podDisruptionBudget(ctx, args, name);
      case "priorityclass", "pc" -> priorityClass(args, name);
      case "role" -> role(ctx, args, name, false);
      case "clusterrole" -> role(ctx, args, name, true);
      case "rolebinding" -> binding(ctx, args, name, false);
      case "clusterrolebinding" -> binding(ctx, args, name, true);
      default -> null;
    });
  }

  private static GenericObject object(String apiVersion, String kind, String namespace, String name, Map<String, Object> content) {
    ObjectMeta.Builder meta = ObjectMeta.builder().name(name);
    if (namespace != null) {
      meta.namespace(namespace);
    }
    return new GenericObject(apiVersion, kind, meta.build(), content);
  }

  /** {@code create quota NAME --hard=cpu=1,pods=2 [--scopes=BestEffort,...]}. */
  private static GenericObject quota(CommandContext ctx, ParsedArgs args, String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> hard = new TreeMap<>();
    for (String pair : list(args.string("hard").orElse(""))) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw KubectlException.error("invalid argument \"" + pair + "\": expected RESOURCE=QUANTITY");
      }
      hard.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (!hard.isEmpty()) {
      spec.put("hard", hard);
    }
    List<String> scopes = list(args.string("scopes").orElse(""));
    if (!scopes.isEmpty()) {
      spec.put("scopes", scopes);
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("spec", spec);
    return object("v1", "ResourceQuota", ctx.namespace(), name, content);
  }

  /** {@code create pdb NAME --selector=K=V --min-available=N|N% | --max-unavailable=N|N%}. */
  private static GenericObject podDisruptionBudget(CommandContext ctx, ParsedArgs args, String name) {
    Optional<String> min = args.string("min-available").filter(s -> !s.isEmpty());
    Optional<String> max = args.string("max-unavailable").filter(s -> !s.isEmpty());
    if (min.isEmpty() && max.isEmpty()) {
      throw KubectlException.error("one of min-available or max-unavailable must be specified");
    }
    if (min.isPresent() && max.isPresent()) {
      throw KubectlException.error("min-available and max-unavailable cannot be both specified");
    }
    String selector = args.string("selector").orElse("");
    if (selector.isEmpty()) {
      throw KubectlException.error("a selector must be specified");
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    min.ifPresent(v -> spec.put("minAvailable", intOrPercent(v, "min-available")));
    max.ifPresent(v -> spec.put("maxUnavailable", intOrPercent(v, "max-unavailable")));
    spec.put("selector", Map.of("matchLabels", pairs(selector)));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("spec", spec);
    return object("policy/v1", "PodDisruptionBudget", ctx.namespace(), name, content);
  }

  private static Object intOrPercent(String value, String flag) {
    if (value.matches("\\d+")) {
      return Integer.parseInt(value);
    }
    if (value.matches("\\d+%")) {
      return value;
    }
    throw KubectlException.error("invalid format specified for " + flag + ": " + value);
  }

  /** {@code create priorityclass NAME --value=N [--global-default] [--description=S] [--preemption-policy=P]}. */
  private static GenericObject priorityClass(ParsedArgs args, String name) {
    Map<String, Object> content = new LinkedHashMap<>();
    args.string("description").filter(d -> !d.isEmpty()).ifPresent(d -> content.put("description", d));
    if (args.bool("global-default")) {
      content.put("globalDefault", true);
    }
    content.put("preemptionPolicy", args.string("preemption-policy").orElse("PreemptLowerPriority"));
    content.put("value", args.integer("value", 0));
    return object("scheduling.k8s.io/v1", "PriorityClass", null, name, content);
  }

  /** {@code create role|clusterrole NAME --verb=V,... --resource=R[.GROUP][/SUB],... [--resource-name=N]}. */
  private static GenericObject role(CommandContext ctx, ParsedArgs args, String name, boolean cluster) {
    List<String> verbs = list(args.strings("verb"));
    List<String> resources = list(args.strings("resource"));
    List<String> nonResourceUrls = cluster ? list(args.strings("non-resource-url")) : List.of();
    if (verbs.isEmpty()) {
      throw KubectlException.error("at least one verb must be specified");
    }
    if (resources.isEmpty() && nonResourceUrls.isEmpty()) {
      throw KubectlException.error(cluster ? "one of resource or nonResourceURL must be specified"
          : "at least one resource must be specified");
    }
    for (String verb : verbs) {
      if (!VERBS.contains(verb) && nonResourceUrls.isEmpty()) {
        throw KubectlException.error("invalid verb: '" + verb + "'");
      }
    }
    // one rule per API group, the groups in the order their first resource came
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (String r : resources) {
      String sub = "";
      int slash = r.indexOf('/');
      String resource = slash < 0 ? r : r.substring(0, slash);
      if (slash >= 0) {
        sub = r.substring(slash);
      }
      String group = "";
      int dot = resource.indexOf('.');
      if (dot >= 0) {
        group = resource.substring(dot + 1);
        resource = resource.substring(0, dot);
      }
      String wanted = group;
      KindInfo kind = ctx.api().kinds().byResourceName(resource)
          .filter(k -> dot < 0 || k.group().equals(wanted))
          .orElseThrow(() -> KubectlException.error("the server doesn't have a resource type \"" + r + "\""));
      String apiGroup = kind.group();
      byGroup.computeIfAbsent(apiGroup, g -> new ArrayList<>()).add(kind.resource() + sub);
    }
    List<Object> rules = new ArrayList<>();
    List<String> names = list(args.strings("resource-name"));
    byGroup.forEach((group, rs) -> {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("apiGroups", List.of(group));
      if (!names.isEmpty()) {
        rule.put("resourceNames", names);
      }
      rule.put("resources", rs);
      rule.put("verbs", verbs);
      rules.add(rule);
    });
    if (!nonResourceUrls.isEmpty()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("nonResourceURLs", nonResourceUrls);
      rule.put("verbs", verbs);
      rules.add(rule);
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("rules", rules);
    return object(RBAC + "/v1", cluster ? "ClusterRole" : "Role", cluster ? null : ctx.namespace(), name, content);
  }

  /**
   * {@code create rolebinding|clusterrolebinding NAME --clusterrole=R | --role=R [--user=U]...
   * [--group=G]... [--serviceaccount=NS:NAME]...}: the users, then the groups, then the service
   * accounts as subjects.
   */
  private static GenericObject binding(CommandContext ctx, ParsedArgs args, String name, boolean cluster) {
    Optional<String> clusterRole = args.string("clusterrole").filter(s -> !s.isEmpty());
    Optional<String> role = cluster ? Optional.empty() : args.string("role").filter(s -> !s.isEmpty());
    if (clusterRole.isPresent() == role.isPresent()) {
      throw KubectlException.error(cluster ? "clusterrole must be specified" : "exactly one of clusterrole or role must be specified");
    }
    Map<String, Object> roleRef = new LinkedHashMap<>();
    roleRef.put("apiGroup", RBAC);
    roleRef.put("kind", role.isPresent() ? "Role" : "ClusterRole");
    roleRef.put("name", role.orElseGet(clusterRole::get));
    List<Object> subjects = new ArrayList<>();
    for (String user : list(args.strings("user"))) {
      subjects.add(subject(RBAC, "User", user, null));
    }
    for (String group : list(args.strings("group"))) {
      subjects.add(subject(RBAC, "Group", group, null));
    }
    for (String sa : list(args.strings("serviceaccount"))) {
      int colon = sa.indexOf(':');
      if (colon <= 0 || colon == sa.length() - 1) {
        throw KubectlException.error("serviceaccount must be <namespace>:<name>");
      }
      subjects.add(subject(null, "ServiceAccount", sa.substring(colon + 1), sa.substring(0, colon)));
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("roleRef", roleRef);
    if (!subjects.isEmpty()) {
      content.put("subjects", subjects);
    }
    return object(RBAC + "/v1", cluster ? "ClusterRoleBinding" : "RoleBinding", cluster ? null : ctx.namespace(), name,
        content);
  }

  private static Map<String, Object> subject(String apiGroup, String kind, String name, String namespace) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (apiGroup != null) {
      s.put("apiGroup", apiGroup);
    }
    s.put("kind", kind);
    s.put("name", name);
    if (namespace != null) {
      s.put("namespace", namespace);
    }
    return s;
  }

  /** {@code k=v,k2=v2} as a map, in key order. */
  private static Map<String, Object> pairs(String selector) {
    Map<String, Object> out = new TreeMap<>();
    for (String pair : list(selector)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || pair.startsWith("!")) {
        throw KubectlException.error("couldn't parse the selector string \"" + selector + "\"");
      }
      out.put(pair.substring(0, eq), pair.substring(pair.startsWith("==", eq) ? eq + 2 : eq + 1));
    }
    return out;
  }

  /** Comma-separated values of one flag, blanks left out. */
  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String v : value.split(",")) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  /** Comma-separated values of a repeated flag. */
  private static List<String> list(List<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.addAll(list(v)));
    return out;
  }
}
