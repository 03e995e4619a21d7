package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a word as written into the fields a command receives, in POSIX order: tilde, parameter,
 * command and arithmetic expansion, field splitting of unquoted results on blanks, pathname expansion
 * of unquoted {@code * ? [}, then quote removal.
 */
final class WordExpander {
  /** What expansion needs from the running shell. */
  interface Host {
    /** A variable or special parameter ({@code ?}, {@code #}, {@code 0}-{@code 9}, {@code $}). */
    Optional<String> parameter(String name);

    void assign(String name, String value);

    List<String> positional();

    /** Runs a script in a subshell and returns its standard output. */
    String substitute(String script);

    ContainerFilesystem fs();

    String cwd();

    /**
     * The value of an arithmetic expression whose parameters and command substitutions are already
     * expanded; the shell reports an error itself and throws.
     */
    String arithmetic(String expression);

    /** Whether {@code $[...]} is arithmetic, as bash still reads it; dash and ash leave it as it is. */
    boolean bracketArithmetic();
  }

  private static final String IFS_WHITESPACE = " \t\n";

  /** How deep quotes and {@code ${...}} may nest in one word before the shell's stack gives out. */
  static final int MAX_NESTING = 200;

  private final Host host;
  private int depth;

  WordExpander(Host host) {
    this.host = host;
  }

  /** A word expanded to fields: split, globbed, quotes removed. */
  List<String> fields(String word) {
    Builder b = new Builder(true);
    expand(word, b, false);
    List<String> out = new ArrayList<>();
    for (Field f : b.finish()) {
      out.addAll(glob(f));
    }
    return out;
  }

  /** A word expanded to one string, without field splitting or globbing (assignments, targets). */
  String single(String word) {
    Builder b = new Builder(false);
    expand(word, b, false);
    StringBuilder out = new StringBuilder();
    List<Field> fields = b.finish();
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : " ").append(fields.get(i).text);
    }
    return out.toString();
  }

  // ---- the scan ------------------------------------------------------------------------------

  private void expand(String w, Builder b, boolean inDoubleQuotes) {
    if (++depth > MAX_NESTING) {
      // dash and bash expand nested ${...} recursively too, until their stack runs out
      throw new ShellInterpreter.Crashed();
    }
    try {
      expandAt(w, b, inDoubleQuotes);
    } finally {
      depth--;
    }
  }

  private void expandAt(String w, Builder b, boolean inDoubleQuotes) {
    int i = 0;
    if (!inDoubleQuotes && w.startsWith("~") && (w.length() == 1 || w.charAt(1) == '/')) {
      b.literal(host.parameter("HOME").orElse("/root"), true);
      i = 1;
    }
    while (i < w.length()) {
      char c = w.charAt(i);
      if (c == '\'' && !inDoubleQuotes) {
        int end = w.indexOf('\'', i + 1);
        b.literal(w.substring(i + 1, end), true);
        i = end + 1;
      } else if (c == '"' && !inDoubleQuotes) {
        int end = closingDoubleQuote(w, i);
        b.started();
        expand(w.substring(i + 1, end), b, true);
        i = end + 1;
      } else if (c == '\\') {
        if (i + 1 >= w.length()) {
          b.literal("\\", inDoubleQuotes);
          i++;
        } else {
          char n = w.charAt(i + 1);
          if (inDoubleQuotes && "$`\"\\\n".indexOf(n) < 0) {
            b.literal("\\" + n, true);
          } else if (n != '\n') {
            b.literal(String.valueOf(n), true);
          }
          i += 2;
        }
      } else if (c == '`') {
        int end = closingBackquote(w, i);
        String script = w.substring(i + 1, end).replaceAll("\\\\([$`\\\\])", "$1");
        b.expansion(stripTrailingNewlines(host.substitute(script)), inDoubleQuotes);
        i = end + 1;
      } else if (c == '$') {
        i = dollar(w, i, b, inDoubleQuotes);
      } else {
        b.literal(String.valueOf(c), inDoubleQuotes);
        i++;
      }
    }
  }

  private int dollar(String w, int at, Builder b, boolean quoted) {
    int i = at + 1;
    if (i >= w.length()) {
      b.literal("$", quoted);
      return i;
    }
    char c = w.charAt(i);
    if (c == '(') {
      int end = closingParen(w, i);
      // $((...)) is arithmetic when its inner parenthesis closes just before the outer one;
      // otherwise it is a command substitution that starts with a subshell: $((a); b)
      if (i + 1 < w.length() && w.charAt(i + 1) == '(' && closingParen(w, i + 1) == end - 1) {
        String expression = single(w.substring(i + 2, end - 1));
        b.expansion(host.arithmetic(expression), quoted);
        return end + 1;
      }
      b.expansion(stripTrailingNewlines(host.substitute(w.substring(i + 1, end))), quoted);
      return end + 1;
    }
    if (c == '[' && host.bracketArithmetic()) {
      int end = closing(w, i, '[', ']');
      b.expansion(host.arithmetic(single(w.substring(i + 1, end))), quoted);
      return end + 1;
    }
    if (c == '{') {
      int end = closingBrace(w, i);
      braced(w.substring(i + 1, end), b, quoted);
      return end + 1;
    }
    if (c == '@' || c == '*') {
      positionalAll(c, b, quoted);
      return i + 1;
    }
    if ("?#$!-".indexOf(c) >= 0 || Character.isDigit(c)) {
      b.expansion(host.parameter(String.valueOf(c)).orElse(""), quoted);
      return i + 1;
    }
    if (Character.isLetter(c) || c == '_') {
      int end = i;
      while (end < w.length()
          && (Character.isLetterOrDigit(w.charAt(end)) || w.charAt(end) == '_')) {
        end++;
      }
      b.expansion(host.parameter(w.substring(i, end)).orElse(""), quoted);
      return end;
    }
    b.literal("$", quoted);
    return i;
  }

  private void positionalAll(char which, Builder b, boolean quoted) {
    List<String> params = host.positional();
    if (which == '@' && quoted) {
      for (int k = 0; k < params.size(); k++) {
        if (k > 0) {
          b.split();
        }
        b.literal(params.get(k), true);
      }
      return;
    }
    b.expansion(String.join(" ", params), quoted);
  }

  /** {@code ${...}}: a name with an optional operator and word. */
  private void braced(String body, Builder b, boolean quoted) {
    if (body.startsWith("#") && body.length() > 1) {
      b.expansion(String.valueOf(host.parameter(body.substring(1)).orElse("").length()), quoted);
      return;
    }
    int nameEnd = 0;
    if (!body.isEmpty() && ("?#$!-@*".indexOf(body.charAt(0)) >= 0 || Character.isDigit(body.charAt(0)))) {
      nameEnd = 1;
      while (nameEnd < body.length() && Character.isDigit(body.charAt(0))
          && Character.isDigit(body.charAt(nameEnd))) {
        nameEnd++;
      }
    } else {
      while (nameEnd < body.length()
          && (Character.isLetterOrDigit(body.charAt(nameEnd)) || body.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
    }
    String name = body.substring(0, nameEnd);
    String rest = body.substring(nameEnd);
    if (name.equals("@") || name.equals("*")) {
      positionalAll(name.charAt(0), b, quoted);
      return;
    }
    Optional<String> value = host.parameter(name);
    if (rest.isEmpty()) {
      b.expansion(value.orElse(""), quoted);
      return;
    }
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(0, 2) : rest.substring(0, 1);
    String word = rest.substring(op.length());
    boolean unsetOrNull = value.isEmpty() || (colon && value.get().isEmpty());
    switch (op.replace(":", "")) {
      case "-" -> b.expansion(unsetOrNull ? single(word) : value.get(), quoted);
      case "=" -> {
        String v = unsetOrNull ? single(word) : value.get();
        if (unsetOrNull) {
          host.assign(name, v);
        }
        b.expansion(v, quoted);
      }
      case "+" -> b.expansion(unsetOrNull ? "" : single(word), quoted);
      case "?" -> b.expansion(value.orElse(""), quoted);
      case "%", "#" -> b.expansion(trim(value.orElse(""), rest), quoted);
      default -> b.expansion(value.orElse(""), quoted);
    }
  }

  /** {@code ${x%pat}}, {@code ${x%%pat}}, {@code ${x#pat}}, {@code ${x##pat}}. */
  private String trim(String value, String rest) {
    boolean suffix = rest.startsWith("%");
    boolean longest = rest.length() > 1 && rest.charAt(1) == rest.charAt(0);
    String pattern = single(rest.substring(longest ? 2 : 1));
    Pattern p = Pattern.compile(GlobPattern.toRegex(pattern, null), Pattern.DOTALL);
    if (suffix) {
      for (int k = longest ? 0 : value.length(); longest ? k <= value.length() : k >= 0;
          k += longest ? 1 : -1) {
        if (p.matcher(value.substring(k)).matches()) {
          return value.substring(0, k);
        }
      }
    } else {
      for (int k = longest ? value.length() : 0; longest ? k >= 0 : k <= value.length();
          k += longest ? -1 : 1) {
        if (p.matcher(value.substring(0, k)).matches()) {
          return value.substring(k);
        }
      }
    }
    return value;
  }

  // ---- pathname expansion --------------------------------------------------------------------

  private List<String> glob(Field f) {
    String text = f.text.toString();
    if (!f.hasUnquotedGlob()) {
      return List.of(text);
    }
    List<String> matches = GlobPattern.expand(host.fs(), host.cwd(), text, f.unquoted);
    return matches.isEmpty() ? List.of(text) : matches;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  private static int closingDoubleQuote(String w, int open) {
    int i = open + 1;
    while (i < w.length()) {
      char c = w.charAt(i);
      if (c == '"') {
        return i;
      } else if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        i = closingBackquote(w, i) + 1;
      } else if (c == '$' && i + 1 < w.length() && w.charAt(i + 1) == '(') {
        i = closingParen(w, i + 1) + 1;
      } else if (c == '$' && i + 1 < w.length() && w.charAt(i + 1) == '{') {
        i = closingBrace(w, i + 1) + 1;
      } else {
        i++;
      }
    }
    return w.length();
  }

  private static int closingBackquote(String w, int open) {
    int i = open + 1;
    while (i < w.length() && w.charAt(i) != '`') {
      i += w.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, w.length());
  }

  private static int closingParen(String w, int open) {
    return closing(w, open, '(', ')');
  }

  private static int closingBrace(String w, int open) {
    return closing(w, open, '{', '}');
  }

  /** The index of the bracket that closes the one at {@code open}, skipping quotes and escapes. */
  private static int closing(String w, int open, char opening, char closing) {
    int depth = 0;
    int i = open;
    while (i < w.length()) {
      char c = w.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      } else if (c == '\'') {
        i = w.indexOf('\'', i + 1) + 1;
        continue;
      } else if (c == '"') {
        i = closingDoubleQuote(w, i) + 1;
        continue;
      } else if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i;
      }
      i++;
    }
    return w.length();
  }

  /** One field being built: its text and which characters were unquoted (glob-able). */
  private static final class Field {
    final StringBuilder text = new StringBuilder();
    /** Bit k: character k was unquoted (a bit a character, not a boxed flag: words may be long). */
    final java.util.BitSet unquotedBits = new java.util.BitSet();
    final List<Boolean> unquoted = new java.util.AbstractList<>() {
      @Override
      public Boolean get(int k) {
        return unquotedBits.get(k);
      }

      @Override
      public int size() {
        return text.length();
      }
    };
    boolean started;

    boolean hasUnquotedGlob() {
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (unquoted.get(k) && (c == '*' || c == '?' || c == '[')) {
          return true;
        }
      }
      return false;
    }
  }

  /** Collects fields; unquoted expansion results are split on blanks when splitting is on. */
  private static final class Builder {
    private final boolean splitting;
    private final List<Field> done = new ArrayList<>();
    private Field current = new Field();
    /** Characters produced so far: a word may not outgrow the process's memory. */
    private long size;

    private void grow(int n) {
      size += n;
      if (size > RunningContainer.MEMORY_LIMIT) {
        throw new ShellInterpreter.Killed();
      }
    }

    Builder(boolean splitting) {
      this.splitting = splitting;
    }

    void started() {
      current.started = true;
    }

    void literal(String s, boolean quoted) {
      grow(s.length());
      int start = current.text.length();
      current.text.append(s);
      if (!quoted) {
        current.unquotedBits.set(start, start + s.length());
      }
      current.started = true;
    }

    void split() {
      done.add(current);
      current = new Field();
    }

    void expansion(String value, boolean quoted) {
      if (quoted || !splitting) {
        literal(value, quoted);
        return;
      }
      grow(value.length());
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if (IFS_WHITESPACE.indexOf(c) >= 0) {
          if (current.started) {
            split();
          }
        } else {
          current.text.append(c);
          current.unquotedBits.set(current.text.length() - 1);
          current.started = true;
        }
      }
    }

    List<Field> finish() {
      if (current.started) {
        done.add(current);
      }
      current = new Field();
      return done;
    }
  }
}
