package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.program.DialingServer;
import dev.kubesim.impl.program.PodDialer;
import java.util.List;
import java.util.Optional;

/**
 * A PHP application on the official {@code php:*-apache} images (the guestbook's frontend,
 * WordPress): Apache on port 80, whose scripts may dial from the pod while they answer; Apache's
 * start lines, its access log and a prompt stop on SIGTERM ({@code apache2-foreground} execs
 * Apache). Subclasses answer the requests.
 */
abstract class ApachePhpProgram implements Program, DialingServer {
  /** The web root of the php images. */
  static final String ROOT = "/var/www/html";

  protected final ApachePhp apache;
  private final ImageConfig image;

  ApachePhpProgram(ApachePhp apache, ImageConfig image) {
    this.apache = apache;
    this.image = image;
  }

  /** The files and settings every php-apache image has (curl comes with the images' runtime dependencies). */
  static ImageConfig.Builder phpApacheImage(ApachePhp apache, String entrypoint) {
    return ImageConfig.builder(BaseImage.DEBIAN)
        .env("PHP_VERSION", apache.php())
        .env("APACHE_CONFDIR", "/etc/apache2")
        .workingDir(ROOT)
        .entrypoint(entrypoint)
        .cmd("apache2-foreground")
        .file("/usr/local/bin/" + entrypoint, "")
        .file("/usr/local/bin/apache2-foreground", "")
        .file("/usr/local/bin/php", "")
        .file("/usr/bin/curl", "");
  }

  /** The answer to a request, before Apache logs it. */
  abstract HttpResponse respond(HttpRequest request, ServerContext ctx, PodDialer dialer);

  @Override
  public final ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.tcp(80));
  }

  /** A request that did not come over the network has nothing to dial through. */
  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of((request, ctx) -> serve(launch, request, ctx, PodDialer.NONE));
  }

  @Override
  public boolean dialsOn(Launch launch, int port) {
    return port == 80;
  }

  @Override
  public final HttpResponse serve(Launch launch, HttpRequest request, ServerContext ctx, PodDialer dialer) {
    return apache.logged(request, respond(request, ctx, dialer), ctx);
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    apache.logStart(ctx);
  }
}
