package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExternalClient;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpRequest;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.util.Map;

/**
 * The {@code http} verb as the product's curl sends it: from a pod, the request that pod's curl
 * sends ({@link Cluster#http(String, dev.kubesim.api.program.HttpRequest)}: the image's resolver,
 * glibc or musl, and its curl's {@code User-Agent} and header fields); from {@code external} or
 * {@code external:IP}, the outside client's curl ({@link ExternalClient#http}), which has no
 * cluster DNS. The step's headers are added to curl's, a {@code Host} among them replacing curl's,
 * as {@code curl -H} does. What the client saw is read from the result's trace ({@link
 * TracedAnswer}).
 */
final class CurlHttp {
  private final Cluster cluster;

  CurlHttp(Cluster cluster) {
    this.cluster = cluster;
  }

  /** Whether a step's {@code from} names a client outside the cluster. */
  static boolean isExternal(String from) {
    return from.equals("external") || from.startsWith("external:");
  }

  /** Sends one request on a new connection and says what the client saw. */
  HttpResult request(HttpRequest req) {
    dev.kubesim.api.program.HttpRequest request = dev.kubesim.api.program.HttpRequest.get(req.url());
    for (Map.Entry<String, String> h : req.headers().entrySet()) {
      request = request.withHeader(h.getKey(), h.getValue());
    }
    dev.kubesim.api.HttpResult result;
    if (isExternal(req.from())) {
      ExternalClient client = req.from().startsWith("external:")
          ? cluster.external(req.from().substring("external:".length()))
          : cluster.external();
      result = client.http(request);
    } else {
      result = cluster.http(req.from(), request);
    }
    return new TracedAnswer(cluster).read(result);
  }
}
