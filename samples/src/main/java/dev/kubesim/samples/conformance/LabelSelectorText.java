package dev.kubesim.samples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label selector written as kubectl's {@code -l} takes it: requirements separated by commas,
 * each {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)},
 * {@code k} or {@code !k}.
 */
final class LabelSelectorText {
  private static final Pattern SET = Pattern.compile("\\s*([^\\s!=(),]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern EQ = Pattern.compile("\\s*([^\\s!=(),]+)\\s*(==|=|!=)\\s*([^\\s!=(),]*)\\s*");
  private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([^\\s!=(),]+)\\s*");

  private LabelSelectorText() {}

  /** The labels a selector accepts; throws IllegalArgumentException for a malformed selector. */
  static Predicate<Map<String, String>> parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String part : split(selector)) {
      requirements.add(requirement(part, selector));
    }
    if (requirements.isEmpty()) {
      throw new IllegalArgumentException("empty label selector");
    }
    return labels -> requirements.stream().allMatch(r -> r.test(labels));
  }

  /** Splits at the commas outside parentheses. */
  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }

  private static Predicate<Map<String, String>> requirement(String part, String selector) {
    Matcher m = SET.matcher(part);
    if (m.matches()) {
      String key = m.group(1);
      Set<String> values = Set.copyOf(List.of(m.group(3).trim().split("\\s*,\\s*")));
      boolean in = m.group(2).equals("in");
      return labels -> in ? labels.containsKey(key) && values.contains(labels.get(key))
          : !labels.containsKey(key) || !values.contains(labels.get(key));
    }
    m = EQ.matcher(part);
    if (m.matches()) {
      String key = m.group(1);
      String value = m.group(3);
      return m.group(2).equals("!=") ? labels -> !value.equals(labels.get(key)) : labels -> value.equals(labels.get(key));
    }
    m = EXISTS.matcher(part);
    if (m.matches()) {
      String key = m.group(2);
      return m.group(1).isEmpty() ? labels -> labels.containsKey(key) : labels -> !labels.containsKey(key);
    }
    throw new IllegalArgumentException("invalid label selector " + Texts.quote(selector) + " at " + Texts.quote(part.trim()));
  }
}
