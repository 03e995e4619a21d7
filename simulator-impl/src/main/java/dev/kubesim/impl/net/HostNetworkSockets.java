package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets of a node's own namespace: the listeners of the {@code hostNetwork} pods running
 * there, in the order they were added (the first listener on a port wins, as the first bind does).
 */
final class HostNetworkSockets implements Sockets {
  private final Map<String, Sockets> pods = new LinkedHashMap<>();

  void add(String pod, Sockets sockets) {
    pods.put(pod, sockets);
  }

  void remove(String pod) {
    pods.remove(pod);
  }

  private Sockets listener(IpProtocol protocol, int port) {
    for (Sockets s : pods.values()) {
      if (s.listening(protocol, port)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public boolean listening(IpProtocol protocol, int port) {
    return listener(protocol, port) != null;
  }

  @Override
  public Optional<Payload> receive(Session session, Netns at, Packet packet) {
    Sockets s = listener(packet.protocol(), packet.destinationPort());
    return s == null ? Optional.empty() : s.receive(session, at, packet);
  }

  @Override
  public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
    Sockets s = listener(protocol, port);
    return s == null ? Optional.empty() : s.owner(protocol, port);
  }
}
