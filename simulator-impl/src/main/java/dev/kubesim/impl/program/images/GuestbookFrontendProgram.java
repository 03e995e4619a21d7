package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.HttpDates;
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.Resp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PHP frontend of Kubernetes' guestbook ({@code gb-frontend}): Apache with PHP on port 80
 * serving the guestbook's page and {@code guestbook.php}, which stores the messages in Redis through
 * the network of its pod, as the image's Predis client does.
 *
 * <p>{@code guestbook.php?cmd=set&value=V} writes {@code V} to the leader and answers {@code
 * {"message": "Updated"}}; {@code ?cmd=get} reads from the followers and answers {@code {"data":
 * "V"}} (an empty string when nothing was written). With {@code GET_HOSTS_FROM=env} the hosts are
 * the Services' environment variables instead of their DNS names. Version {@code v5} (the one
 * kubernetes.io's tutorial runs) uses the Services {@code redis-leader} and {@code redis-follower}
 * and the key {@code guestbook}; earlier tags use {@code redis-master} and {@code redis-slave} and
 * the request's {@code key}. When Redis cannot be reached or refuses the command, PHP's fatal error
 * (the uncaught Predis exception) is the answer, with status 200, as {@code display_errors} on
 * prints it. Without {@code cmd}, the script prints PHP's information page.
 */
public final class GuestbookFrontendProgram extends ApachePhpProgram {
  /** Predis's default connect timeout. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** What one generation of the image is: its PHP and Apache, the Services it asks and its key. */
  private record Generation(String php, String apache, String leader, String follower, String leaderEnv,
      String followerEnv, boolean fixedKey) {}

  private static final Generation V5 = new Generation("7.4.33", "2.4.38", "redis-leader", "redis-follower",
      "REDIS_LEADER_SERVICE_HOST", "REDIS_FOLLOWER_SERVICE_HOST", true);
  private static final Generation LEGACY = new Generation("5.6.40", "2.4.25", "redis-master", "redis-slave",
      "REDIS_MASTER_SERVICE_HOST", "REDIS_SLAVE_SERVICE_HOST", false);

  private final Generation generation;

  /** The frontend as the given tag: {@code v5} and later tags leader/follower, earlier ones master/slave. */
  public GuestbookFrontendProgram(Optional<String> tag) {
    this(tag.map(GuestbookFrontendProgram::isLegacy).orElse(false) ? LEGACY : V5);
  }

  private GuestbookFrontendProgram(Generation generation) {
    this(generation, new ApachePhp(generation.apache(), generation.php()));
  }

  private GuestbookFrontendProgram(Generation generation, ApachePhp apache) {
    super(apache, phpApacheImage(apache, "docker-php-entrypoint")
        .file(ROOT + "/index.html", GuestbookPages.INDEX_HTML)
        .file(ROOT + "/controllers.js", GuestbookPages.CONTROLLERS_JS)
        .file(ROOT + "/guestbook.php", GuestbookPages.GUESTBOOK_PHP)
        .created(Instant.parse("2023-03-01T00:00:00Z"))
        .build());
    this.generation = generation;
  }

  /** {@code v1} to {@code v4}: the images built before the leader/follower renaming. */
  private static boolean isLegacy(String tag) {
    return tag.matches("v[1-4]");
  }

  @Override
  HttpResponse respond(HttpRequest request, ServerContext ctx, PodDialer dialer) {
    String path = request.path();
    if (path.equals("/guestbook.php")) {
      return php(guestbook(request, ctx, dialer), "text/html; charset=UTF-8", ctx);
    }
    String file = path.equals("/") ? ROOT + "/index.html" : ROOT + path;
    if (file.endsWith(".php") && ctx.readFile(file).isPresent()) {
      return php(new Script("", "text/html; charset=UTF-8"), "text/html; charset=UTF-8", ctx);
    }
    Optional<String> content = ctx.readFile(file);
    if (content.isEmpty()) {
      return apache.notFound(request, ctx);
    }
    String body = content.get();
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    Instant modified = ctx.lastModified(file).orElse(ctx.now());
    return HttpResponse.ok(body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Server", apache.server())
        .withHeader("Last-Modified", HttpDates.format(modified))
        .withHeader("ETag", "\"" + Integer.toHexString(length) + "-" + Long.toHexString(modified.getEpochSecond() * 1_000_000L) + "\"")
        .withHeader("Accept-Ranges", "bytes")
        .withHeader("Content-Length", String.valueOf(length))
        .withHeader("Vary", "Accept-Encoding")
        .withHeader("Content-Type", file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "application/javascript" : "text/plain");
  }

  /** What the script printed and the content type it set. */
  private record Script(String output, String contentType) {}

  /** guestbook.php: the command against Redis, or phpinfo() without one. */
  private Script guestbook(HttpRequest request, ServerContext ctx, PodDialer dialer) {
    Optional<String> cmd = request.queryParameter("cmd");
    if (cmd.isEmpty()) {
      return new Script(GuestbookPages.phpInfo(generation.php(), ctx.hostname()), "text/html; charset=UTF-8");
    }
    boolean fromEnv = "env".equals(ctx.env().get("GET_HOSTS_FROM"));
    String json = "application/json";
    String key = generation.fixedKey() ? "guestbook" : request.queryParameter("key").orElse("");
    if (cmd.get().equals("set")) {
      String host = fromEnv ? ctx.env().getOrDefault(generation.leaderEnv(), "") : generation.leader();
      String value = request.queryParameter("value").orElse("");
      Redis r = redis(dialer, host, List.of("SET", key, value));
      return new Script(r.error() != null ? r.error() : "{\"message\": \"Updated\"}", json);
    }
    String host = fromEnv ? ctx.env().getOrDefault(generation.followerEnv(), "") : generation.follower();
    Redis r = redis(dialer, host, List.of("GET", key));
    if (r.error() != null) {
      return new Script(r.error(), json);
    }
    String value = r.reply().type() == Resp.Type.STRING ? r.reply().text() : "";
    return new Script("{\"data\": \"" + value + "\"}", json);
  }

  /** A command's reply, or PHP's fatal error when Predis threw. */
  private record Redis(Resp.Reply reply, String error) {}

  /** One command as Predis sends it: connect (5 s timeout), write, read the reply. */
  private Redis redis(PodDialer dialer, String host, List<String> argv) {
    String endpoint = "tcp://" + host + ":6379";
    PodDialer.Dial dial = dialer.dial(host, 6379, CONNECT_TIMEOUT);
    if (dial.connection().isEmpty()) {
      String why = switch (dial.failure().orElseThrow()) {
        case UNKNOWN_HOST -> "php_network_getaddresses: getaddrinfo failed: Name or service not known";
        case TRY_AGAIN -> "php_network_getaddresses: getaddrinfo failed: Temporary failure in name resolution";
        case REFUSED -> "Connection refused";
        case NO_ROUTE, NO_NETWORK -> "Network is unreachable";
        case TIMED_OUT -> "Connection timed out";
      };
      return new Redis(null, fatal("Predis\\Connection\\ConnectionException", why + " [" + endpoint + "]",
          "Connection/AbstractConnection.php", 155));
    }
    PodDialer.Connection c = dial.connection().get();
    Optional<Resp.Reply> reply = c.exchange(Resp.command(argv)).flatMap(Resp::parseReply);
    c.close();
    if (reply.isEmpty()) {
      return new Redis(null, fatal("Predis\\Connection\\ConnectionException",
          "Error while reading line from the server. [" + endpoint + "]", "Connection/AbstractConnection.php", 155));
    }
    if (reply.get().type() == Resp.Type.ERROR) {
      return new Redis(null, fatal("Predis\\Response\\ServerException", reply.get().text(), "Client.php", 370));
    }
    return new Redis(reply.get(), null);
  }

  /** PHP's message for an uncaught exception, as display_errors prints it with html_errors on. */
  private static String fatal(String exception, String message, String file, int line) {
    String where = ROOT + "/vendor/predis/predis/src/" + file;
    return "<br />\n<b>Fatal error</b>:  Uncaught " + exception + ": " + message + " in " + where + ":" + line
        + "\nStack trace:\n#0 " + ROOT + "/guestbook.php: Predis\\Client->__call()\n#1 {main}\n  thrown in <b>" + where
        + "</b> on line <b>" + line + "</b><br />\n";
  }

  private HttpResponse php(Script script, String defaultType, ServerContext ctx) {
    return apache.script(200, script.output(), script.contentType().isEmpty() ? defaultType : script.contentType(), List.of(), ctx);
  }
}
