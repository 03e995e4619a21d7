package dev.kubesim.impl.program.nettools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * curl's command line: the options kubesim's curl honours, parsed as curl does (short options
 * combine, {@code -XPOST} and {@code -X POST} alike, {@code --} ends the options). Options it takes
 * but ignores ({@code -k}, {@code --compressed}, {@code -4}) are accepted.
 */
final class CurlOptions {
  /** Short options taking an argument, and their long names. */
  private static final Map<Character, String> SHORT_WITH_ARG = Map.ofEntries(
      Map.entry('H', "header"), Map.entry('X', "request"), Map.entry('d', "data"), Map.entry('m', "max-time"),
      Map.entry('o', "output"), Map.entry('w', "write-out"), Map.entry('A', "user-agent"), Map.entry('u', "user"),
      Map.entry('e', "referer"), Map.entry('x', "proxy"), Map.entry('b', "cookie"), Map.entry('c', "cookie-jar"),
      Map.entry('T', "upload-file"), Map.entry('r', "range"), Map.entry('F', "form"), Map.entry('E', "cert"),
      Map.entry('U', "proxy-user"), Map.entry('K', "config"), Map.entry('Y', "speed-limit"), Map.entry('y', "speed-time"),
      Map.entry('z', "time-cond"), Map.entry('C', "continue-at"), Map.entry('D', "dump-header"));
  private static final Map<Character, String> SHORT_FLAGS = Map.ofEntries(
      Map.entry('s', "silent"), Map.entry('S', "show-error"), Map.entry('v', "verbose"), Map.entry('i', "include"),
      Map.entry('I', "head"), Map.entry('f', "fail"), Map.entry('L', "location"), Map.entry('k', "insecure"),
      Map.entry('4', "ipv4"), Map.entry('6', "ipv6"), Map.entry('N', "no-buffer"), Map.entry('G', "get"),
      Map.entry('O', "remote-name"), Map.entry('g', "globoff"), Map.entry('n', "netrc"), Map.entry('q', "disable"),
      Map.entry('#', "progress-bar"), Map.entry('0', "http1.0"), Map.entry('1', "tlsv1"), Map.entry('Z', "parallel"));
  private static final List<String> LONG_WITH_ARG = List.of("header", "request", "data", "data-raw", "data-binary",
      "data-ascii", "data-urlencode", "max-time", "output", "write-out", "connect-timeout", "user-agent", "user", "url",
      "referer", "proxy", "cookie", "cookie-jar", "retry", "retry-delay", "retry-max-time", "resolve", "cacert", "cert",
      "key", "form", "range", "dump-header", "max-redirs", "interface", "local-port", "upload-file", "config",
      "speed-limit", "speed-time", "connect-to", "unix-socket", "noproxy", "expect100-timeout", "keepalive-time");
  private static final List<String> LONG_FLAGS = List.of("silent", "show-error", "verbose", "include", "head", "fail",
      "fail-with-body", "location", "insecure", "ipv4", "ipv6", "compressed", "http1.1", "http1.0", "http2", "no-buffer",
      "get", "globoff", "no-keepalive", "raw", "tcp-nodelay", "no-progress-meter", "remote-name", "netrc", "disable",
      "progress-bar", "no-sessionid", "path-as-is", "tr-encoding", "fail-early", "retry-connrefused", "retry-all-errors",
      "tlsv1.2", "tlsv1.3", "ssl", "parallel");

  boolean silent;
  boolean showError;
  boolean verbose;
  boolean include;
  boolean head;
  boolean fail;
  boolean failWithBody;
  boolean location;
  /** {@code -k}: the server's certificate is not verified. */
  boolean insecure;
  boolean noProgress;
  boolean get;
  String method;
  final List<String> headers = new ArrayList<>();
  /** {@code -b}: cookie strings ({@code NAME=VALUE}) or cookie files to read. */
  final List<String> cookies = new ArrayList<>();
  /** {@code -c}: the cookie jar to write at the end. */
  String cookieJar;
  final List<String> data = new ArrayList<>();
  double maxTime;
  double connectTimeout;
  String output;
  String writeOut;
  String userAgent;
  int maxRedirs = 50;
  final List<String> urls = new ArrayList<>();
  /** {@code --resolve HOST:PORT:ADDRESS[,ADDRESS...]}: names pinned to addresses, {@code host:port} to the first address. */
  final java.util.Map<String, String> resolve = new java.util.LinkedHashMap<>();

  /** Why the command line was refused: curl's message lines, exit 2. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static CurlOptions parse(List<String> args) throws Invalid {
    CurlOptions o = new CurlOptions();
    boolean options = true;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (options && a.equals("--")) {
        options = false;
      } else if (options && a.startsWith("--") ) {
        String name = a.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (LONG_WITH_ARG.contains(name)) {
          if (i + 1 >= args.size()) {
            throw new Invalid("option " + a + ": requires parameter");
          }
          value = args.get(++i);
        } else if (eq > 0 && LONG_WITH_ARG.contains(name.substring(0, eq))) {
          // curl does not split --opt=value; it reports the whole as unknown
          throw new Invalid("option " + a + ": is unknown");
        } else if (name.startsWith("no-") && LONG_FLAGS.contains(name.substring(3))) {
          o.flag(name.substring(3), false);
          continue;
        } else if (!LONG_FLAGS.contains(name)) {
          throw new Invalid("option " + a + ": is unknown");
        }
        if (value == null) {
          o.flag(name, true);
        } else {
          o.value(a, name, value);
        }
      } else if (options && a.startsWith("-") && a.length() > 1) {
        for (int j = 1; j < a.length(); j++) {
          char c = a.charAt(j);
          String longName = SHORT_WITH_ARG.get(c);
          if (longName != null) {
            String value;
            if (j + 1 < a.length()) {
              value = a.substring(j + 1);
            } else if (i + 1 < args.size()) {
              value = args.get(++i);
            } else {
              throw new Invalid("option -" + c + ": requires parameter");
            }
            o.value("-" + c, longName, value);
            break;
          }
          String flag = SHORT_FLAGS.get(c);
          if (flag == null) {
            throw new Invalid("option -" + a.substring(j) + ": is unknown");
          }
          o.flag(flag, true);
        }
      } else {
        o.urls.add(a);
      }
    }
    return o;
  }

  private void flag(String name, boolean on) {
    switch (name) {
      case "silent" -> silent = on;
      case "show-error" -> showError = on;
      case "verbose" -> verbose = on;
      case "include" -> include = on;
      case "head" -> head = on;
      case "fail" -> fail = on;
      case "fail-with-body" -> failWithBody = on;
      case "location" -> location = on;
      case "insecure" -> insecure = on;
      case "no-progress-meter" -> noProgress = on;
      case "get" -> get = on;
      default -> { }
    }
  }

  private void value(String option, String name, String value) throws Invalid {
    switch (name) {
      case "header" -> headers.add(value);
      case "request" -> method = value;
      case "data", "data-raw", "data-binary", "data-ascii", "data-urlencode" -> data.add(value);
      case "max-time" -> maxTime = seconds(option, value);
      case "connect-timeout" -> connectTimeout = seconds(option, value);
      case "output" -> output = value;
      case "write-out" -> writeOut = value;
      case "user-agent" -> userAgent = value;
      case "url" -> urls.add(value);
      case "max-redirs" -> maxRedirs = (int) seconds(option, value);
      case "resolve" -> pin(value);
      case "cookie" -> cookies.add(value);
      case "cookie-jar" -> cookieJar = value;
      default -> { }
    }
  }

  /** One {@code --resolve} entry; one curl cannot parse is left out, as curl leaves it. */
  private void pin(String entry) {
    String e = entry.startsWith("+") ? entry.substring(1) : entry;
    int first = e.indexOf(':');
    int second = first < 0 ? -1 : e.indexOf(':', first + 1);
    if (first <= 0 || second < 0 || second == e.length() - 1) {
      return;
    }
    String port = e.substring(first + 1, second);
    if (!port.matches("\\d{1,5}")) {
      return;
    }
    String address = e.substring(second + 1).split(",")[0].replaceAll("^\\[|\\]$", "");
    resolve.putIfAbsent(e.substring(0, first).toLowerCase(java.util.Locale.ROOT) + ":" + Integer.parseInt(port), address);
  }

  private static double seconds(String option, String value) throws Invalid {
    try {
      double v = Double.parseDouble(value);
      if (v < 0 || Double.isNaN(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Invalid("option " + option + ": expected a proper numerical parameter");
    }
  }
}
