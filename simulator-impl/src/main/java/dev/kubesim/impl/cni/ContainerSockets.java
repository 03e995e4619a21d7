package dev.kubesim.impl.cni;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.kubelet.PodWorker;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.HttpPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.Sockets;
import dev.kubesim.impl.program.ProxyingServer;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.program.nettools.SessionDialer;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pod's listeners: the running containers of the pod, found through its node's kubelet at the
 * moment a packet arrives (so a restarted container, or one that exited, is what answers or not).
 * HTTP on TCP goes to the container's server, other TCP data and SCTP data to a plain server
 * ({@link dev.kubesim.impl.program.RawServer}); a UDP datagram goes to the container's own UDP server, or
 * else to the program registered for the port on the network (CoreDNS on 53) when a container
 * listens there.
 */
final class ContainerSockets implements Sockets {
  private final ObjectKey pod;
  private final String node;
  private final Function<String, Optional<Kubelet>> kubelets;
  private final Network network;

  ContainerSockets(ObjectKey pod, String node, Function<String, Optional<Kubelet>> kubelets, Network network) {
    this.pod = pod;
    this.node = node;
    this.kubelets = kubelets;
    this.network = network;
  }

  /** The first running container listening on the port, or null. */
  private RunningContainer listener(IpProtocol protocol, int port) {
    Optional<Kubelet> k = kubelets.apply(node);
    if (k.isEmpty()) {
      return null;
    }
    Optional<PodWorker> w = k.get().worker(pod);
    if (w.isEmpty()) {
      return null;
    }
    String proto = protocol.name();
    for (String name : w.get().containerNames()) {
      Optional<RunningContainer> c = w.get().container(name);
      if (c.isPresent() && c.get().listensOn(proto, port)) {
        return c.get();
      }
    }
    return null;
  }

  @Override
  public boolean listening(IpProtocol protocol, int port) {
    return protocol != IpProtocol.ICMP && listener(protocol, port) != null;
  }

  @Override
  public Optional<Payload> receive(Session session, Netns at, Packet packet) {
    RunningContainer c = listener(packet.protocol(), packet.destinationPort());
    if (c == null) {
      return Optional.empty();
    }
    String client = Ip4.format(packet.source()) + ":" + packet.sourcePort();
    if (packet.protocol() == IpProtocol.UDP) {
      String data = packet.payload() instanceof DataPayload d ? d.text() : "";
      Optional<Payload> own = c.answerDatagram(packet.destinationPort(), data, client).<Payload>map(DataPayload::new);
      return own.isPresent()
          ? own
          : network.datagramService(packet.destinationPort()).flatMap(s -> s.answer(at, packet));
    }
    if (packet.protocol() == IpProtocol.SCTP) {
      String data = packet.payload() instanceof DataPayload d ? d.text() : "";
      return c.acceptSctp(packet.destinationPort(), data, client).map(DataPayload::new);
    }
    if (!c.servesHttpOn(packet.destinationPort())) {
      // a plain TCP server: what it writes on the connection is the answer to the client's data
      // the process's own connections (a replica's link to its master) are not the client's
      return c.acceptTcp(packet.destinationPort(), wireText(packet.payload()), client,
              () -> SessionDialer.of(network, c, at, network.session("connections of " + c.namespace() + "/" + c.podName())))
          .<Payload>map(DataPayload::new);
    }
    if (!(packet.payload() instanceof HttpPayload http) || http.asRequest().isEmpty()) {
      return Optional.empty();
    }
    HttpRequest request = http.asRequest().get()
        .withClientAddress(client)
        .withServerAddress(Ip4.format(packet.destination()) + ":" + packet.destinationPort());
    Optional<ProxyingServer.Proxied> proxied = c.proxy(request, session);
    if (proxied.isPresent()) {
      return Optional.of(HttpPayload.response(proxied.get().response(), proxied.get().answer()));
    }
    Optional<HttpResponse> dialed = c.serveDialing(request, () -> SessionDialer.of(network, c, at, session));
    if (dialed.isPresent()) {
      return dialed.map(HttpPayload::response);
    }
    return c.serveHttp(request).map(HttpPayload::response);
  }

  /** What the client wrote, as a plain TCP server reads it: an HTTP request as sent on the wire. */
  private static String wireText(Payload payload) {
    if (payload instanceof DataPayload d) {
      return d.text();
    }
    if (payload instanceof HttpPayload http && http.asRequest().isPresent()) {
      HttpRequest r = http.asRequest().get();
      StringBuilder b = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
      r.headers().forEach(h -> b.append(h.name()).append(": ").append(h.value()).append("\r\n"));
      return b.append("\r\n").append(r.body()).toString();
    }
    return "";
  }

  @Override
  public boolean terminatesTls(int port) {
    RunningContainer c = listener(IpProtocol.TCP, port);
    return c != null && c.terminatesTlsOn(port);
  }

  @Override
  public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
    return Optional.of(ObjectRef.pod(pod.namespace(), pod.name()));
  }
}
