package dev.kubesim.impl.ingress;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path as ingress-nginx writes it with {@code use-regex} or {@code rewrite-target}: a
 * case-insensitive PCRE matched from the start of the URI ({@code location ~* "^PATH"}), and the
 * {@code rewrite "(?i)PATH" TARGET break;} that replaces the whole URI with the target, its {@code
 * $N} the regex's groups. Java's regex dialect stands in for PCRE; a path that does not compile
 * matches nothing.
 */
final class PathRegex {
  private PathRegex() {}

  /** A matcher of the path's regex over the request path, unless the path is no valid regex. */
  static Optional<Matcher> matcher(String locationPath, String requestPath) {
    try {
      return Optional.of(Pattern.compile(locationPath, Pattern.CASE_INSENSITIVE).matcher(requestPath));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The URI after {@code rewrite}: where the path's regex matches the request path, the target with
   * {@code $N} replaced by group N (empty for a group that did not take part); else the request path.
   */
  static String rewrite(String locationPath, String target, String requestPath) {
    Optional<Matcher> m = matcher(locationPath, requestPath);
    if (m.isEmpty() || !m.get().find()) {
      return requestPath;
    }
    Matcher found = m.get();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '$' && i + 1 < target.length() && Character.isDigit(target.charAt(i + 1))) {
        int group = target.charAt(++i) - '0';
        if (group <= found.groupCount() && found.group(group) != null) {
          out.append(found.group(group));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
