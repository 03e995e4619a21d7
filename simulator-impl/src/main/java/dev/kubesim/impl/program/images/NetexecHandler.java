package dev.kubesim.impl.program.images;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.GoHttp;
import dev.kubesim.impl.http.HttpDates;
import dev.kubesim.impl.program.PodDialer;
import java.util.List;
import java.util.Optional;

/**
 * agnhost {@code netexec}'s HTTP server ({@code test/images/agnhost/netexec/netexec.go}): {@code
 * /hostname}, {@code /clientip}, {@code /echo?msg=&code=}, {@code /healthz}, {@code /shell?cmd=},
 * {@code /redirect}, {@code /exit}, {@code /shutdown}; every other path is the root handler, {@code
 * NOW: <time>} (Go's mux sends unmatched paths to {@code /}); {@link #dial} for {@code /dial}, which
 * dials from the pod.
 */
final class NetexecHandler implements HttpHandler {
  private final boolean udpOrSctpServer;

  /** @param udpOrSctpServer whether a UDP or SCTP server runs, which {@code /healthz} reports */
  NetexecHandler(boolean udpOrSctpServer) {
    this.udpOrSctpServer = udpOrSctpServer;
  }

  @Override
  public HttpResponse handle(HttpRequest request, ServerContext ctx) {
    String path = request.path();
    return switch (path) {
      case "/clientip" -> {
        log(ctx, "GET /clientip");
        yield GoHttp.response(200, request.clientAddress(), ctx);
      }
      case "/hostname", "/hostName" -> {
        log(ctx, "GET " + path);
        yield GoHttp.response(200, ctx.hostname(), ctx);
      }
      case "/echo" -> echo(request, ctx);
      case "/healthz" -> {
        log(ctx, "GET /healthz");
        yield GoHttp.response(udpOrSctpServer ? 200 : 412, "", ctx);
      }
      case "/shell" -> shell(request, ctx);
      case "/redirect" -> redirect(request, ctx);
      case "/exit" -> exit(request, ctx);
      case "/shutdown" -> {
        log(ctx, "GET /shutdown");
        ctx.exit(0);
        yield GoHttp.response(200, "", ctx);
      }
      case "/dial" -> dial(request, ctx, PodDialer.NONE);
      case "/upload" -> {
        log(ctx, "GET /upload");
        yield GoHttp.response(200, "{\"error\":\"Unable to upload file.\"}", ctx);
      }
      default -> {
        log(ctx, "GET /");
        yield GoHttp.response(200, "NOW: " + GoHttp.now(ctx), ctx);
      }
    };
  }

  private static HttpResponse echo(HttpRequest request, ServerContext ctx) {
    String msg = request.queryParameter("msg").orElse("");
    String code = request.queryParameter("code").orElse("");
    log(ctx, "GET /echo?msg=" + msg + "&code=" + code);
    int status = 200;
    if (!code.isEmpty()) {
      Optional<Integer> parsed = parse(code);
      if (parsed.isEmpty()) {
        return GoHttp.response(200,
            "argument 'code' must be an integer or empty, got \"" + code + "\"\n", ctx);
      }
      status = parsed.get();
    }
    return GoHttp.response(status, msg, ctx);
  }

  private static HttpResponse shell(HttpRequest request, ServerContext ctx) {
    String cmd = request.queryParameter("shellCommand").filter(c -> !c.isEmpty())
        .or(() -> request.queryParameter("cmd")).orElse("");
    log(ctx, "GET /shell?cmd=" + cmd);
    ExecResult r = ctx.exec(List.of("/bin/sh", "-c", cmd));
    String output = r.stdout() + r.stderr();
    StringBuilder json = new StringBuilder("{");
    if (r.exitCode() != 0) {
      json.append("\"error\":").append(GoHttp.jsonString("exit status " + r.exitCode()));
    }
    if (!output.isEmpty()) {
      json.append(json.length() > 1 ? "," : "").append("\"output\":")
          .append(GoHttp.jsonString(output));
    }
    return GoHttp.response(200, json.append('}').toString(), ctx);
  }

  private static HttpResponse redirect(HttpRequest request, ServerContext ctx) {
    String location = request.queryParameter("location").orElse("");
    String code = request.queryParameter("code").orElse("");
    log(ctx, request.method() + " /redirect?msg=" + location + "&code=" + code);
    int status = 302;
    if (!code.isEmpty()) {
      Optional<Integer> parsed = parse(code);
      if (parsed.isEmpty()) {
        return GoHttp.response(200,
            "argument 'code' must be an integer or empty, got \"" + code + "\"\n", ctx);
      }
      status = parsed.get();
    }
    // http.Redirect writes a short HTML note for GET and HEAD
    String body = request.method().equals("GET") || request.method().equals("HEAD")
        ? "<a href=\"" + location + "\">" + HttpResponse.reasonPhrase(status) + "</a>.\n\n" : "";
    return GoHttp.response(status, body, ctx).withHeader("Location", location);
  }

  private static HttpResponse exit(HttpRequest request, ServerContext ctx) {
    String code = request.queryParameter("code").orElse("");
    String timeout = request.queryParameter("timeout").orElse("");
    String wait = request.queryParameter("wait").orElse("");
    log(ctx, "GET /exit?code=" + code + "&timeout=" + timeout + "&wait=" + wait);
    Optional<Integer> parsed = code.isEmpty() ? Optional.of(0) : parse(code);
    if (parsed.isEmpty()) {
      return GoHttp.response(200,
          "argument 'code' must be an integer [0-127] or empty, got \"" + code + "\"\n", ctx);
    }
    // the real process exits without answering; the simulation answers empty, then exits
    ctx.exit(parsed.get());
    return GoHttp.response(200, "", ctx);
  }

  /** {@code http.Error}: plain text with a newline, and {@code nosniff}. */
  private static HttpResponse httpError(int status, String message, ServerContext ctx) {
    return HttpResponse.status(status, message + "\n")
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Content-Length", String.valueOf(message.length() + 1));
  }

  private static Optional<Integer> parse(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void log(ServerContext ctx, String message) {
    ctx.log(GoHttp.logLine(ctx, message));
  }

  /** The HTTP client's timeout and the UDP read deadline of {@code /dial}'s tries. */
  private static final java.time.Duration DIAL_TIMEOUT = java.time.Duration.ofSeconds(5);

  /**
   * {@code /dial?host=&port=&request=&protocol=&tries=}: asks {@code host:port} for {@code request}
   * ({@code GET http://host:port/REQUEST}, or the text as a UDP datagram) {@code tries} times from
   * this pod and answers {@code {"errors":[...],"responses":[...]}} (responses only when the last
   * try answered, as netexec builds it).
   */
  HttpResponse dial(HttpRequest request, ServerContext ctx, PodDialer dialer) {
    String host = request.queryParameter("host").orElse("");
    String port = request.queryParameter("port").orElse("");
    String what = request.queryParameter("request").orElse("");
    String protocol = request.queryParameter("protocol").orElse("");
    String tryParam = request.queryParameter("tries").orElse("");
    log(ctx, "GET /dial?host=" + host + "&protocol=" + protocol + "&port=" + port + "&request=" + what + "&tries=" + tryParam);
    int tries = 1;
    if (!tryParam.isEmpty()) {
      try {
        tries = Integer.parseInt(tryParam);
      } catch (NumberFormatException e) {
        return httpError(400, "tries parameter is invalid. strconv.Atoi: parsing " + GoHttp.jsonString(tryParam)
            + ": invalid syntax", ctx);
      }
    }
    if (what.isEmpty()) {
      return httpError(400, "request parameter not specified. <nil>", ctx);
    }
    String proto = protocol.toLowerCase(java.util.Locale.ROOT);
    if (!proto.isEmpty() && !proto.equals("http") && !proto.equals("udp")) {
      return httpError(400, "unsupported protocol. " + protocol, ctx);
    }
    if (!port.matches("\\d{1,5}") || !dev.kubesim.impl.net.Ip4.isValid(host)) {
      return httpError(400, "host and/or port param are invalid. "
          + (port.matches("\\d{1,5}") ? "lookup " + host + ": no such host" : "address " + host + ":" + port + ": invalid port"), ctx);
    }
    int p = Integer.parseInt(port);
    java.util.List<String> responses = new java.util.ArrayList<>();
    java.util.List<String> errors = new java.util.ArrayList<>();
    String last = "";
    for (int i = 0; i < tries; i++) {
      String[] outcome = proto.equals("udp") ? udp(dialer, host, p, what) : http(dialer, host, p, what);
      last = outcome[0] == null ? "" : outcome[0];
      if (outcome[0] != null) {
        responses.add(outcome[0]);
      } else {
        errors.add(outcome[1]);
      }
    }
    StringBuilder json = new StringBuilder("{");
    if (!errors.isEmpty()) {
      json.append("\"errors\":").append(jsonList(errors));
    }
    if (!last.isEmpty()) {
      json.append(errors.isEmpty() ? "" : ",").append("\"responses\":").append(jsonList(responses));
    }
    return GoHttp.response(200, json.append('}').toString(), ctx);
  }

  /** One HTTP try: the body, or Go's client error. */
  private static String[] http(PodDialer dialer, String host, int port, String what) {
    String url = "http://" + host + ":" + port + "/" + what;
    PodDialer.Dial dial = dialer.dial(host, port, DIAL_TIMEOUT);
    if (dial.connection().isEmpty()) {
      String why = switch (dial.failure().orElseThrow()) {
        case REFUSED -> "dial tcp " + host + ":" + port + ": connect: connection refused";
        case NO_ROUTE -> "dial tcp " + host + ":" + port + ": connect: no route to host";
        default -> "dial tcp " + host + ":" + port + ": i/o timeout (Client.Timeout exceeded while awaiting headers)";
      };
      return new String[] {null, "Get \"" + url + "\": " + why};
    }
    PodDialer.Connection c = dial.connection().get();
    java.util.Optional<HttpResponse> r = c.http(HttpRequest.get("/" + what)
        .withHeader("Host", host + ":" + port).withHeader("User-Agent", "Go-http-client/1.1")
        .withHeader("Accept-Encoding", "gzip"));
    c.close();
    return r.map(x -> new String[] {x.body(), null}).orElse(new String[] {null, "Get \"" + url + "\": EOF"});
  }

  /** One UDP try: the answer, or the read's timeout. */
  private static String[] udp(PodDialer dialer, String host, int port, String what) {
    return dialer.datagram(host, port, what, DIAL_TIMEOUT).filter(a -> !a.isEmpty())
        .map(a -> new String[] {a, null})
        .orElse(new String[] {null, "reading from udp connection failed. err:'read udp " + host + ":" + port + ": i/o timeout'"});
  }

  private static String jsonList(java.util.List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ",").append(GoHttp.jsonString(values.get(i)));
    }
    return b.append(']').toString();
  }
}
