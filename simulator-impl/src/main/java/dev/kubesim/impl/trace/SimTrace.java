package dev.kubesim.impl.trace;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished trace. Hops stay as recorded until someone reads them; the public views, the text
 * and the JSON are built on first use and kept.
 */
public final class SimTrace implements Trace {
  private final String title;
  private final long start;
  private final List<Hop> hops;
  private final Disposition disposition;
  private List<TraceHop> views;
  private String text;
  private String json;

  SimTrace(String title, long start, List<Hop> hops, Disposition disposition) {
    this.title = title;
    this.start = start;
    this.hops = hops;
    this.disposition = disposition;
  }

  /** Several traces of one command (a shell running two curls) as one: hops in order, the last disposition. */
  public static Trace concat(List<Trace> traces) {
    if (traces.size() == 1) {
      return traces.get(0);
    }
    List<Hop> all = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    long start = Long.MAX_VALUE;
    for (Trace t : traces) {
      SimTrace s = (SimTrace) t;
      all.addAll(s.hops);
      titles.add(s.title);
      start = Math.min(start, s.start);
    }
    return new SimTrace(String.join("; ", titles), start, List.copyOf(all), traces.get(traces.size() - 1).disposition());
  }

  @Override
  public String title() {
    return title;
  }

  /** The virtual instant the traced activity started, in nanoseconds since the cluster started. */
  public long startNanos() {
    return start;
  }

  @Override
  public Duration startedAt() {
    return Duration.ofNanos(start);
  }

  /** How many hops were recorded, without building their views. */
  public int hopCount() {
    return hops.size();
  }

  @Override
  public List<TraceHop> hops() {
    if (views == null) {
      ImmutableList.Builder<TraceHop> b = ImmutableList.builderWithExpectedSize(hops.size());
      for (Hop h : hops) {
        b.add(new TraceHop(Duration.ofNanos(h.time), h.node, h.netns, h.where, h.action, h.subject.hopObject(),
            h.subject.hopRule(), Optional.ofNullable(h.dns), h.reason(), Optional.ofNullable(h.packet).map(TracedPacket::view),
            Optional.ofNullable(h.rewritten).map(TracedPacket::view)));
      }
      views = b.build();
    }
    return views;
  }

  @Override
  public Disposition disposition() {
    return disposition;
  }

  @Override
  public String render() {
    if (text == null) {
      text = Trace.super.render();
    }
    return text;
  }

  @Override
  public String toJson() {
    if (json == null) {
      json = Trace.super.toJson();
    }
    return json;
  }

  @Override
  public String toString() {
    return render();
  }
}
