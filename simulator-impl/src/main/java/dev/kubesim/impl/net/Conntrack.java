package dev.kubesim.impl.net;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A node's connection tracking table: 5-tuple to entry in both directions, so that every packet
 * after the first gets the first one's NAT and replies are translated back. Entries expire in
 * virtual time with the kernel's default timeouts; expired ones are swept as new ones arrive.
 */
public final class Conntrack {
  /** {@code nf_conntrack_tcp_timeout_syn_sent}, {@code _time_wait}: 120 s. */
  static final long TCP_SHORT = 120_000_000_000L;
  /** {@code nf_conntrack_tcp_timeout_established}: 5 days. */
  static final long TCP_ESTABLISHED = 432_000_000_000_000L;
  /** {@code nf_conntrack_udp_timeout}: 30 s; {@code _stream} (replied): 120 s. */
  static final long UDP = 30_000_000_000L;
  static final long UDP_REPLIED = 120_000_000_000L;
  /** {@code nf_conntrack_icmp_timeout}: 30 s. */
  static final long ICMP = 30_000_000_000L;
  /** {@code nf_conntrack_sctp_timeout_established}: 210 s. */
  static final long SCTP_ESTABLISHED = 210_000_000_000L;
  /** {@code nf_conntrack_sctp_timeout_cookie_wait}, {@code _shutdown_sent}: 3 s. */
  static final long SCTP_SHORT = 3_000_000_000L;

  /** A tuple's entry and which way the tuple goes. */
  record Match(ConntrackEntry entry, boolean reply) {}

  private final Map<FlowKey, Match> table = new HashMap<>();
  private final ArrayDeque<ConntrackEntry> byAge = new ArrayDeque<>();

  /** The entry a packet belongs to, or null for a new connection. */
  Match find(Packet p, long now) {
    Match m = table.get(FlowKey.of(p));
    if (m != null && m.entry().expires < now) {
      return null;
    }
    return m;
  }

  /** The entry an ICMP error is about: the quoted packet went the other way. */
  Match findRelated(Packet error, long now) {
    if (!(error.payload() instanceof Packet.Quoted q)) {
      return null;
    }
    Packet o = q.original();
    Match m = table.get(FlowKey.of(o.protocol(), o.destination(), o.destinationPort(), o.source(), o.sourcePort()));
    if (m == null) {
      m = table.get(FlowKey.of(o));
      return m == null || m.entry().expires < now ? null : new Match(m.entry(), !m.reply());
    }
    return m.entry().expires < now ? null : m;
  }

  /** A new, unconfirmed entry for a connection's first packet. */
  ConntrackEntry begin(Packet first, PacketDecision decision, long now) {
    sweep(now);
    ConntrackEntry e = new ConntrackEntry(first, decision);
    e.expires = now + timeout(e, first);
    return e;
  }

  /** The first packet left the node as {@code out}: both tuples enter the table. */
  void confirm(ConntrackEntry e, Packet out) {
    if (e.confirmed) {
      return;
    }
    e.confirmed = true;
    if (out.source() != e.source || out.sourcePort() != e.sourcePort) {
      e.snat = true;
      e.natSource = out.source();
      e.natSourcePort = out.sourcePort();
    }
    Match original = new Match(e, false);
    Match reply = new Match(e, true);
    table.put(FlowKey.of(e.protocol, e.source, e.sourcePort, e.destination, e.destinationPort), original);
    if (e.protocol == IpProtocol.ICMP) {
      table.put(FlowKey.of(e.protocol, e.replySource(), 0, e.natSource, e.natSourcePort), reply);
    } else {
      table.put(FlowKey.of(e.protocol, e.replySource(), e.replySourcePort(), e.natSource, e.natSourcePort), reply);
    }
    byAge.add(e);
  }

  /** A packet of the connection passed: its state and timeout follow (FIN and RST shorten it). */
  void seen(ConntrackEntry e, Packet p, boolean reply, long now) {
    if (reply) {
      e.replied = true;
    }
    if (p.protocol() == IpProtocol.TCP && (p.hasFlag(TcpFlags.FIN) || p.hasFlag(TcpFlags.RST))) {
      e.closing = true;
    }
    SctpChunk chunk = p.chunk();
    if (chunk == SctpChunk.ABORT || chunk == SctpChunk.SHUTDOWN || chunk == SctpChunk.SHUTDOWN_ACK
        || chunk == SctpChunk.SHUTDOWN_COMPLETE) {
      e.closing = true;
    }
    e.expires = now + timeout(e, p);
  }

  private static long timeout(ConntrackEntry e, Packet p) {
    return switch (e.protocol) {
      case TCP -> e.closing || !e.replied ? TCP_SHORT : TCP_ESTABLISHED;
      case UDP -> e.replied ? UDP_REPLIED : UDP;
      case SCTP -> e.closing || !e.replied ? SCTP_SHORT : SCTP_ESTABLISHED;
      default -> ICMP;
    };
  }

  /**
   * Looks at a few of the oldest entries: expired ones go, live ones move to the back, so the whole
   * table is swept a few entries per new connection.
   */
  private void sweep(long now) {
    for (int i = 0; i < 4 && !byAge.isEmpty(); i++) {
      ConntrackEntry e = byAge.pollFirst();
      if (e.expires < now) {
        remove(e);
      } else {
        byAge.addLast(e);
      }
    }
  }

  private void remove(ConntrackEntry e) {
    FlowKey o = FlowKey.of(e.protocol, e.source, e.sourcePort, e.destination, e.destinationPort);
    Match m = table.get(o);
    if (m != null && m.entry() == e) {
      table.remove(o);
    }
    FlowKey r = e.protocol == IpProtocol.ICMP
        ? FlowKey.of(e.protocol, e.replySource(), 0, e.natSource, e.natSourcePort)
        : FlowKey.of(e.protocol, e.replySource(), e.replySourcePort(), e.natSource, e.natSourcePort);
    Match n = table.get(r);
    if (n != null && n.entry() == e) {
      table.remove(r);
    }
  }

  /** How many tuples the table holds (two per confirmed connection). */
  public int size() {
    return table.size();
  }
}
