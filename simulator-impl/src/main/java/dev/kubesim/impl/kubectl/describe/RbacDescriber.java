package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kubectl's describers of RBAC objects. A Role or ClusterRole: name, labels, annotations and its
 * rules as kubectl's {@code rbac} helpers show them — broken down to one resource, verb and
 * resource name each, the ones that differ only by verb put together again, sorted by their text
 * (verbs first) — in a table of resources (with their group), non-resource URLs, resource names
 * and verbs. A RoleBinding or ClusterRoleBinding: name, labels, annotations, the role it refers to
 * and its subjects.
 */
final class RbacDescriber implements ObjectDescriber {
  private final boolean binding;

  private RbacDescriber(boolean binding) {
    this.binding = binding;
  }

  /** For Roles and ClusterRoles. */
  static RbacDescriber roles() {
    return new RbacDescriber(false);
  }

  /** For RoleBindings and ClusterRoleBindings. */
  static RbacDescriber bindings() {
    return new RbacDescriber(true);
  }

  /** One policy rule, its lists as the API writes them. */
  private record Rule(List<String> verbs, List<String> groups, List<String> resources, List<String> names,
      List<String> urls) {
    /** Go's {@code PolicyRule.String()}, by which kubectl sorts the rules. */
    String text() {
      return "&PolicyRule{Verbs:" + go(verbs) + ",APIGroups:" + go(groups) + ",Resources:" + go(resources)
          + ",ResourceNames:" + go(names) + ",NonResourceURLs:" + go(urls) + ",}";
    }

    /** A rule of one group and one resource with at most one name, and nothing else but verbs. */
    boolean simple() {
      return names.size() <= 1 && urls.isEmpty() && groups.size() == 1 && resources.size() == 1;
    }
  }

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      if (binding) {
        Map<?, ?> ref = content.get("roleRef") instanceof Map<?, ?> m ? m : Map.of();
        w.write(LEVEL_0, "Role:\n");
        w.write(LEVEL_1, "Kind:\t%s\n", Objects.toString(ref.get("kind"), ""));
        w.write(LEVEL_1, "Name:\t%s\n", Objects.toString(ref.get("name"), ""));
        w.write(LEVEL_0, "Subjects:\n");
        w.write(LEVEL_1, "Kind\tName\tNamespace\n");
        w.write(LEVEL_1, "----\t----\t---------\n");
        for (Map<?, ?> s : maps(content.get("subjects"))) {
          w.write(LEVEL_1, "%s\t%s\t%s\n", Objects.toString(s.get("kind"), ""), Objects.toString(s.get("name"), ""),
              Objects.toString(s.get("namespace"), ""));
        }
        return;
      }
      w.write(LEVEL_0, "PolicyRule:\n");
      w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
      w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
      for (Rule r : compact(content.get("rules"))) {
        w.write(LEVEL_1, "%s\t%s\t%s\t%s\n", resourceGroup(r), go(r.urls()), go(r.names()), go(r.verbs()));
      }
    });
  }

  /** {@code BreakdownRule} of every rule, then {@code CompactRules}, sorted by the rules' text. */
  private static List<Rule> compact(Object rules) {
    List<Rule> broken = new ArrayList<>();
    for (Map<?, ?> m : maps(rules)) {
      List<String> verbs = strings(m.get("verbs"));
      List<String> names = strings(m.get("resourceNames"));
      for (String group : strings(m.get("apiGroups"))) {
        for (String resource : strings(m.get("resources"))) {
          for (String verb : verbs) {
            if (names.isEmpty()) {
              broken.add(new Rule(List.of(verb), List.of(group), List.of(resource), List.of(), List.of()));
            }
            for (String name : names) {
              broken.add(new Rule(List.of(verb), List.of(group), List.of(resource), List.of(name), List.of()));
            }
          }
        }
      }
      for (String url : strings(m.get("nonResourceURLs"))) {
        for (String verb : verbs) {
          broken.add(new Rule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
        }
      }
    }
    List<Rule> compacted = new ArrayList<>();
    Map<List<String>, List<String>> simple = new LinkedHashMap<>();
    Map<List<String>, Rule> firstOf = new LinkedHashMap<>();
    for (Rule r : broken) {
      if (!r.simple()) {
        compacted.add(r);
        continue;
      }
      List<String> key = List.of(r.groups().get(0), r.resources().get(0), r.names().isEmpty() ? "" : "=" + r.names().get(0));
      firstOf.putIfAbsent(key, r);
      List<String> verbs = simple.computeIfAbsent(key, k -> new ArrayList<>());
      r.verbs().stream().filter(v -> !verbs.contains(v)).forEach(verbs::add);
    }
    simple.forEach((key, verbs) -> {
      Rule first = firstOf.get(key);
      compacted.add(new Rule(List.copyOf(verbs), first.groups(), first.resources(), first.names(), first.urls()));
    });
    compacted.sort(Comparator.comparing(Rule::text));
    return compacted;
  }

  /** {@code CombineResourceGroup}: {@code deployments.apps}, {@code pods/log} with its group before the slash. */
  private static String resourceGroup(Rule r) {
    if (r.resources().isEmpty()) {
      return "";
    }
    String[] parts = r.resources().get(0).split("/", 2);
    String combined = parts[0];
    if (!r.groups().isEmpty() && !r.groups().get(0).isEmpty()) {
      combined += "." + r.groups().get(0);
    }
    return parts.length == 2 ? combined + "/" + parts[1] : combined;
  }

  /** A list as Go's {@code %v} prints it: {@code [get list]}. */
  private static String go(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        out.add(Objects.toString(o, ""));
      }
    }
    return out;
  }

  private static List<Map<?, ?>> maps(Object value) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
