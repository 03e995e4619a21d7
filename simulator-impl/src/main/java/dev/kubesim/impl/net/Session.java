package dev.kubesim.impl.net;

import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.DnsAnswer;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.trace.HopSubject;
import dev.kubesim.impl.trace.Reason;
import dev.kubesim.impl.trace.SimTrace;
import dev.kubesim.impl.trace.TraceRecorder;

/**
 * One client activity in the network (a {@code curl}, a probe, a ping): its own virtual clock,
 * which starts at the cluster's current instant and moves with every link a packet crosses and
 * every timeout waited for, and the trace it records. The cluster's clock does not move; the
 * activity reports its elapsed time instead.
 */
public final class Session {
  private final long start;
  private final TraceRecorder recorder;
  private long now;
  private int sourcePort;

  private Session(long start, TraceRecorder recorder) {
    this.start = start;
    this.now = start;
    this.recorder = recorder;
  }

  /** A session whose every hop is recorded for a trace with this title. */
  public static Session traced(long startNanos, String title) {
    return new Session(startNanos, TraceRecorder.recording(title, startNanos));
  }

  /** A session that records nothing (kubelet probes). */
  public static Session untraced(long startNanos) {
    return new Session(startNanos, TraceRecorder.off());
  }

  /** Gives the session's next connection this source port instead of a drawn one. */
  void sourcePort(int port) {
    this.sourcePort = port;
  }

  /** The source port for the session's next connection, once, or 0 to draw one. */
  int takeSourcePort() {
    int p = sourcePort;
    sourcePort = 0;
    return p;
  }

  /** The session's current virtual instant, in nanoseconds since the cluster started. */
  public long now() {
    return now;
  }

  public long start() {
    return start;
  }

  /** Virtual time since the session started. */
  public long elapsed() {
    return now - start;
  }

  /** Lets virtual time pass (a link crossed, a timeout waited). */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative time: " + nanos);
    }
    now += nanos;
  }

  /** Moves to an instant not before now. */
  public void advanceTo(long instant) {
    if (instant > now) {
      now = instant;
    }
  }

  public boolean tracing() {
    return recorder.enabled();
  }

  /** Records a packet's hop; {@code rewritten} is null when the hop did not change the packet. */
  public void hop(Netns ns, String where, Action action, Packet packet, Packet rewritten, Reason reason) {
    recorder.hop(now, ns.nodeName(), ns.name(), where, action, packet, rewritten, reason);
  }

  /** Records a packet's hop with the object and rule behind it. */
  public void hop(Netns ns, String where, Action action, Packet packet, Packet rewritten, Reason reason, HopSubject subject) {
    recorder.hop(now, ns.nodeName(), ns.name(), where, action, packet, rewritten, reason, subject);
  }

  /** Records a packet's hop with the object and rule behind it and a reason already at hand (null for none). */
  public void hop(Netns ns, String where, Action action, Packet packet, Packet rewritten, String reason, HopSubject subject) {
    hop(ns, where, action, packet, rewritten, Reason.of(reason), subject);
  }

  /** Records a packet's hop with a reason already at hand (null for none). */
  public void hop(Netns ns, String where, Action action, Packet packet, Packet rewritten, String reason) {
    hop(ns, where, action, packet, rewritten, Reason.of(reason));
  }

  /**
   * Records a packet's hop at an element of the network that is no host (the cloud's load
   * balancer, a router): {@code element} stands where a namespace would, the node is {@code -}.
   */
  void elementHop(String element, String where, Action action, Packet packet, Packet rewritten, Reason reason,
      HopSubject subject) {
    recorder.hop(now, "-", element, where, action, packet, rewritten, reason, subject);
  }

  /** Records a step of the client itself (a DNS lookup, a timeout), without a packet. */
  public void note(Netns ns, String where, Action action, Reason reason) {
    recorder.hop(now, ns.nodeName(), ns.name(), where, action, null, null, reason);
  }

  /** Records a step of the client itself with a reason already at hand. */
  public void note(Netns ns, String where, Action action, String reason) {
    note(ns, where, action, Reason.of(reason));
  }

  /** Records a step of the client itself, or of a proxy in its way, with the object and rule behind it. */
  public void note(Netns ns, String where, Action action, Reason reason, HopSubject subject) {
    recorder.hop(now, ns.nodeName(), ns.name(), where, action, null, null, reason, subject);
  }

  /** Records the client's resolver taking an answer for a name. */
  public void resolved(Netns ns, String where, DnsAnswer answer, String reason) {
    recorder.resolved(now, ns.nodeName(), ns.name(), where, answer, Reason.of(reason));
  }

  /**
   * A session for a connection that a server opens while answering this session's request (a
   * proxy's connection to its upstream): it records into the same trace and starts at this
   * session's instant. {@link #resume} moves this session's clock on
   * to where it ended, so the trace stays in virtual-time order.
   */
  public Session nested() {
    return new Session(now, recorder);
  }

  /** Continues after a {@link #nested} session: virtual time moves on to its instant. */
  public void resume(Session nested) {
    advanceTo(nested.now);
  }

  /** Ends the session's trace with this disposition. */
  public SimTrace finish(Disposition disposition) {
    return recorder.finish(disposition);
  }
}
