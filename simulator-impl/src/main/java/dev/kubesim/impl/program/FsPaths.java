package dev.kubesim.impl.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Path arithmetic inside a container: absolute, {@code /}-separated, without {@code .}/{@code ..}. */
public final class FsPaths {
  private FsPaths() {}

  /**
   * The absolute, normalised form of a path given relative to a working directory: {@code //}
   * and {@code .} vanish, {@code ..} goes up (never above {@code /}).
   */
  public static String resolve(String cwd, String path) {
    String joined = path.startsWith("/") ? path : cwd + "/" + path;
    return normalize(joined);
  }

  /** The normalised form of an absolute path. */
  public static String normalize(String absolute) {
    if (isNormal(absolute)) {
      return absolute; // the common case, without splitting
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : absolute.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
  }

  /** Whether a path is already absolute and normalised: no empty, {@code .} or {@code ..} name, no trailing slash. */
  private static boolean isNormal(String p) {
    int n = p.length();
    if (n == 0 || p.charAt(0) != '/') {
      return false;
    }
    if (n == 1) {
      return true;
    }
    if (p.charAt(n - 1) == '/') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (p.charAt(i) == '/' && i + 1 < n) {
        char c = p.charAt(i + 1);
        if (c == '/') {
          return false;
        }
        if (c == '.') {
          int end = p.indexOf('/', i + 1);
          String name = p.substring(i + 1, end < 0 ? n : end);
          if (name.equals(".") || name.equals("..")) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The names along a normalised absolute path: {@code /a/b} gives {@code [a, b]}. */
  public static List<String> segments(String normalized) {
    List<String> out = new ArrayList<>();
    for (String part : normalized.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /** The directory part of a normalised path ({@code /} for {@code /} and for top-level names). */
  public static String parent(String normalized) {
    int slash = normalized.lastIndexOf('/');
    return slash <= 0 ? "/" : normalized.substring(0, slash);
  }

  /** The last name of a path, as {@code basename} prints it. */
  public static String basename(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 || p.equals("/") ? p : p.substring(slash + 1);
  }
}
