package dev.kubesim.impl.resolver;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.net.Network;
import java.util.Optional;

/**
 * {@link PacketDnsTransport} for any pod by name: each query leaves the asking pod's namespace as a
 * UDP packet (untraced), as the pod's own resolver would send it. A pod without an address on the
 * network hears nothing.
 */
public final class NetworkDnsTransport implements DnsTransport {
  private final ApiServer api;
  private final Network network;

  public NetworkDnsTransport(ApiServer api, Network network) {
    this.api = api;
    this.network = network;
  }

  @Override
  public Optional<DnsAnswer> query(String fromPod, String nameserver, String fqdn, String type) {
    return exchange(fromPod, nameserver, DnsQuestion.of(fqdn, type))
        .flatMap(PacketDnsTransport.Exchange::response)
        .map(PacketDnsTransport::answer);
  }

  /**
   * Sends one question (recursion desired) from the pod and returns the whole exchange: the response
   * with its flags, who answered, how it ended. Empty when the pod has no address on the network.
   *
   * @param fromPod the asking pod as {@code NS/NAME}
   */
  public Optional<PacketDnsTransport.Exchange> exchange(String fromPod, String nameserver, DnsQuestion question) {
    return podIp(fromPod).flatMap(network::at)
        .map(from -> new PacketDnsTransport(network, network.untracedSession(), from).exchange(nameserver, question, true));
  }

  private Optional<String> podIp(String podRef) {
    int slash = podRef.indexOf('/');
    String ns = slash < 0 ? "default" : podRef.substring(0, slash);
    String name = slash < 0 ? podRef : podRef.substring(slash + 1);
    return api.get(Pod.KIND, ns, name).map(Pod.class::cast)
        .flatMap(Pod::status).flatMap(PodStatus::podIP).filter(ip -> !ip.isEmpty());
  }
}
