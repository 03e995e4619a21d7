package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code curl}: HTTP requests from the container over the simulated network, with curl's options
 * ({@code -s -S -v -i -I -H -X -d -m --connect-timeout -o -w -f -L -b -c}), its output and its exit
 * codes and messages: {@code (6) Could not resolve host}, {@code (7) Failed to connect ...},
 * {@code (28)} timeouts, {@code (52) Empty reply from server}, {@code (22)} with {@code -f}.
 * Names resolve through {@code /etc/hosts}, then the pod's resolver and the cluster DNS.
 */
final class Curl implements Command {
  private static final String TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

  private final Network network;

  Curl(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    CurlOptions o;
    try {
      o = CurlOptions.parse(args);
    } catch (CurlOptions.Invalid e) {
      return ExecResult.failure(2, "curl: " + e.getMessage() + "\n" + TRY_HELP);
    }
    if (o.urls.isEmpty()) {
      return ExecResult.failure(2, "curl: no URL specified!\n" + TRY_HELP);
    }
    Optional<PodNetwork> pn = PodNetwork.of(network, ctx, args);
    if (pn.isEmpty()) {
      return ExecResult.failure(7, "curl: (7) Couldn't connect to server\n");
    }
    Run run = new Run(o, pn.get(), CurlVersion.of(ctx.baseImage()));
    int exit = 0;
    for (String u : o.urls) {
      exit = run.fetch(u);
    }
    run.saveCookies();
    pn.get().publish(run.disposition);
    // "we send the output to a tty, therefore we switch off the progress meter" (curl's tool_operate.c)
    String err = !o.silent && !o.noProgress && !ctx.stdoutIsTerminal()
        ? ProgressMeter.around(run.err.toString(), run.errors.toString(), exit == 0, run.lastBytes, pn.get().session().elapsed())
        : run.err.toString() + run.errors;
    return new ExecResult(run.out.toString(), err, exit, Duration.ofNanos(pn.get().session().elapsed()));
  }

  /**
   * The request curl sends: method, Host, User-Agent, Accept, the cookies (unless a {@code -H
   * Cookie:} replaces them), then -H headers replacing or adding.
   */
  static HttpRequest request(CurlOptions o, CurlVersion v, Url url, Optional<String> cookies) {
    String body = String.join("&", o.data);
    String method = o.method != null ? o.method : o.head ? "HEAD" : !o.data.isEmpty() && !o.get ? "POST" : "GET";
    String target = url.target();
    if (o.get && !o.data.isEmpty()) {
      target = target + (target.contains("?") ? "&" : "?") + body;
      body = "";
    }
    List<HttpHeader> headers = new ArrayList<>();
    String agent = o.userAgent != null ? o.userAgent : "curl/" + v.version;
    if (v.connectionFilters) {
      headers.add(HttpHeader.of("Host", url.hostHeader()));
      headers.add(HttpHeader.of("User-Agent", agent));
    } else {
      headers.add(HttpHeader.of("User-Agent", agent));
      headers.add(HttpHeader.of("Host", url.hostHeader()));
    }
    headers.add(HttpHeader.of("Accept", "*/*"));
    if (cookies.isPresent() && o.headers.stream().noneMatch(Curl::isCookieHeader)) {
      headers.add(HttpHeader.of("Cookie", cookies.get()));
    }
    if (!body.isEmpty()) {
      headers.add(HttpHeader.of("Content-Length", Integer.toString(Run.bytes(body))));
      headers.add(HttpHeader.of("Content-Type", "application/x-www-form-urlencoded"));
    }
    for (String line : o.headers) {
      int colon = line.indexOf(':');
      int semi = line.indexOf(';');
      if (colon > 0) {
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        boolean replaced = false;
        for (int i = 0; i < headers.size(); i++) {
          if (headers.get(i).is(name)) {
            if (value.isEmpty()) {
              headers.remove(i);
            } else {
              headers.set(i, HttpHeader.of(name, value));
            }
            replaced = true;
            break;
          }
        }
        if (!replaced && !value.isEmpty()) {
          headers.add(HttpHeader.of(name, value));
        }
      } else if (semi > 0 && semi == line.length() - 1) {
        headers.add(HttpHeader.of(line.substring(0, semi).trim(), ""));
      }
    }
    return new HttpRequest(method, target, headers, body, "0.0.0.0:0", "0.0.0.0:0");
  }

  /** Whether a {@code -H} line is a Cookie header ({@code Curl_checkheaders}: the name, then a colon or semicolon). */
  private static boolean isCookieHeader(String line) {
    return line.length() > 6 && line.regionMatches(true, 0, "Cookie", 0, 6) && (line.charAt(6) == ':' || line.charAt(6) == ';');
  }

  /** One command's transfers. */
  private static final class Run {
    private final CurlOptions o;
    private final PodNetwork pn;
    private final CurlVersion v;
    private final Session s;
    final StringBuilder out = new StringBuilder();
    /** The verbose lines. */
    final StringBuilder err = new StringBuilder();
    /** curl's own error messages, after the progress meter. */
    final StringBuilder errors = new StringBuilder();
    Disposition disposition = Disposition.of(Disposition.Kind.NO_ANSWER, Cause.NOTHING_SENT, "nothing sent");
    long lastBytes;
    private final CurlCookies cookies;
    private int connections;

    Run(CurlOptions o, PodNetwork pn, CurlVersion v) {
      this.o = o;
      this.pn = pn;
      this.v = v;
      this.s = pn.session();
      ExecContext ctx = pn.ctx();
      this.cookies = CurlCookies.of(o.cookies, Optional.ofNullable(o.cookieJar),
          f -> f.equals("-") ? Optional.of(ctx.stdin()) : ctx.fs().readIfFile(ctx.resolve(f)));
    }

    /** Writes the {@code -c} jar, as curl does when it ends ({@code -} is standard output). */
    void saveCookies() {
      if (o.cookieJar == null) {
        return;
      }
      if (o.cookieJar.equals("-")) {
        out.append(cookies.jarFile());
        return;
      }
      try {
        pn.ctx().fs().write(pn.ctx().resolve(o.cookieJar), cookies.jarFile());
      } catch (FsException e) {
        errors.append("curl: (23) Failed writing cookie jar\n");
      }
    }

    /** Redirects {@code -L} followed in the current URL's transfer ({@code %{num_redirects}}). */
    private int redirectsFollowed;

    int fetch(String text) {
      long start = s.now();
      Url url;
      try {
        url = Url.parse(text);
      } catch (Url.Malformed e) {
        return fail(3, v.connectionFilters ? e.getMessage() : "<url> malformed", start, null,
            Disposition.of(Disposition.Kind.NO_ROUTE, Cause.MALFORMED_URL, "malformed URL"));
      }
      int exit = 0;
      redirectsFollowed = 0;
      for (int redirects = 0; ; redirects++) {
        Transfer t = transfer(url, start, redirects == 0 ? text : null);
        exit = t.exit;
        if (exit != 0 || t.next == null) {
          break;
        }
        if (redirects >= o.maxRedirs) {
          exit = fail(47, "Maximum (" + o.maxRedirs + ") redirects followed", start, t.response, disposition);
          break;
        }
        url = t.next;
        redirectsFollowed++;
      }
      return exit;
    }

    /** The outcome of one request, and the URL a redirect leads to when -L follows it. */
    private record Transfer(int exit, HttpResponse response, Url next) {}

    /** One request; {@code given} is the URL as typed (null for a redirect). */
    private Transfer transfer(Url url, long start, String given) {
      long totalDeadline = o.maxTime > 0 ? start + (long) (o.maxTime * 1e9) : Long.MAX_VALUE;
      long connectDeadline = o.connectTimeout > 0 ? start + (long) (o.connectTimeout * 1e9) : Long.MAX_VALUE;
      HttpRequest request = request(url);
      HttpTransfer.Result t = HttpTransfer.run(pn, v, url, request,
          o.insecure ? HttpClient.PeerVerification.INSECURE : HttpClient.PeerVerification.VERIFY, o.resolve, connectDeadline,
          totalDeadline);
      if (t.stage() == HttpTransfer.Stage.UNSUPPORTED_PROTOCOL) {
        return new Transfer(fail(t.exit(), t.error(), start, null, t.disposition()), null, null);
      }
      int conn = connections++;
      if (o.verbose && !v.connectionFilters && given != null && !given.equals(url.text())) {
        err.append("* Rebuilt URL to: ").append(url.text()).append('\n');
      }
      String host = url.host();
      int port = url.port();
      if (t.stage() == HttpTransfer.Stage.UNRESOLVED) {
        if (o.verbose) {
          err.append("* Could not resolve host: ").append(host).append('\n');
          err.append(v.connectionFilters ? "* closing connection #" + conn + "\n" : "* Closing connection " + conn + "\n");
        }
        return new Transfer(fail(t.exit(), t.error(), start, null, t.disposition()), null, null);
      }
      if (t.stage() == HttpTransfer.Stage.RESOLVE_TIMEOUT) {
        return new Transfer(fail(t.exit(), t.error(), start, null, t.disposition()), null, null);
      }
      String ip = t.ip();
      boolean pinned = o.resolve.containsKey(host.toLowerCase(java.util.Locale.ROOT) + ":" + port);
      if (o.verbose) {
        if (pinned) {
          err.append("* Added ").append(host).append(':').append(port).append(':').append(ip).append(" to DNS cache\n");
          err.append("* Hostname ").append(host).append(" was found in DNS cache\n");
        } else if (v.eight && !Ip4.isValid(host)) {
          err.append("* Host ").append(host).append(':').append(port).append(" was resolved.\n");
          err.append("* IPv6: (none)\n* IPv4: ").append(String.join(", ", t.lookup().addresses())).append('\n');
        } else if (!v.connectionFilters && !Ip4.isValid(host)) {
          err.append("* Hostname was NOT found in DNS cache\n");
        }
        err.append(v.connectionFilters ? "*   Trying " + ip + ":" + port + "...\n" : "*   Trying " + ip + "...\n");
      }
      HttpClient.Result r = t.client();
      if (o.verbose) {
        switch (r.outcome()) {
          case REFUSED, NO_ROUTE -> {
            String errno = r.outcome() == HttpClient.Outcome.REFUSED ? "Connection refused" : "Network is unreachable";
            err.append("* connect to ").append(ip).append(" port ").append(port).append(" failed: ").append(errno).append('\n');
            if (v.connectionFilters) {
              err.append("* ").append(t.error()).append('\n');
            }
            closing(conn);
          }
          case KERNEL_TIMEOUT -> {
            err.append("* connect to ").append(ip).append(" port ").append(port).append(" failed: Connection timed out\n");
            closing(conn);
          }
          case CONNECT_TIMEOUT -> closing(conn);
          case EMPTY_REPLY -> {
            connected(host, ip, port, conn);
            requestLines(request);
            err.append("* Empty reply from server\n");
            closing(conn);
          }
          case NOT_HTTP -> {
            connected(host, ip, port, conn);
            requestLines(request);
            err.append(v.connectionFilters ? "* Received HTTP/0.9 when not allowed\n" : "* Empty reply from server\n");
            closing(conn);
          }
          case CONNECTED -> {
            connected(host, ip, port, conn);
            clientHello();
            closing(conn);
          }
          case UNTRUSTED_CERTIFICATE -> {
            connected(host, ip, port, conn);
            clientHello();
            serverHello();
            err.append("* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n* SSL certificate problem: self-signed certificate\n");
            closing(conn);
          }
          default -> { }
        }
      }
      if (!t.responded()) {
        return new Transfer(fail(t.exit(), t.error(), start, null, t.disposition()), null, null);
      }
      HttpResponse response = t.response().orElseThrow();
      disposition = t.disposition();
      // the cookie engine reads each Set-Cookie as the header arrives; -v tells it just before the header
      java.util.Map<Integer, String> cookieNotes = new java.util.HashMap<>();
      for (int i = 0; i < response.headers().size(); i++) {
        HttpHeader h = response.headers().get(i);
        if (h.is("Set-Cookie")) {
          int at = i;
          cookies.received(h.value(), url.host(), url.target(), pn.ctx().now().getEpochSecond())
              .ifPresent(note -> cookieNotes.put(at, note));
        }
      }
      if (o.verbose) {
        connected(host, ip, port, conn);
        if (url.scheme().equals("https")) {
          clientHello();
          serverHello();
          err.append("* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n* TLSv1.3 (IN), TLS handshake, Finished (20):\n")
              .append("* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n")
              .append("* TLSv1.3 (OUT), TLS handshake, Finished (20):\n")
              .append("* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n")
              .append("* ALPN: server accepted http/1.1\n")
              .append("*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n");
        }
        requestLines(request);
        if (v.eight) {
          err.append("* Request completely sent off\n");
        }
        err.append("< ").append(response.statusLine()).append("\r\n");
        for (int i = 0; i < response.headers().size(); i++) {
          HttpHeader h = response.headers().get(i);
          if (cookieNotes.containsKey(i)) {
            err.append("* ").append(cookieNotes.get(i)).append('\n');
          }
          err.append("< ").append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        err.append("< \r\n");
      }
      boolean redirect = o.location && response.status() / 100 == 3 && response.header("Location").isPresent();
      Url next = redirect ? url.resolve(response.header("Location").get()).orElse(null) : null;
      if (o.fail && response.status() >= 400) {
        if (o.verbose) {
          err.append("* The requested URL returned error: ").append(response.status()).append('\n');
          closing(conn);
        }
        String msg = v.connectionFilters ? "The requested URL returned error: " + response.status()
            : "The requested URL returned error: " + response.status() + " " + response.reason();
        return new Transfer(fail(22, msg, start, response, disposition), response, null);
      }
      String body = o.head || request.method().equals("HEAD") ? "" : response.body();
      if (o.verbose && !body.isEmpty()) {
        err.append(v.connectionFilters ? "{ [" + bytes(body) + " bytes data]\n" : "{ [data not shown]\n");
      }
      if (o.verbose) {
        err.append("* Connection #").append(conn).append(" to host ").append(host).append(" left intact\n");
      }
      if (next != null) {
        if (o.include || o.head) {
          out.append(headBlock(response));
        }
        if (o.verbose) {
          err.append("* Issue another request to this URL: '").append(next.text()).append("'\n");
        }
        // -w is written once, for the transfer's last response
        return new Transfer(0, response, next);
      }
      StringBuilder payload = new StringBuilder();
      if (o.include || o.head) {
        payload.append(headBlock(response));
      }
      payload.append(body);
      lastBytes = bytes(body);
      int exit = deliver(payload.toString());
      writeOut(response, url, ip, port, exit);
      return new Transfer(exit, response, null);
    }

    private void closing(int conn) {
      err.append(v.connectionFilters ? "* closing connection #" + conn + "\n" : "* Closing connection " + conn + "\n");
    }

    private void connected(String host, String ip, int port, int conn) {
      if (v.eight) {
        err.append("* Connected to ").append(host).append(" (").append(ip).append(") port ").append(port).append('\n');
        err.append("* using HTTP/1.x\n");
      } else {
        err.append("* Connected to ").append(host).append(" (").append(ip).append(") port ").append(port)
            .append(" (#").append(conn).append(")\n");
      }
    }

    private void requestLines(HttpRequest request) {
      err.append("> ").append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
      for (HttpHeader h : request.headers()) {
        err.append("> ").append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
      err.append("> \r\n");
      if (!request.body().isEmpty()) {
        err.append("} [").append(bytes(request.body())).append(" bytes data]\n");
      }
    }

    private HttpRequest request(Url url) {
      return Curl.request(o, v, url, cookies.header(url.host(), url.target(), url.scheme().equals("https")));
    }

    private static String headBlock(HttpResponse response) {
      StringBuilder b = new StringBuilder(response.statusLine()).append("\r\n");
      for (HttpHeader h : response.headers()) {
        b.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
      return b.append("\r\n").toString();
    }

    /** Writes the output where -o says (standard output by default); exit 23 when the file cannot be written. */
    private int deliver(String payload) {
      if (o.output == null || o.output.equals("-")) {
        out.append(payload);
        return 0;
      }
      if (o.output.equals("/dev/null")) {
        return 0;
      }
      try {
        pn.ctx().fs().write(pn.ctx().resolve(o.output), payload);
        return 0;
      } catch (FsException e) {
        String msg = "Failure writing output to destination";
        if (!o.silent || o.showError) {
          if (e.errno() != dev.kubesim.impl.program.Errno.ENOSPC) {
            // opened but the disk filled up: only the write failure is reported
            errors.append("Warning: Failed to open the file ").append(o.output).append(": ").append(e.errno().message()).append('\n');
          }
          errors.append("curl: (23) ").append(msg).append('\n');
        }
        return 23;
      }
    }

    /** The TLS client's first flight, as {@code -v} shows it. */
    private void clientHello() {
      err.append("* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n");
    }

    /** The server's flight up to its certificate, as {@code -v} shows it. */
    private void serverHello() {
      err.append("* TLSv1.3 (IN), TLS handshake, Server hello (2):\n")
          .append("* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n")
          .append("* TLSv1.3 (IN), TLS handshake, Certificate (11):\n");
    }

    private int fail(int code, String message, long start, HttpResponse response, Disposition d) {
      disposition = d;
      if (!o.silent || o.showError) {
        errors.append("curl: (").append(code).append(") ").append(message).append('\n');
        if (code == 60) {
          // curl's advice after a peer it could not verify (CURL_CA_CERT_ERRORMSG)
          errors.append("More details here: https://curl.se/docs/sslcerts.html\n\n")
              .append("curl failed to verify the legitimacy of the server and therefore could not\n")
              .append("establish a secure connection to it. To learn more about this situation and\n")
              .append("how to fix it, please visit the web page mentioned above.\n");
        }
      }
      writeOut(response, null, "", 0, code);
      return code;
    }

    /** {@code -w}: the format with curl's {@code %{variables}} and backslash escapes. */
    private void writeOut(HttpResponse response, Url url, String ip, int port, int exit) {
      if (o.writeOut == null) {
        return;
      }
      String f = o.writeOut;
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '%' && i + 1 < f.length() && f.charAt(i + 1) == '{') {
          int close = f.indexOf('}', i);
          if (close > 0) {
            b.append(variable(f.substring(i + 2, close), response, url, ip, port, exit));
            i = close;
            continue;
          }
        }
        if (c == '%' && i + 1 < f.length() && f.charAt(i + 1) == '%') {
          b.append('%');
          i++;
          continue;
        }
        if (c == '\\' && i + 1 < f.length()) {
          char n = f.charAt(i + 1);
          if (n == 'n' || n == 'r' || n == 't') {
            b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : '\t');
            i++;
            continue;
          }
        }
        b.append(c);
      }
      out.append(b);
    }

    private String variable(String name, HttpResponse response, Url url, String ip, int port, int exit) {
      double seconds = s.elapsed() / 1e9;
      return switch (name) {
        case "http_code", "response_code" -> response == null ? "000" : String.format(Locale.ROOT, "%03d", response.status());
        case "remote_ip" -> ip;
        case "remote_port" -> port == 0 ? "" : Integer.toString(port);
        case "size_download" -> response == null ? "0" : Integer.toString(bytes(response.body()));
        case "time_total", "time_connect", "time_starttransfer", "time_namelookup", "time_appconnect", "time_pretransfer" ->
            String.format(Locale.ROOT, "%.6f", seconds);
        case "url_effective", "url" -> url == null ? "" : url.text();
        case "exitcode" -> Integer.toString(exit);
        case "content_type" -> response == null ? "" : response.header("Content-Type").orElse("");
        case "http_version" -> response == null ? "0" : "1.1";
        case "num_redirects" -> Integer.toString(redirectsFollowed);
        case "redirect_url" -> response == null || response.status() / 100 != 3 || url == null ? ""
            : response.header("Location").flatMap(url::resolve).map(Url::text).orElse("");
        case "method" -> "GET";
        case "scheme" -> url == null ? "" : url.scheme().toUpperCase(Locale.ROOT);
        default -> "";
      };
    }

    private static int bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
