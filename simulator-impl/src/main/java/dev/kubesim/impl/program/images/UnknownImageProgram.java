package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.http.GoHttp;
import dev.kubesim.impl.program.ListensWhereExpected;
import java.util.List;
import java.util.Optional;

/**
 * What an image nobody registered runs (the conformance rule): HTTP on each declared {@code
 * containerPort} and on every other port the cluster expects it to listen on ({@link
 * ListensWhereExpected}: its probes' ports, the target ports of the Services that select its pod,
 * the {@code kubesim.dev/listen} annotation's), answering {@code 200} with the pod's hostname as the body, whatever the command —
 * except {@code /clientip}, which answers the request's source {@code ip:port} as agnhost's netexec
 * does, so that a test can see whether a Service kept the client's address or masqueraded it.
 * It is taken to be a well-behaved server on Debian that exits 0 on SIGTERM; its userland has the
 * usual network clients (curl, wget, nslookup, dig, ping), so a generic client image can use them.
 */
public final class UnknownImageProgram implements Program, ListensWhereExpected {
  private final ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN)
      .file("/usr/bin/curl", "")
      .file("/usr/bin/wget", "")
      .file("/usr/bin/nslookup", "")
      .file("/usr/bin/dig", "")
      .file("/usr/bin/ping", "")
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return launch.declaredPorts();
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of((request, ctx) ->
        GoHttp.response(200, request.path().equals("/clientip") ? request.clientAddress() : ctx.hostname(), ctx));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }
}
