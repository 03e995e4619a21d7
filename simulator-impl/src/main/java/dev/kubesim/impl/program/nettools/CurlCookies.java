package dev.kubesim.impl.program.nettools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * curl's cookies: the {@code -b NAME=VALUE} strings it sends as they are, and its cookie engine,
 * switched on by {@code -b FILE} (a file that cannot be read starts it empty) or {@code -c FILE}: the
 * cookies of the file (Netscape format, or {@code Set-Cookie:} lines) and those the answers set,
 * sent back to the hosts and paths they belong to for the rest of the command, and written to the
 * {@code -c} jar at its end.
 */
final class CurlCookies {
  /** One cookie of the engine. */
  private record Cookie(String domain, boolean tailMatch, String path, boolean secure, long expires, String name,
      String value, boolean httpOnly) {}

  private final List<String> literal;
  private final boolean engine;
  private final List<Cookie> jar = new ArrayList<>();

  private CurlCookies(List<String> literal, boolean engine) {
    this.literal = literal;
    this.engine = engine;
  }

  /** The cookies of a command line: {@code -b} arguments with {@code =} are literal, the others files to read. */
  static CurlCookies of(List<String> bArguments, Optional<String> cookieJar, java.util.function.Function<String, Optional<String>> readFile) {
    List<String> literal = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String b : bArguments) {
      (b.contains("=") ? literal : files).add(b);
    }
    CurlCookies c = new CurlCookies(literal, !files.isEmpty() || cookieJar.isPresent());
    for (String f : files) {
      readFile.apply(f).ifPresent(c::load);
    }
    return c;
  }

  private void load(String file) {
    for (String line : file.split("\n")) {
      String l = line.strip();
      if (l.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
        continue; // a header without the host it came from: curl needs one to store it
      }
      boolean httpOnly = l.startsWith("#HttpOnly_");
      if (httpOnly) {
        l = l.substring("#HttpOnly_".length());
      } else if (l.startsWith("#") || l.isEmpty()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 7) {
        continue;
      }
      String domain = f[0].startsWith(".") ? f[0].substring(1) : f[0];
      long expires;
      try {
        expires = Long.parseLong(f[4]);
      } catch (NumberFormatException e) {
        continue;
      }
      put(new Cookie(domain.toLowerCase(Locale.ROOT), f[1].equals("TRUE"), f[2], f[3].equals("TRUE"), expires, f[5], f[6],
          httpOnly));
    }
  }

  /**
   * The {@code Cookie} header for a request, as {@code Curl_http_cookies} writes it: the engine's
   * cookies for the host and path (longest path first), then the {@code -b} strings.
   */
  Optional<String> header(String host, String path, boolean https) {
    List<String> parts = new ArrayList<>();
    String h = host.toLowerCase(Locale.ROOT);
    jar.stream()
        .filter(c -> (c.domain().equals(h) || c.tailMatch() && h.endsWith("." + c.domain())) && pathMatches(c.path(), path)
            && (!c.secure() || https))
        .sorted(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed())
        .forEach(c -> parts.add(c.name() + "=" + c.value()));
    parts.addAll(literal);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /**
   * A {@code Set-Cookie} of an answer from {@code host} for {@code path}: stored when the engine runs,
   * a session cookie (expire 0) unless {@code Max-Age} gives its end ({@code Expires} is not read).
   *
   * @return curl's verbose line about it ({@code Added cookie NAME="VALUE" for domain ...}), if stored
   */
  Optional<String> received(String setCookie, String host, String requestPath, long nowEpochSeconds) {
    if (!engine) {
      return Optional.empty();
    }
    String[] parts = setCookie.split(";");
    int eq = parts[0].indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String name = parts[0].substring(0, eq).strip();
    String value = parts[0].substring(eq + 1).strip();
    String domain = host.toLowerCase(Locale.ROOT);
    boolean tail = false;
    String path = defaultPath(requestPath);
    boolean secure = false;
    boolean httpOnly = false;
    long expires = 0;
    for (int i = 1; i < parts.length; i++) {
      String a = parts[i].strip();
      int e = a.indexOf('=');
      String key = (e < 0 ? a : a.substring(0, e)).strip().toLowerCase(Locale.ROOT);
      String v = e < 0 ? "" : a.substring(e + 1).strip();
      switch (key) {
        case "domain" -> {
          domain = (v.startsWith(".") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
          tail = true;
        }
        case "path" -> path = v.startsWith("/") ? v : path;
        case "secure" -> secure = true;
        case "httponly" -> httpOnly = true;
        case "max-age" -> {
          try {
            long maxAge = Long.parseLong(v);
            expires = maxAge <= 0 ? -1 : nowEpochSeconds + maxAge;
          } catch (NumberFormatException x) {
            // curl ignores a Max-Age it cannot read
          }
        }
        default -> { }
      }
    }
    boolean replaces = jar.removeIf(c -> c.name().equals(name) && c.domain().equals(host.toLowerCase(Locale.ROOT)));
    if (expires < 0) {
      return Optional.empty(); // an expired cookie only removes the one it replaces
    }
    put(new Cookie(domain, tail, path, secure, expires, name, value, httpOnly));
    return Optional.of((replaces ? "Replaced" : "Added") + " cookie " + name + "=\"" + value + "\" for domain " + domain
        + ", path " + path + ", expire " + expires);
  }

  private void put(Cookie c) {
    jar.removeIf(x -> x.name().equals(c.name()) && x.domain().equals(c.domain()) && x.path().equals(c.path()));
    jar.add(c);
  }

  /** The jar {@code -c} writes: curl's header, then one Netscape line per cookie. */
  String jarFile() {
    StringBuilder b = new StringBuilder("# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n"
        + "# This file was generated by libcurl! Edit at your own risk.\n\n");
    for (Cookie c : jar) {
      b.append(c.httpOnly() ? "#HttpOnly_" : "").append(c.tailMatch() ? "." : "").append(c.domain()).append('\t')
          .append(c.tailMatch() ? "TRUE" : "FALSE").append('\t').append(c.path()).append('\t')
          .append(c.secure() ? "TRUE" : "FALSE").append('\t').append(c.expires()).append('\t')
          .append(c.name()).append('\t').append(c.value()).append('\n');
    }
    return b.toString();
  }

  /** RFC 6265's default path: the request path up to its last slash, or {@code /}. */
  private static String defaultPath(String requestPath) {
    int q = requestPath.indexOf('?');
    String p = q < 0 ? requestPath : requestPath.substring(0, q);
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  private static boolean pathMatches(String cookiePath, String requestPath) {
    int q = requestPath.indexOf('?');
    String p = q < 0 ? requestPath : requestPath.substring(0, q);
    return p.equals(cookiePath) || p.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/")
        || cookiePath.equals("/");
  }
}
