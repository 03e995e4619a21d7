package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.program.PodDialer;
import java.util.List;

/**
 * {@code registry.k8s.io/hpa-example}, the php-apache server of kubernetes.io's
 * HorizontalPodAutoscaler walkthrough: {@code php:5-apache} with one {@code index.php} that burns
 * CPU on a loop of square roots and answers {@code OK!}. (The CPU it burns is not simulated.)
 * Any other path is Apache's 404 page.
 */
public final class HpaExampleProgram extends ApachePhpProgram {
  private static final String INDEX_PHP = """
      <?php
        $x = 0.0001;
        for ($i = 0; $i <= 1000000; $i++) {
          $x += sqrt($x);
        }
        echo "OK!";
      ?>
      """;

  /** The image as it was built: PHP 5.6 on Debian jessie's Apache. */
  public HpaExampleProgram() {
    this(new ApachePhp("2.4.10", "5.6.18"));
  }

  private HpaExampleProgram(ApachePhp apache) {
    super(apache, phpApacheImage(apache, "docker-php-entrypoint").file(ROOT + "/index.php", INDEX_PHP).build());
  }

  @Override
  HttpResponse respond(HttpRequest request, ServerContext ctx, PodDialer dialer) {
    String path = request.path();
    if (path.equals("/") || path.equals("/index.php")) {
      return apache.script(200, "OK!", "text/html", List.of(), ctx);
    }
    return apache.notFound(request, ctx);
  }
}
