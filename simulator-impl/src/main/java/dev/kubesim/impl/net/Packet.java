package dev.kubesim.impl.net;

import dev.kubesim.api.trace.TracePacket;
import dev.kubesim.impl.trace.TracedPacket;
import java.util.Objects;

/**
 * An IPv4 packet: addresses, transport, ports (for ICMP echo the identifier travels as the source
 * port), TCP flags or the ICMP message, TTL and payload. Immutable: NAT and forwarding make new
 * packets with {@code with...}.
 */
public final class Packet implements TracedPacket {
  /** The TTL a Linux host sends with ({@code net.ipv4.ip_default_ttl}). */
  public static final int DEFAULT_TTL = 64;

  private final IpProtocol protocol;
  private final int source;
  private final int sourcePort;
  private final int destination;
  private final int destinationPort;
  private final int flags;
  private final IcmpType icmp;
  private final int ttl;
  private final Payload payload;

  private Packet(IpProtocol protocol, int source, int sourcePort, int destination, int destinationPort, int flags,
      IcmpType icmp, int ttl, Payload payload) {
    this.protocol = protocol;
    this.source = source;
    this.sourcePort = sourcePort;
    this.destination = destination;
    this.destinationPort = destinationPort;
    this.flags = flags;
    this.icmp = icmp;
    this.ttl = ttl;
    this.payload = payload;
  }

  /** A TCP segment with these flags ({@link TcpFlags}) and payload (null for none). */
  public static Packet tcp(int source, int sourcePort, int destination, int destinationPort, int flags, Payload payload) {
    return new Packet(IpProtocol.TCP, source, sourcePort, destination, destinationPort, flags, null, DEFAULT_TTL, payload);
  }

  /** A UDP datagram. */
  public static Packet udp(int source, int sourcePort, int destination, int destinationPort, Payload payload) {
    return new Packet(IpProtocol.UDP, source, sourcePort, destination, destinationPort, 0, null, DEFAULT_TTL,
        Objects.requireNonNull(payload, "payload"));
  }

  /** An SCTP packet with one chunk, and payload (null for none). */
  public static Packet sctp(int source, int sourcePort, int destination, int destinationPort, SctpChunk chunk, Payload payload) {
    return new Packet(IpProtocol.SCTP, source, sourcePort, destination, destinationPort, chunk.type(), null, DEFAULT_TTL,
        payload);
  }

  /** An ICMP message; {@code identifier} is the echo identifier (0 for errors). */
  public static Packet icmp(int source, int destination, IcmpType type, int identifier, Payload payload) {
    return new Packet(IpProtocol.ICMP, source, identifier, destination, 0, 0, Objects.requireNonNull(type, "type"),
        DEFAULT_TTL, payload);
  }

  /**
   * The first packet of a new connection with this protocol and no payload, as a rule sees it: a
   * TCP SYN, an empty UDP datagram, an SCTP INIT, an ICMP echo request ({@code sourcePort} is then
   * the echo identifier and {@code destinationPort} is ignored).
   */
  public static Packet opening(IpProtocol protocol, int source, int sourcePort, int destination, int destinationPort) {
    return switch (protocol) {
      case TCP -> tcp(source, sourcePort, destination, destinationPort, TcpFlags.SYN, null);
      case ICMP -> new Packet(IpProtocol.ICMP, source, sourcePort, destination, 0, 0, IcmpType.ECHO_REQUEST, DEFAULT_TTL,
          null);
      case UDP -> new Packet(protocol, source, sourcePort, destination, destinationPort, 0, null, DEFAULT_TTL, null);
      case SCTP -> sctp(source, sourcePort, destination, destinationPort, SctpChunk.INIT, null);
    };
  }

  /** The ICMP error a host sends back about this packet (the error quotes it as its payload). */
  public Packet icmpError(int from, IcmpType type) {
    return icmp(from, source, type, 0, new Quoted(this));
  }

  public IpProtocol protocol() {
    return protocol;
  }

  public int source() {
    return source;
  }

  public int sourcePort() {
    return sourcePort;
  }

  public int destination() {
    return destination;
  }

  public int destinationPort() {
    return destinationPort;
  }

  /** The TCP flags ({@link TcpFlags}); 0 for other protocols. */
  public int flags() {
    return flags;
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  /** The ICMP message, or null for TCP and UDP. */
  public IcmpType icmp() {
    return icmp;
  }

  public int ttl() {
    return ttl;
  }

  /** The payload, or null for none. */
  public Payload payload() {
    return payload;
  }

  /** Whether this is the first packet of a new connection (a SYN without ACK, an SCTP INIT, any UDP or ICMP echo). */
  public boolean opensConnection() {
    return switch (protocol) {
      case TCP -> flags == TcpFlags.SYN;
      case SCTP -> flags == SctpChunk.INIT.type();
      default -> icmp == null || icmp == IcmpType.ECHO_REQUEST;
    };
  }

  /** The chunk of an SCTP packet; null for another protocol. */
  public SctpChunk chunk() {
    return protocol == IpProtocol.SCTP ? SctpChunk.of(flags) : null;
  }

  public Packet withSource(int address, int port) {
    return new Packet(protocol, address, port, destination, destinationPort, flags, icmp, ttl, payload);
  }

  public Packet withDestination(int address, int port) {
    return new Packet(protocol, source, sourcePort, address, port, flags, icmp, ttl, payload);
  }

  /** The packet after a router forwarded it. */
  public Packet forwarded() {
    return new Packet(protocol, source, sourcePort, destination, destinationPort, flags, icmp, ttl - 1, payload);
  }

  @Override
  public TracePacket view() {
    String flagText;
    if (protocol == IpProtocol.TCP) {
      flagText = TcpFlags.text(flags);
    } else if (protocol == IpProtocol.SCTP) {
      flagText = chunk() == null ? "" : chunk().text();
    } else if (icmp != null) {
      flagText = icmp.text() + (icmp.isError() ? "" : ", id " + sourcePort);
    } else {
      flagText = "";
    }
    return new TracePacket(protocol.name(), Ip4.format(source), protocol == IpProtocol.ICMP ? 0 : sourcePort,
        Ip4.format(destination), destinationPort, flagText, payload == null ? "" : payload.summary());
  }

  @Override
  public String toString() {
    return view().toString() + " ttl " + ttl;
  }

  /** The start of the packet an ICMP error is about. */
  public record Quoted(Packet original) implements Payload {
    @Override
    public String summary() {
      TracePacket v = original.view();
      return "about " + v.protocol() + " " + v.source() + (v.sourcePort() == 0 ? "" : ":" + v.sourcePort()) + " > "
          + v.destination() + (v.destinationPort() == 0 ? "" : ":" + v.destinationPort());
    }

    @Override
    public int length() {
      return 28;
    }
  }
}
