package dev.kubesim.impl.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The selector syntax as apimachinery's {@code labels.Parse} reads it (kubectl's {@code -l}):
 * {@code app=kubia}, {@code tier!=db}, {@code env in (a,b)}, {@code env notin (c)}, {@code key},
 * {@code !key}, {@code n>1}.
 */
public final class SelectorText {
  private SelectorText() {}

  /** One parsed requirement. */
  private record Requirement(String key, String op, List<String> values) implements Predicate<Map<String, String>> {
    @Override
    public boolean test(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (op) {
        case "=", "==", "in" -> v != null && values.contains(v);
        case "!=", "notin" -> v == null || !values.contains(v);
        case "exists" -> v != null;
        case "!" -> v == null;
        case ">" -> v != null && isInt(v) && Long.parseLong(v) > Long.parseLong(values.get(0));
        case "<" -> v != null && isInt(v) && Long.parseLong(v) < Long.parseLong(values.get(0));
        default -> false;
      };
    }
  }

  /**
   * Parses a selector into a predicate over a label set; an empty selector matches everything.
   *
   * @throws IllegalArgumentException with apimachinery's message when it does not parse
   */
  public static Predicate<Map<String, String>> parse(String selector) {
    List<Requirement> reqs = new ArrayList<>();
    for (String part : splitTopLevel(selector)) {
      String p = part.trim();
      if (p.isEmpty()) {
        if (selector.isBlank()) {
          continue;
        }
        throw new IllegalArgumentException("unable to parse requirement: found ',', expected: identifier");
      }
      reqs.add(requirement(p));
    }
    return labels -> reqs.stream().allMatch(r -> r.test(labels));
  }

  private static Requirement requirement(String p) {
    if (p.startsWith("!")) {
      return new Requirement(checkKey(p.substring(1).trim()), "!", List.of());
    }
    String[] ops = {"!=", "==", "=", ">", "<"};
    for (String op : ops) {
      int at = p.indexOf(op);
      if (at > 0) {
        String key = checkKey(p.substring(0, at).trim());
        String value = p.substring(at + op.length()).trim();
        if ((op.equals(">") || op.equals("<")) && !isInt(value)) {
          throw new IllegalArgumentException("unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer");
        }
        return new Requirement(key, op, List.of(value));
      }
    }
    String[] words = p.split("\\s+", 2);
    if (words.length == 2) {
      String rest = words[1].trim();
      for (String op : new String[] {"notin", "in"}) {
        if (rest.startsWith(op) && rest.substring(op.length()).trim().startsWith("(")) {
          String list = rest.substring(op.length()).trim();
          if (!list.endsWith(")")) {
            throw new IllegalArgumentException("unable to parse requirement: found '" + list + "', expected: ')'");
          }
          List<String> values = new ArrayList<>();
          for (String v : list.substring(1, list.length() - 1).split(",", -1)) {
            values.add(v.trim());
          }
          return new Requirement(checkKey(words[0]), op, values);
        }
      }
      throw new IllegalArgumentException(
          "unable to parse requirement: found '" + rest.split("\\s+")[0] + "', expected: in, notin, =, ==, !=, gt, lt");
    }
    return new Requirement(checkKey(p), "exists", List.of());
  }

  private static String checkKey(String key) {
    if (key.isEmpty() || !key.matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9](/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?|[a-z0-9.-]+/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
      throw new IllegalArgumentException("unable to parse requirement: invalid label key \"" + key + "\"");
    }
    return key;
  }

  /** Splits at commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static boolean isInt(String s) {
    return s.matches("-?[0-9]+") && s.length() < 19;
  }

}
