package dev.kubesim.impl.netpol;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.api.ReachabilityMatrix.Cell;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.PodConnectPrediction;
import dev.kubesim.impl.net.SctpAssociation;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.net.UdpExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reachability matrix, probed as the upstream NetworkPolicy e2e tests probe it ({@code agnhost
 * connect} from each pod to each other pod's IP, one second each): every cell is a real connection
 * through the packet path, so kube-proxy, conntrack and NetworkPolicy decide it as they decide any
 * traffic. Probes run in untraced sessions at the cluster's current instant; the cluster's clock
 * does not move.
 *
 * <p>A TCP cell between two pods of the pod network is {@linkplain PodConnectPrediction predicted}
 * from the same decisions the walk would meet (kube-proxy's rules on both nodes, the policies, the
 * listener) when that is possible, which makes a matrix of a thousand pods cost seconds instead of
 * a million handshakes; a test holds the two to the same answers.
 */
public final class ReachabilityProbe {
  /** agnhost connect's {@code --timeout=1s} in the e2e tests. */
  private static final long TIMEOUT = 1_000_000_000L;

  private final ApiServer api;
  private final Network network;
  private final boolean predict;

  /** A probe that predicts the cells it can and walks the others. */
  public ReachabilityProbe(ApiServer api, Network network) {
    this(api, network, true);
  }

  /** @param predict whether TCP cells may be predicted; false walks every handshake */
  public ReachabilityProbe(ApiServer api, Network network, boolean predict) {
    this.api = api;
    this.network = network;
    this.predict = predict;
  }

  /**
   * The matrix of these pods ({@code ns/name}, or a name in {@code default}).
   *
   * @throws dev.kubesim.api.NotFoundException when a pod does not exist
   */
  public ReachabilityMatrix probe(List<String> pods, int port, String protocol) {
    IpProtocol p = protocolOf(protocol);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 1-65535");
    }
    List<Pod> resolved = new ArrayList<>();
    for (String ref : pods) {
      String ns = ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : "default";
      String name = ref.substring(ref.indexOf('/') + 1);
      resolved.add((Pod) api.getOrThrow(Pod.KIND, ns, name));
    }
    return matrix(resolved, port, p);
  }

  /** The matrix of every pod with an IP in these namespaces (all but {@code kube-*} when empty). */
  public ReachabilityMatrix probeNamespaces(List<String> namespaces, int port, String protocol) {
    IpProtocol p = protocolOf(protocol);
    List<Pod> pods = new ArrayList<>();
    for (KubeObject o : api.list(Pod.KIND, Optional.empty())) {
      String ns = o.metadata().namespace().orElse("");
      boolean wanted = namespaces.isEmpty() ? !ns.startsWith("kube-") : namespaces.contains(ns);
      if (wanted && ipOf((Pod) o).isPresent()) {
        pods.add((Pod) o);
      }
    }
    pods.sort(Comparator.comparing((Pod o) -> o.metadata().namespace().orElse("")).thenComparing(o -> o.metadata().nameOrEmpty()));
    return matrix(pods, port, p);
  }

  /** A pod as the probes need it: its name, and its namespace on the network and address when it has them. */
  private record Member(String ref, Optional<Netns> netns, OptionalInt address) {}

  private ReachabilityMatrix matrix(List<Pod> pods, int port, IpProtocol protocol) {
    List<Member> members = new ArrayList<>();
    for (Pod p : pods) {
      Optional<String> ip = ipOf(p);
      members.add(new Member(ref(p), ip.flatMap(network::at),
          ip.isPresent() ? OptionalInt.of(Ip4.parse(ip.get())) : OptionalInt.empty()));
    }
    List<Cell> cells = new ArrayList<>(Math.max(0, members.size() * (members.size() - 1)));
    for (Member from : members) {
      for (Member to : members) {
        if (from != to) {
          cells.add(cell(from, to, port, protocol));
        }
      }
    }
    return new ReachabilityMatrix(members.stream().map(Member::ref).toList(), port, protocol.name(), cells);
  }

  private Cell cell(Member from, Member to, int port, IpProtocol protocol) {
    String f = from.ref();
    String t = to.ref();
    if (from.netns().isEmpty()) {
      return new Cell(f, t, false, "the client pod " + f + " is not on the pod network");
    }
    if (to.address().isEmpty()) {
      return new Cell(f, t, false, "the server pod " + t + " has no IP");
    }
    Netns client = from.netns().get();
    int destination = to.address().getAsInt();
    if (protocol == IpProtocol.TCP && predict) {
      Optional<PodConnectPrediction.Outcome> o = PodConnectPrediction.tcp(network, client, destination, port);
      if (o.isPresent()) {
        return o.get().status() == TcpConnection.Status.CONNECTED
            ? new Cell(f, t, true, "connected to " + text(o.get().object()))
            : new Cell(f, t, false, o.get().status() + " by " + text(o.get().object()) + ": " + o.get().reason());
      }
    }
    Session s = network.untracedSession();
    if (protocol == IpProtocol.TCP) {
      TcpConnection.Attempt a = TcpConnection.open(network, s, client, destination, port, s.now() + TIMEOUT);
      if (a.connected()) {
        ObjectRef owner = a.connection().serverOwner();
        a.connection().close();
        return new Cell(f, t, true, "connected to " + owner);
      }
      return new Cell(f, t, false, a.status() + " by " + text(a.object()) + ": " + a.reason());
    }
    if (protocol == IpProtocol.SCTP) {
      SctpAssociation.Attempt a = SctpAssociation.open(network, s, client, destination, port, s.now() + TIMEOUT);
      if (a.established()) {
        ObjectRef owner = a.association().serverOwner();
        a.association().close();
        return new Cell(f, t, true, "associated with " + owner);
      }
      return new Cell(f, t, false, a.status() + " by " + text(a.object()) + ": " + a.reason());
    }
    UdpExchange.Result r = UdpExchange.request(network, s, client, destination, port, new DataPayload("hostname\n"),
        TIMEOUT, null);
    return r.status() == UdpExchange.Status.ANSWERED
        ? new Cell(f, t, true, "answered by " + text(r.object()))
        : new Cell(f, t, false, r.status() + " by " + text(r.object()) + ": " + r.reason());
  }

  /** The deciding object as the matrix prints it, {@code -} for none. */
  private static String text(Optional<ObjectRef> object) {
    return object.map(ObjectRef::toString).orElse("-");
  }

  private static IpProtocol protocolOf(String protocol) {
    IpProtocol p = IpProtocol.tryParse(protocol).orElse(null);
    if (p == null || p == IpProtocol.ICMP) {
      throw new IllegalArgumentException("protocol \"" + protocol + "\": the matrix probes TCP, UDP or SCTP");
    }
    return p;
  }

  private static Optional<String> ipOf(Pod pod) {
    return pod.status().flatMap(PodStatus::podIP).filter(Ip4::isValid);
  }

  private static String ref(Pod pod) {
    return pod.metadata().namespace().orElse("default") + "/" + pod.metadata().nameOrEmpty();
  }
}
