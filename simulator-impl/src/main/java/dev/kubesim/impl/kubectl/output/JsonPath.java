package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl's JSONPath templates ({@code -o jsonpath=...}, {@code custom-columns}), as client-go's
 * {@code util/jsonpath} reads and runs them: text outside braces is printed as it is; inside, an
 * action is a path ({@code .metadata.name}, {@code ['key']}, {@code [0]}, {@code [-1]}, {@code
 * [1:3]}, {@code [*]}, {@code ..name}, filters {@code [?(@.type=="Ready")]} with {@code == != < >
 * <= >=} or a path alone), a quoted string ({@code "\n"}), or {@code range PATH} ... {@code end}.
 * The values of one action are printed separated by spaces; strings as they are, other scalars as
 * JSON writes them, objects and lists as compact JSON. Missing keys print nothing, as kubectl's
 * {@code --allow-missing-template-keys} (true by default) has it.
 */
public final class JsonPath {
  /** A template that does not parse: kubectl's words for it. */
  public static final class ParseException extends Exception {
    ParseException(String message) {
      super(message);
    }
  }

  private sealed interface Node permits Text, Action, Range {}

  private record Text(String text) implements Node {}

  /** A path of steps, or a literal string (steps empty). */
  private record Action(List<Step> steps, String literal) implements Node {}

  private record Range(List<Step> steps, List<Node> body) implements Node {}

  private sealed interface Step permits Field, Recursive, Index, Slice, Wildcard, Filter {}

  private record Field(String name) implements Step {}

  private record Recursive(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Slice(Integer start, Integer end, Integer step) implements Step {}

  private record Wildcard() implements Step {}

  private record Filter(List<Step> left, String op, List<Step> rightPath, JsonNode rightValue) implements Step {}

  private final String template;
  private final List<Node> nodes;

  private JsonPath(String template, List<Node> nodes) {
    this.template = template;
    this.nodes = nodes;
  }

  /**
   * Parses a template.
   *
   * @param template the template, as after {@code -o jsonpath=}
   * @return the parsed template
   * @throws ParseException with the message kubectl prints after {@code error: error parsing jsonpath TEMPLATE, }
   */
  public static JsonPath parse(String template) throws ParseException {
    List<List<Node>> stack = new ArrayList<>();
    stack.add(new ArrayList<>());
    List<List<Step>> ranges = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      if (text.length() > 0) {
        stack.get(stack.size() - 1).add(new Text(text.toString()));
        text.setLength(0);
      }
      int close = closingBrace(template, i);
      if (close < 0) {
        throw new ParseException("unclosed action");
      }
      String action = template.substring(i + 1, close).trim();
      i = close + 1;
      if (action.equals("end")) {
        if (ranges.isEmpty()) {
          throw new ParseException("not in range, nothing to end");
        }
        List<Node> body = stack.remove(stack.size() - 1);
        stack.get(stack.size() - 1).add(new Range(ranges.remove(ranges.size() - 1), List.copyOf(body)));
      } else if (action.startsWith("range ") || action.startsWith("range\t") || action.startsWith("range.")
          || action.startsWith("range[")) {
        // the parser reads "range" as an identifier, which a '.' or '[' ends as well as a blank: {range.items[*]}
        ranges.add(path(action.substring(5).trim()));
        stack.add(new ArrayList<>());
      } else if (action.startsWith("\"") || action.startsWith("'")) {
        stack.get(stack.size() - 1).add(new Action(List.of(), literal(action)));
      } else {
        stack.get(stack.size() - 1).add(new Action(path(action), null));
      }
    }
    if (text.length() > 0) {
      stack.get(stack.size() - 1).add(new Text(text.toString()));
    }
    if (!ranges.isEmpty()) {
      throw new ParseException("unclosed range");
    }
    return new JsonPath(template, List.copyOf(stack.get(0)));
  }

  /** The template as given. */
  public String template() {
    return template;
  }

  /** Runs the template over an object (or a {@code List} of them) and returns what it prints. */
  public String execute(JsonNode root) {
    StringBuilder out = new StringBuilder();
    run(nodes, root, root, out);
    return out.toString();
  }

  /**
   * The values of a template with one action over an object, each printed as {@link #execute}
   * prints values: what {@code custom-columns} puts in a cell (joined by commas there).
   */
  public List<String> values(JsonNode root) {
    return results(root).stream().map(JsonPath::text).toList();
  }

  /** The values a template with actions finds in an object, unformatted, in order. */
  public List<JsonNode> results(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Action a && a.literal == null) {
        out.addAll(eval(a.steps, List.of(root), root));
      }
    }
    return out;
  }

  /**
   * The values of the template's actions over an object, as JSON (what {@code --sort-by} compares).
   *
   * @param root the object
   * @return the values in order, none where the path finds nothing
   */
  public List<JsonNode> nodes(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Action a && a.literal == null) {
        out.addAll(eval(a.steps, List.of(root), root));
      }
    }
    return out;
  }

  private static void run(List<Node> nodes, JsonNode current, JsonNode root, StringBuilder out) {
    for (Node n : nodes) {
      if (n instanceof Text t) {
        out.append(t.text);
      } else if (n instanceof Action a) {
        if (a.literal != null) {
          out.append(a.literal);
          continue;
        }
        List<JsonNode> values = eval(a.steps, List.of(current), root);
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(' ');
          }
          out.append(text(values.get(i)));
        }
      } else if (n instanceof Range r) {
        for (JsonNode v : eval(r.steps, List.of(current), root)) {
          // a range over one list walks its elements
          if (v.isArray() && (r.steps.isEmpty() || !(r.steps.get(r.steps.size() - 1) instanceof Wildcard))) {
            for (JsonNode e : v) {
              run(r.body, e, root, out);
            }
          } else {
            run(r.body, v, root, out);
          }
        }
      }
    }
  }

  /** A value as kubectl prints it: strings raw, other scalars as JSON, objects and lists as compact JSON. */
  private static String text(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNull()) {
      return "<nil>";
    }
    if (v.isContainerNode()) {
      return GoJson.compact(v);
    }
    return v.toString();
  }

  private static List<JsonNode> eval(List<Step> steps, List<JsonNode> start, JsonNode root) {
    List<JsonNode> current = start;
    for (Step s : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode v : current) {
        apply(s, v, root, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(Step s, JsonNode v, JsonNode root, List<JsonNode> out) {
    if (s instanceof Field f) {
      JsonNode child = v.isObject() ? v.get(f.name) : null;
      if (child != null) {
        out.add(child);
      }
    } else if (s instanceof Recursive r) {
      recurse(v, r.name, out);
    } else if (s instanceof Index x) {
      if (v.isArray()) {
        int i = x.index < 0 ? v.size() + x.index : x.index;
        if (i >= 0 && i < v.size()) {
          out.add(v.get(i));
        }
      }
    } else if (s instanceof Slice sl) {
      if (v.isArray()) {
        int n = v.size();
        int step = sl.step == null || sl.step <= 0 ? 1 : sl.step;
        int from = bound(sl.start == null ? 0 : sl.start, n);
        int to = bound(sl.end == null ? n : sl.end, n);
        for (int i = from; i < to; i += step) {
          out.add(v.get(i));
        }
      }
    } else if (s instanceof Wildcard) {
      if (v.isArray()) {
        v.forEach(out::add);
      } else if (v.isObject()) {
        sorted(v).values().forEach(out::add);
      }
    } else if (s instanceof Filter f && v.isArray()) {
      for (JsonNode e : v) {
        if (matches(f, e, root)) {
          out.add(e);
        }
      }
    }
  }

  private static int bound(int i, int n) {
    int b = i < 0 ? n + i : i;
    return Math.max(0, Math.min(n, b));
  }

  private static Map<String, JsonNode> sorted(JsonNode object) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static void recurse(JsonNode v, String name, List<JsonNode> out) {
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : sorted(v).entrySet()) {
        if (name.isEmpty() || e.getKey().equals(name)) {
          out.add(e.getValue());
        }
      }
      for (JsonNode child : sorted(v).values()) {
        if (child.isContainerNode()) {
          recurse(child, name, out);
        }
      }
    } else if (v.isArray()) {
      for (JsonNode child : v) {
        recurse(child, name, out);
      }
    }
  }

  private static boolean matches(Filter f, JsonNode element, JsonNode root) {
    List<JsonNode> left = eval(f.left, List.of(element), root);
    if (f.op == null) {
      return !left.isEmpty() && !(left.get(0).isBoolean() && !left.get(0).asBoolean());
    }
    JsonNode right = f.rightValue != null ? f.rightValue
        : eval(f.rightPath, List.of(element), root).stream().findFirst().orElse(null);
    if (left.isEmpty() || right == null) {
      return false;
    }
    JsonNode l = left.get(0);
    if (l.isNumber() && right.isNumber()) {
      int c = Double.compare(l.asDouble(), right.asDouble());
      return compare(f.op, c);
    }
    String ls = l.isTextual() ? l.asText() : l.toString();
    String rs = right.isTextual() ? right.asText() : right.toString();
    return switch (f.op) {
      case "==" -> ls.equals(rs);
      case "!=" -> !ls.equals(rs);
      default -> compare(f.op, ls.compareTo(rs));
    };
  }

  private static boolean compare(String op, int c) {
    return switch (op) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      default -> c >= 0;
    };
  }

  // ---- parsing -------------------------------------------------------------------------------

  private static int closingBrace(String s, int open) {
    char quote = 0;
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private static String literal(String quoted) throws ParseException {
    char q = quoted.charAt(0);
    if (quoted.length() < 2 || quoted.charAt(quoted.length() - 1) != q) {
      throw new ParseException("unterminated string");
    }
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        b.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A path: {@code $}/{@code @} optional at the start, then fields, brackets and recursive descents. */
  static List<Step> path(String p) throws ParseException {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    if (p.startsWith("$") || p.startsWith("@")) {
      i = 1;
    }
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        boolean recursive = i + 1 < p.length() && p.charAt(i + 1) == '.';
        int start = i + (recursive ? 2 : 1);
        int end = start;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        String name = p.substring(start, end);
        if (recursive) {
          steps.add(new Recursive(name.equals("*") ? "" : name));
        } else if (name.equals("*")) {
          steps.add(new Wildcard());
        } else if (!name.isEmpty()) {
          steps.add(new Field(name));
        }
        i = end;
      } else if (c == '[') {
        int close = closingBracket(p, i);
        if (close < 0) {
          throw new ParseException("unterminated array");
        }
        steps.add(bracket(p.substring(i + 1, close).trim()));
        i = close + 1;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        // a bare name at the start of a path (custom-columns' relaxed form is made explicit before)
        int end = i;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        String word = p.substring(i, end);
        if (!word.matches("[A-Za-z0-9_\\-]+")) {
          throw new ParseException("unrecognized identifier " + word);
        }
        steps.add(new Field(word));
        i = end;
      }
    }
    return steps;
  }

  private static int closingBracket(String s, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static Step bracket(String inside) throws ParseException {
    if (inside.equals("*")) {
      return new Wildcard();
    }
    if (inside.startsWith("?(") && inside.endsWith(")")) {
      return filter(inside.substring(2, inside.length() - 1).trim());
    }
    if (inside.startsWith("'") || inside.startsWith("\"")) {
      return new Field(literal(inside));
    }
    if (inside.contains(":")) {
      String[] parts = inside.split(":", -1);
      if (parts.length > 3) {
        throw new ParseException("invalid array index " + inside);
      }
      return new Slice(number(parts[0], inside), number(parts[1], inside), parts.length == 3 ? number(parts[2], inside) : null);
    }
    Integer index = number(inside, inside);
    if (index == null) {
      throw new ParseException("invalid array index " + inside);
    }
    return new Index(index);
  }

  private static Integer number(String s, String whole) throws ParseException {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new ParseException("invalid array index " + whole);
    }
  }

  private static Filter filter(String expr) throws ParseException {
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      int at = operator(expr, op);
      if (at >= 0) {
        List<Step> left = path(expr.substring(0, at).trim());
        String right = expr.substring(at + op.length()).trim();
        if (right.startsWith("@") || right.startsWith("$")) {
          return new Filter(left, op, path(right), null);
        }
        return new Filter(left, op, List.of(), value(right));
      }
    }
    return new Filter(path(expr), null, List.of(), null);
  }

  /** Where the operator stands outside quotes, or -1. */
  private static int operator(String expr, String op) {
    char quote = 0;
    for (int i = 0; i + op.length() <= expr.length(); i++) {
      char c = expr.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (expr.startsWith(op, i)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode value(String s) throws ParseException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (s.startsWith("'") || s.startsWith("\"")) {
      return f.textNode(literal(s));
    }
    if (s.equals("true") || s.equals("false")) {
      return f.booleanNode(Boolean.parseBoolean(s));
    }
    try {
      return s.contains(".") ? f.numberNode(Double.parseDouble(s)) : f.numberNode(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new ParseException("unrecognized filter value " + s);
    }
  }
}
