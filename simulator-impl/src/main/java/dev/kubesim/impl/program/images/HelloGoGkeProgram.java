package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.http.GoHttp;
import java.time.Instant;

/**
 * {@code gcr.io/google-samples/hello-go-gke}, the backend of kubernetes.io's "Connect a Frontend to
 * a Backend Using Services": a Go greeter on port 80 answering every request with the JSON {@code
 * {"message":"Hello"}} (as Go's JSON encoder writes it, with a newline). Go's runtime exits with
 * status 2 on SIGTERM.
 */
public final class HelloGoGkeProgram {
  private HelloGoGkeProgram() {}

  /** The image's program. */
  public static Program program() {
    ImageConfig image = ImageConfig.builder(BaseImage.DISTROLESS)
        .cmd("/hello")
        .file("/hello", "")
        .created(Instant.parse("2017-03-01T00:00:00Z"))
        .build();
    return Program.builder(image)
        .listens(ListenPort.tcp(80))
        .http((request, ctx) -> GoHttp.response(200, "{\"message\":\"Hello\"}\n", "application/json", ctx))
        .onSigterm(SigtermBehavior.exitsPromptly(2))
        .build();
  }
}
