package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Ip4;
import java.util.Objects;

/**
 * The first packet of a new connection as it meets a node's netfilter hooks: addresses, protocol,
 * ports, and whether the node itself sent it (nat OUTPUT) or it arrived on an interface (nat
 * PREROUTING), from a pod's veth or from the network. Addresses are kept in canonical form.
 *
 * @param sourcePort 0 when not known
 * @param destinationPort 0 for ICMP
 */
public record Packet(String source, String destination, Protocol protocol, int sourcePort, int destinationPort,
    boolean locallyGenerated) {
  public Packet {
    Objects.requireNonNull(protocol, "protocol");
    source = canonical(source, "source");
    destination = canonical(destination, "destination");
    if (sourcePort < 0 || sourcePort > 65535 || destinationPort < 0 || destinationPort > 65535) {
      throw new IllegalArgumentException("ports must be 0-65535, got " + sourcePort + " and " + destinationPort);
    }
  }

  /** A packet arriving on one of the node's interfaces (PREROUTING). */
  public static Packet arriving(String source, String destination, Protocol protocol, int destinationPort) {
    return new Packet(source, destination, protocol, 0, destinationPort, false);
  }

  /** A packet sent by a process of the node itself (OUTPUT). */
  public static Packet fromNode(String source, String destination, Protocol protocol, int destinationPort) {
    return new Packet(source, destination, protocol, 0, destinationPort, true);
  }

  private static String canonical(String address, String what) {
    Objects.requireNonNull(address, what);
    if (Ip4.isCanonical(address)) {
      return address; // the network's own addresses: nothing to rewrite, nothing to parse twice per packet
    }
    if (!InetAddresses.isInetAddress(address)) {
      throw new IllegalArgumentException(what + " \"" + address + "\" is not an IP address");
    }
    return InetAddresses.toAddrString(InetAddresses.forString(address));
  }

  @Override
  public String toString() {
    return protocol + " " + source + (sourcePort == 0 ? "" : ":" + sourcePort) + " -> " + destination + ":" + destinationPort
        + (locallyGenerated ? " (from the node)" : "");
  }
}
