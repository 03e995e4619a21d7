package dev.kubesim.impl.kubelet;

import java.util.List;
import java.util.Map;

/**
 * {@code $(VAR)} references in a container's {@code command}, {@code args} and {@code env} values,
 * as {@code third_party/forked/golang/expansion} expands them: a defined variable is replaced, an
 * undefined reference stays as written, {@code $$} is one dollar, a {@code $} before anything else
 * stays, an unclosed {@code $(} stays as written.
 */
public final class EnvExpansion {
  private EnvExpansion() {}

  /**
   * Expands one value.
   *
   * @param contexts where names are looked up, in order (the container's own earlier variables
   *     first, then the Service variables)
   */
  public static String expand(String input, List<Map<String, String>> contexts) {
    StringBuilder out = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      out.append(input, checkpoint, cursor);
      char next = input.charAt(cursor + 1);
      int advance = 1;
      if (next == '$') {
        out.append('$'); // escaped operator
      } else if (next == '(') {
        int close = input.indexOf(')', cursor + 2);
        if (close < 0) {
          out.append("$("); // incomplete reference: kept, scanning goes on after "("
        } else {
          out.append(lookup(input.substring(cursor + 2, close), contexts));
          advance = close - cursor;
        }
      } else {
        out.append('$').append(next);
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return out.append(input.substring(Math.min(checkpoint, input.length()))).toString();
  }

  /** {@code MappingFuncFor}: the first context that defines the name, else the reference as written. */
  private static String lookup(String name, List<Map<String, String>> contexts) {
    for (Map<String, String> vars : contexts) {
      String v = vars.get(name);
      if (v != null) {
        return v;
      }
    }
    return "$(" + name + ")";
  }
}
