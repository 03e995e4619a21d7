package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.RunningContainer;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP request sent from a container's network as {@code curl -X METHOD -H ... --data-binary BODY
 * URL} would send it there, answered as a typed outcome instead of curl's text: the same look-up,
 * packets, rules and conntrack ({@link HttpTransfer}), with curl's exit code and error line when no
 * response came back. The container's image needs no curl of its own; the wording follows the curl
 * its base image would have.
 */
public final class TypedHttp {
  /**
   * What came back.
   *
   * @param response the response, if one came back
   * @param answeredBy whose program answered (a pod, a node or an outside host), if any
   * @param exit curl's exit code
   * @param error curl's error line without {@code curl: (N) }, empty with a response
   * @param elapsedNanos the virtual time it took
   */
  public record Outcome(Optional<HttpResponse> response, Optional<ObjectRef> answeredBy, int exit, String error,
      long elapsedNanos) {}

  private final Network network;

  public TypedHttp(Network network) {
    this.network = network;
  }

  /**
   * Sends the request from the container's network namespace; its trace is published to the running
   * capture as a command's is.
   *
   * @param request its target is the absolute URL
   * @throws IllegalArgumentException when the target is not a URL
   * @throws BadRequestException when the container's pod has no network namespace
   */
  public Outcome send(RunningContainer container, HttpRequest request) {
    Url url;
    try {
      url = Url.parse(request.target());
    } catch (Url.Malformed e) {
      throw new IllegalArgumentException("not a URL: \"" + request.target() + "\": " + e.getMessage(), e);
    }
    if (!request.target().contains("://")) {
      throw new IllegalArgumentException("not a URL: \"" + request.target() + "\": give the scheme and host, e.g. http://"
          + (request.target().startsWith("/") ? "orders" + request.target() : request.target()));
    }
    CurlOptions o = new CurlOptions();
    o.method = request.method();
    for (var h : request.headers()) {
      o.headers.add(h.value().isEmpty() ? h.name() + ";" : h.name() + ": " + h.value());
    }
    if (!request.body().isEmpty()) {
      o.data.add(request.body());
    }
    ExecContext ctx = new ExecContext(container, "http", container.env(), container.workingDir(), "", null);
    PodNetwork pn = PodNetwork.of(network, ctx, List.of(request.method(), request.target()))
        .orElseThrow(() -> new BadRequestException("pod " + container.podName() + " has no network namespace to send from"));
    // as curl -k: no simulated server's certificate would verify, so a typed HTTPS request does not try
    HttpTransfer.Result t = HttpTransfer.run(pn, CurlVersion.of(container.baseImage()), url, Curl.request(o,
        CurlVersion.of(container.baseImage()), url, Optional.empty()), HttpClient.PeerVerification.INSECURE, Long.MAX_VALUE, Long.MAX_VALUE);
    pn.publish(t.disposition());
    Optional<ObjectRef> answeredBy = t.client() == null ? Optional.empty() : t.client().answeredBy();
    return new Outcome(t.responded() ? t.response() : Optional.empty(), t.responded() ? answeredBy : Optional.empty(),
        t.exit(), t.error(), pn.session().elapsed());
  }
}
