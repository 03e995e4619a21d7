package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.DnsAnswer;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the hops of one traced activity ({@code curl}, a ping, an HTTP probe) in the order they
 * happen. A disabled recorder (for kubelet probes, which nobody reads) keeps nothing.
 *
 * <p>A reason is a {@code String} or a {@code Supplier<String>} evaluated when the trace is read, so
 * the packet path builds no text it does not need.
 */
public final class TraceRecorder {
  private static final TraceRecorder OFF = new TraceRecorder(false, "", 0);

  private final boolean enabled;
  private final String title;
  private final long start;
  private final List<Hop> hops;

  private TraceRecorder(boolean enabled, String title, long start) {
    this.enabled = enabled;
    this.title = title;
    this.start = start;
    this.hops = enabled ? new ArrayList<>(64) : List.of();
  }

  /** A recorder for an activity that starts at this virtual instant. */
  public static TraceRecorder recording(String title, long startNanos) {
    return new TraceRecorder(true, title, startNanos);
  }

  /** A recorder that keeps nothing. */
  public static TraceRecorder off() {
    return OFF;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Records a hop; {@code rewritten} is null when the hop did not change the packet. */
  public void hop(long time, String node, String netns, String where, Action action, TracedPacket packet,
      TracedPacket rewritten, Reason reason) {
    hop(time, node, netns, where, action, packet, rewritten, reason, HopSubject.NONE);
  }

  /** Records a hop with the object and rule behind it. */
  public void hop(long time, String node, String netns, String where, Action action, TracedPacket packet,
      TracedPacket rewritten, Reason reason, HopSubject subject) {
    if (enabled) {
      hops.add(new Hop(time, node, netns, where, action, packet, rewritten, reason, subject, null));
    }
  }

  /** Records the client's resolver taking an answer for a name. */
  public void resolved(long time, String node, String netns, String where, DnsAnswer answer, Reason reason) {
    if (enabled) {
      hops.add(new Hop(time, node, netns, where, Action.RESOLVE, null, null, reason, HopSubject.NONE, answer));
    }
  }

  /** The trace, ending with this disposition. */
  public SimTrace finish(Disposition disposition) {
    return new SimTrace(title, start, List.copyOf(hops), disposition);
  }
}
