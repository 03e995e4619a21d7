package dev.kubesim.samples.conformance;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ProxyAnswer;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.util.Optional;

/**
 * The {@code backend} and {@code servedBy} of an {@code http} step: the Service port a connection's
 * DNAT came from and the pod that answered — or, when an ingress controller's nginx proxied the
 * request, the Ingress backend and the pod behind it (the controller itself for its own answers).
 */
final class BackendNames {
  private BackendNames() {}

  /** What a client that got a response saw, from any client (a pod, a node, outside). */
  static HttpResult answered(SimCluster sim, HttpClient.Result r) {
    HttpResponse response = r.response().orElseThrow();
    Optional<ProxyAnswer> proxy = r.proxied();
    Optional<ObjectRef> upstream = proxy.flatMap(ProxyAnswer::answeredBy);
    Optional<String> backend = proxy.isPresent()
        ? upstream.flatMap(u -> proxy.get().backend())
        : r.service().flatMap(d -> servicePort(sim, d));
    return new HttpResult(Optional.empty(), response.status(), backend, response.body(),
        upstream.or(r::servedBy).map(BackendNames::servedBy));
  }

  /** {@code NS/NAME} of a pod, the reference as it is written of anything else ({@code node/NAME}). */
  private static String servedBy(ObjectRef owner) {
    return owner.kind().equals("pod") ? owner.key() : owner.toString();
  }

  /**
   * {@code NS/SERVICE:PORT} (the port by number) of the Service port whose rules carried the
   * connection, as the decision names it.
   */
  static Optional<String> servicePort(SimCluster sim, PacketDecision d) {
    return d.servicePort().flatMap(name -> sim.api().get(Service.KIND, name.namespace(), name.name())
        .map(Service.class::cast)
        .flatMap(svc -> svc.specOrEmpty().ports().stream()
            .filter(p -> p.name().orElse("").equals(name.port())
                && p.protocol().orElse("TCP").equals(name.protocol().name()))
            .findFirst()
            .flatMap(ServicePort::port))
        .map(p -> name.serviceName() + ":" + p));
  }
}
