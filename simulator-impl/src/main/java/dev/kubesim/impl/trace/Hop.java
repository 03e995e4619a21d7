package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.DnsAnswer;
import dev.kubesim.api.trace.TraceHop.Action;

/**
 * One recorded hop, kept as the network produced it: strings the network already holds, the packet
 * objects themselves, and a reason and subject that may be computed only when the trace is read.
 */
final class Hop {
  final long time;
  final String node;
  final String netns;
  final String where;
  final Action action;
  final TracedPacket packet;
  final TracedPacket rewritten;
  final HopSubject subject;
  final DnsAnswer dns;
  private Reason reason;
  private String reasonText;

  Hop(long time, String node, String netns, String where, Action action, TracedPacket packet, TracedPacket rewritten,
      Reason reason, HopSubject subject, DnsAnswer dns) {
    this.time = time;
    this.node = node;
    this.netns = netns;
    this.where = where;
    this.action = action;
    this.packet = packet;
    this.rewritten = rewritten;
    this.reason = reason;
    this.subject = subject == null ? HopSubject.NONE : subject;
    this.dns = dns;
  }

  /** The reason as text, made on first read. */
  String reason() {
    if (reasonText == null) {
      reasonText = reason == null ? "" : String.valueOf(reason.text());
      reason = null;
    }
    return reasonText;
  }
}
