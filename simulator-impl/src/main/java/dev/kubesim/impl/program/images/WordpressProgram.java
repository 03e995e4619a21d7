package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.program.MysqlWire;
import dev.kubesim.impl.program.PgWire;
import dev.kubesim.impl.program.PodDialer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The official {@code wordpress} image (its Apache tags), as kubernetes.io's "WordPress and MySQL"
 * tutorial runs it: at start the entrypoint copies WordPress into {@code /var/www/html} and writes
 * {@code wp-config.php} from the {@code WORDPRESS_*} variables; every page then connects to MySQL
 * at {@code WORDPRESS_DB_HOST} (default {@code mysql}, port 3306 unless given) with {@code
 * WORDPRESS_DB_USER} and {@code WORDPRESS_DB_PASSWORD}, through the pod's network. Without a
 * database (unreachable, refused login) a page is WordPress's {@code Error establishing a database
 * connection} with status 500; with one, WordPress is not installed yet, so every page redirects
 * ({@code 302}) to {@code /wp-admin/install.php}, which shows the installation's first step.
 */
public final class WordpressProgram extends ApachePhpProgram {
  /** mysqli's default connect timeout (PHP's {@code default_socket_timeout}). */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

  /** WordPress as the given tag: the tutorial's {@code 6.2.1-apache} runs PHP 8.0 on Debian 11, others PHP 8.2 on Debian 12. */
  public WordpressProgram(Optional<String> tag) {
    this(tag.orElse("").startsWith("6.2") ? new ApachePhp("2.4.56", "8.0.28") : new ApachePhp("2.4.62", "8.2.26"));
  }

  private WordpressProgram(ApachePhp apache) {
    super(apache, phpApacheImage(apache, "docker-entrypoint.sh")
        .file("/usr/src/wordpress/index.php", "<?php\n// WordPress's front controller\nrequire __DIR__ . '/wp-blog-header.php';\n")
        .build());
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log("WordPress not found in " + ROOT + " - copying now...");
    ctx.log("Complete! WordPress has been successfully copied to " + ROOT);
    TreeSet<String> variables = new TreeSet<>();
    ctx.env().keySet().stream().filter(k -> k.startsWith("WORDPRESS_")).forEach(variables::add);
    if (!variables.isEmpty()) {
      ctx.log("No 'wp-config.php' found in " + ROOT + ", but 'WORDPRESS_...' variables supplied; copying "
          + "'wp-config-docker.php' (" + String.join(" ", variables) + ")");
    }
    super.onStart(launch, ctx);
  }

  @Override
  HttpResponse respond(HttpRequest request, ServerContext ctx, PodDialer dialer) {
    String path = request.path();
    if (!path.equals("/") && !path.endsWith(".php") && !path.endsWith("/")) {
      // static files and pretty permalinks: only index.php's routes and the admin pages are modelled
      return apache.notFound(request, ctx);
    }
    if (!connects(ctx.env(), dialer)) {
      return apache.script(500, databaseError(), "text/html; charset=utf-8", List.of(), ctx);
    }
    if (path.equals("/wp-admin/install.php")) {
      return apache.script(200, installPage(), "text/html; charset=utf-8", List.of(), ctx);
    }
    String host = request.header("Host").orElse(ctx.podIp());
    return apache.script(302, "", "text/html; charset=UTF-8", List.of(
        HttpHeader.of("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
        HttpHeader.of("Cache-Control", "no-cache, must-revalidate, max-age=0"),
        HttpHeader.of("X-Redirect-By", "WordPress"),
        HttpHeader.of("Location", "http://" + host + "/wp-admin/install.php")), ctx);
  }

  /** wpdb's connection: MySQL at {@code DB_HOST} answering the login with OK. */
  private static boolean connects(Map<String, String> env, PodDialer dialer) {
    String dbHost = env.getOrDefault("WORDPRESS_DB_HOST", "mysql");
    String host = dbHost;
    int port = 3306;
    int colon = dbHost.lastIndexOf(':');
    if (colon > 0 && dbHost.substring(colon + 1).matches("\\d{1,5}")) {
      host = dbHost.substring(0, colon);
      port = Integer.parseInt(dbHost.substring(colon + 1));
    }
    PodDialer.Dial dial = dialer.dial(host, port, CONNECT_TIMEOUT);
    if (dial.connection().isEmpty()) {
      return false;
    }
    PodDialer.Connection c = dial.connection().get();
    List<PgWire.Message> answer = c.exchange(MysqlWire.client(env.getOrDefault("WORDPRESS_DB_USER", "example username"),
            Optional.of(env.getOrDefault("WORDPRESS_DB_PASSWORD", "example password")),
            Optional.of(env.getOrDefault("WORDPRESS_DB_NAME", "wordpress")), List.of()))
        .map(PgWire::readServer).orElse(List.of());
    c.close();
    return answer.size() > 1 && answer.get(0).type() == 'G' && answer.get(1).type() == 'O';
  }

  /** wp_die()'s page for dead_db(), in kubesim's words around WordPress's heading. */
  private static String databaseError() {
    return "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
        + "\t<title>Database Error</title>\n</head>\n<body id=\"error-page\">\n"
        + "\t<div class=\"wp-die-message\"><h1>Error establishing a database connection</h1></div></body>\n</html>\n";
  }

  /** The installation's first step: the language to install in. */
  private static String installPage() {
    return "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
        + "\t<title>WordPress &rsaquo; Installation</title>\n</head>\n<body class=\"wp-core-ui language-chooser\">\n"
        + "<p id=\"logo\">WordPress</p>\n<form id=\"setup\" method=\"post\" action=\"?step=1\">\n"
        + "<label class=\"screen-reader-text\" for=\"language\">Select a default language</label>\n"
        + "<select size=\"14\" name=\"language\" id=\"language\"><option value=\"\" lang=\"en\" selected=\"selected\">English (United States)</option></select>\n"
        + "<p class=\"step\"><input id=\"language-continue\" type=\"submit\" class=\"button button-primary button-large\" value=\"Continue\" /></p>\n"
        + "</form>\n</body>\n</html>\n";
  }
}
