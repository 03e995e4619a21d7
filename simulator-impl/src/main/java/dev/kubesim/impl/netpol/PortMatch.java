package dev.kubesim.impl.netpol;

import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.NetworkPolicyPort;
import dev.kubesim.impl.net.IpProtocol;
import java.util.Optional;

/**
 * One entry of a rule's {@code ports}: a protocol and a port number, a range ({@code endPort}), a
 * named port, or every port of the protocol.
 *
 * @param first the port, or 0 for every port (and for a named port)
 * @param last the range's end (equal to {@code first} without {@code endPort})
 * @param name the named port, or empty
 */
record PortMatch(IpProtocol protocol, int first, int last, Optional<String> name) {
  static PortMatch of(NetworkPolicyPort p) {
    IpProtocol protocol = IpProtocol.tryParse(p.protocol().orElse("TCP")).orElse(IpProtocol.TCP);
    if (p.port().isEmpty()) {
      return new PortMatch(protocol, 0, 0, Optional.empty());
    }
    IntOrString port = p.port().get();
    if (!port.isInt()) {
      return new PortMatch(protocol, 0, 0, Optional.of(port.toString()));
    }
    int first = port.intValue().getAsInt();
    return new PortMatch(protocol, first, p.endPort().orElse(first), Optional.empty());
  }

  /**
   * Whether a connection to {@code port} with {@code protocol} matches; {@code namedPorts} resolves
   * a port name on the destination pod.
   */
  boolean matches(IpProtocol packetProtocol, int port, NamedPorts namedPorts) {
    if (packetProtocol != protocol) {
      return false;
    }
    if (name.isPresent()) {
      return namedPorts.resolve(name.get(), protocol).orElse(-1) == port;
    }
    return first == 0 || (port >= first && port <= last);
  }

  /** {@code TCP/80}, {@code TCP/8000-8080}, {@code TCP/serve-80-tcp}, {@code TCP} for every port. */
  @Override
  public String toString() {
    String p = name.orElse(first == 0 ? "" : first == last ? Integer.toString(first) : first + "-" + last);
    return p.isEmpty() ? protocol.name() : protocol + "/" + p;
  }
}
