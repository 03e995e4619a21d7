package dev.kubesim.impl.dns;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.dnswire.DnsQueryPayload;
import dev.kubesim.impl.dnswire.DnsResponsePayload;
import dev.kubesim.impl.net.DatagramService;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.Sockets;
import java.util.Optional;

/**
 * DNS servers on the packet network: CoreDNS answering queries that reach a CoreDNS pod on port
 * 53, and the upstream resolver outside the cluster at the nameservers of the nodes' resolv.conf.
 */
public final class DnsDatagrams {
  private DnsDatagrams() {}

  /** The program behind UDP 53 in a pod: the CoreDNS server of that pod, if it runs one. */
  public static DatagramService coreDns(ClusterDns dns) {
    return (at, datagram) -> {
      if (!(datagram.payload() instanceof DnsQueryPayload q)) {
        return Optional.empty();
      }
      String local = Ip4.format(datagram.destination());
      return dns.serverAt(local)
          .map(server -> new DnsResponsePayload(q.id(), server.handle(q.question(), Ip4.format(datagram.source()))));
    };
  }

  /** The sockets of the upstream resolver's host: UDP 53, answered by {@link UpstreamResolver}. */
  public static Sockets upstream(UpstreamResolver upstream, String address) {
    Optional<ObjectRef> object = Optional.of(ObjectRef.clusterScoped("host", address));
    return new Sockets() {
      @Override
      public boolean listening(IpProtocol protocol, int port) {
        return protocol == IpProtocol.UDP && port == 53;
      }

      @Override
      public Optional<Payload> receive(Session session, Netns at, Packet packet) {
        return packet.payload() instanceof DnsQueryPayload q
            ? Optional.of(new DnsResponsePayload(q.id(), upstream.resolve(q.question())))
            : Optional.empty();
      }

      @Override
      public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
        return object;
      }
    };
  }
}
