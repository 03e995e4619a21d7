package dev.kubesim.impl.cluster;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.kubelet.PortForward;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.Sockets;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code kubectl port-forward} listens on, on the terminal's host: each local TCP port leads to
 * one pod's port, and each connection to it is dialled anew inside the pod's network namespace, as
 * the kubelet's streaming server dials it. The pod is the one kubectl picked when it started: when
 * it is gone, connections get no answer (kubectl reports the lost pod).
 */
final class HostForwards implements Sockets {
  private record Forward(ObjectKey pod, int port) {}

  private final ApiServer api;
  private final Network network;
  private final TreeMap<Integer, Forward> forwards = new TreeMap<>();

  HostForwards(ApiServer api, Network network) {
    this.api = api;
    this.network = network;
  }

  /**
   * Listens on the local port until the returned handle is run.
   *
   * @return the handle, or empty when the port is taken
   */
  Optional<Runnable> listen(Pod pod, int localPort, int podPort) {
    if (forwards.containsKey(localPort)) {
      return Optional.empty();
    }
    Forward forward = new Forward(ObjectStore.keyOf(pod), podPort);
    forwards.put(localPort, forward);
    return Optional.of(() -> forwards.remove(localPort, forward));
  }

  @Override
  public boolean listening(IpProtocol protocol, int port) {
    return protocol == IpProtocol.TCP && forwards.containsKey(port);
  }

  @Override
  public Optional<Payload> receive(Session session, Netns at, Packet packet) {
    Forward f = forwards.get(packet.destinationPort());
    if (f == null || packet.protocol() != IpProtocol.TCP) {
      return Optional.empty();
    }
    Optional<Pod> pod = api.get(Pod.KIND, f.pod().namespace(), f.pod().name()).map(Pod.class::cast);
    if (pod.isEmpty()) {
      return Optional.empty();
    }
    try {
      PortForward stream = PortForward.dial(network, pod.get(), f.port());
      try {
        return stream.exchange(packet.payload());
      } finally {
        stream.close();
      }
    } catch (PortForward.Refused e) {
      return Optional.empty(); // kubectl logs the error; the client's connection closes unanswered
    }
  }

  @Override
  public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
    Forward f = forwards.get(port);
    return f == null ? Optional.empty() : Optional.of(ObjectRef.pod(f.pod().namespace(), f.pod().name()));
  }
}
