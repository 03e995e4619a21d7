package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import java.time.Instant;

/**
 * {@code gcr.io/google-samples/node-hello}, the app of kubernetes.io's "Exposing an External IP
 * Address to Access an Application in a Cluster": a Node.js server on port 8080 answering every
 * request with {@code Hello Kubernetes!} (no newline). Node as PID 1 does not handle SIGTERM.
 */
public final class NodeHelloProgram {
  private NodeHelloProgram() {}

  /** The image's program. */
  public static Program program() {
    ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN_JESSIE)
        .cmd("/bin/sh", "-c", "node server.js")
        .file("/server.js", "")
        .file("/usr/local/bin/node", "")
        .file("/usr/bin/curl", "")
        .created(Instant.parse("2016-06-01T00:00:00Z"))
        .build();
    // response.writeHead(200) then end(text): node's own headers, no Content-Type
    return Program.builder(image)
        .listens(ListenPort.tcp(8080))
        .http((request, ctx) -> KubiaProgram.node(200, "Hello Kubernetes!", request, ctx))
        .onSigterm(SigtermBehavior.ignores())
        .build();
  }
}
