package dev.kubesim.samples.conformance;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NatDecision;
import java.util.Optional;

/** The {@code backend} of an {@code http} step: the Service port a connection's DNAT came from. */
final class BackendNames {
  private BackendNames() {}

  /**
   * {@code NS/SERVICE:PORT} (the port by number) of the Service port whose rules carried the
   * connection; the decision names it as {@code namespace/name[:portname]/PROTOCOL}.
   */
  static Optional<String> servicePort(SimCluster sim, NatDecision d) {
    String text = d.servicePort();
    int slash = text.indexOf('/');
    int protoSlash = text.lastIndexOf('/');
    if (slash < 0 || protoSlash <= slash) {
      return Optional.empty();
    }
    String ns = text.substring(0, slash);
    String rest = text.substring(slash + 1, protoSlash);
    String protocol = text.substring(protoSlash + 1);
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String portName = colon < 0 ? "" : rest.substring(colon + 1);
    return sim.api().get(Service.KIND, ns, name).map(Service.class::cast)
        .flatMap(svc -> svc.specOrEmpty().ports().stream()
            .filter(p -> p.name().orElse("").equals(portName) && p.protocol().orElse("TCP").equals(protocol))
            .findFirst()
            .flatMap(ServicePort::port))
        .map(p -> ns + "/" + name + ":" + p);
  }
}
