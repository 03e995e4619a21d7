package dev.kubesim.impl.ingress;

/**
 * Whether an Ingress path matches a request path, and how strongly, per the Ingress spec's path
 * types: {@code Exact} is string equality; {@code Prefix} compares path elements split by {@code
 * /}, ignoring a trailing slash on either side ({@code /foo} matches {@code /foo/bar}, not {@code
 * /foobar}); {@code ImplementationSpecific} is what ingress-nginx makes of it without regex
 * annotations, an nginx prefix location: a plain string prefix.
 */
final class PathMatch {
  static final String EXACT = "Exact";
  static final String PREFIX = "Prefix";
  static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";

  private PathMatch() {}

  /** Whether the location path of this type takes the request path. */
  static boolean matches(String pathType, String path, String request) {
    return switch (pathType) {
      case EXACT -> path.equals(request);
      case PREFIX -> elementPrefix(path, request);
      default -> request.startsWith(path);
    };
  }

  /**
   * The length that decides between matching non-exact locations (longest wins): a Prefix path
   * counts as nginx's {@code /foo/} location ingress-nginx makes of it, so {@code /foo} and {@code
   * /foo/} weigh the same.
   */
  static int weight(String pathType, String path) {
    if (pathType.equals(PREFIX)) {
      return path.endsWith("/") ? path.length() : path.length() + 1;
    }
    return path.length();
  }

  /** Every element of {@code path} equals the request's element at the same place. */
  private static boolean elementPrefix(String path, String request) {
    int p = 0;
    int r = 0;
    int pl = trimTrailingSlashes(path);
    int rl = trimTrailingSlashes(request);
    while (true) {
      p = skipSlashes(path, p, pl);
      r = skipSlashes(request, r, rl);
      if (p >= pl) {
        return true;
      }
      if (r >= rl) {
        return false;
      }
      int pe = nextSlash(path, p, pl);
      int re = nextSlash(request, r, rl);
      if (pe - p != re - r || !path.regionMatches(p, request, r, pe - p)) {
        return false;
      }
      p = pe;
      r = re;
    }
  }

  private static int trimTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return end;
  }

  private static int skipSlashes(String s, int i, int end) {
    while (i < end && s.charAt(i) == '/') {
      i++;
    }
    return i;
  }

  private static int nextSlash(String s, int i, int end) {
    while (i < end && s.charAt(i) != '/') {
      i++;
    }
    return i;
  }
}
