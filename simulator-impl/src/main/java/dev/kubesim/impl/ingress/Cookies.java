package dev.kubesim.impl.ingress;

import java.util.HashMap;
import java.util.Map;

/**
 * The request's cookies as lua-resty-cookie reads {@code $http_cookie}: {@code NAME=VALUE} pairs
 * separated by {@code ;}, blanks before a name skipped, a value running to the next {@code ;} or
 * tab; a name given twice keeps its last value.
 */
final class Cookies {
  private Cookies() {}

  static Map<String, String> parse(String header) {
    Map<String, String> out = new HashMap<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++;
      }
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break; // a name without a value is not a cookie
      }
      int end = eq + 1;
      while (end < n && header.charAt(end) != ';' && header.charAt(end) != '\t') {
        end++;
      }
      out.put(header.substring(i, eq), header.substring(eq + 1, end));
      i = end + 1;
    }
    return out;
  }
}
