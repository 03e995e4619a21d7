package dev.kubesim.impl.program.images;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.GoHttp;
import dev.kubesim.impl.http.HttpDates;
import java.util.List;
import java.util.Optional;

/**
 * agnhost {@code netexec}'s HTTP server ({@code test/images/agnhost/netexec/netexec.go}): {@code
 * /hostname}, {@code /clientip}, {@code /echo?msg=&code=}, {@code /healthz}, {@code /shell?cmd=},
 * {@code /redirect}, {@code /exit}, {@code /shutdown}; every other path is the root handler, {@code
 * NOW: <time>} (Go's mux sends unmatched paths to {@code /}). {@code /dial} needs the network and is
 * not simulated here.
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
      case "/dial" -> request.queryParameter("request").filter(r -> !r.isEmpty()).isEmpty()
          ? httpError(400, "request parameter not specified. <nil>", ctx)
          : httpError(501, "kubesim: netexec /dial is not simulated", ctx);
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
}
