package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import java.util.Map;

/**
 * Stands for a kube-proxy mode that is not simulated yet (IPVS): the cluster builds and
 * everything else works, but asking it about a packet fails, naming the mode.
 */
final class UnsupportedProxyMode implements ProxyMode {
  private final String mode;

  UnsupportedProxyMode(String mode) {
    this.mode = mode;
  }

  @Override
  public String name() {
    return mode;
  }

  @Override
  public void syncService(ObjectKey service, List<ServicePortInfo> ports, Map<ServicePortName, List<EndpointInfo>> endpoints) {}

  @Override
  public void syncNode(ProxierConfig config) {}

  @Override
  public PacketDecision decide(Packet packet, boolean locallyGenerated) {
    throw unsupported();
  }

  @Override
  public String dump() {
    throw unsupported();
  }

  private UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("kube-proxy mode " + mode + " is not simulated yet; use mode iptables");
  }
}
