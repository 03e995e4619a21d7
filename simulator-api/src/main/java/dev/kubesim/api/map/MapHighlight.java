package dev.kubesim.api.map;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a trace touched on a map: the objects its hops and its disposition name, the pods whose
 * network namespaces its packets crossed and the nodes they were on; and the caption saying which
 * request it was.
 */
final class MapHighlight {
  private final Set<ObjectRef> touched;
  private final Optional<String> caption;
  private final boolean failed;

  private MapHighlight(Set<ObjectRef> touched, Optional<String> caption, boolean failed) {
    this.touched = touched;
    this.caption = caption;
    this.failed = failed;
  }

  /** Nothing highlighted. */
  static MapHighlight none() {
    return new MapHighlight(Set.of(), Optional.empty(), false);
  }

  static MapHighlight of(ClusterMap map, Trace trace) {
    Set<ObjectRef> touched = new HashSet<>(); // only asked, never iterated: its order does not show
    Set<String> podKeys = new HashSet<>();
    for (ClusterMap.Pod p : map.pods()) {
      podKeys.add(p.ref().key());
    }
    for (TraceHop h : trace.hops()) {
      h.object().ifPresent(touched::add);
      if (!h.node().equals("-")) {
        touched.add(ObjectRef.node(h.node()));
      }
      if (podKeys.contains(h.netns())) {
        int slash = h.netns().indexOf('/');
        touched.add(ObjectRef.pod(h.netns().substring(0, slash), h.netns().substring(slash + 1)));
      }
    }
    trace.disposition().object().ifPresent(touched::add);
    boolean failed = trace.disposition().kind() != dev.kubesim.api.trace.Disposition.Kind.DELIVERED;
    return new MapHighlight(touched, Optional.of(trace.title() + " \u2014 result: " + trace.disposition()), failed);
  }

  /** Whether the trace touched the object. */
  boolean touched(ObjectRef ref) {
    return touched.contains(ref);
  }

  /** Whether the trace touched both ends of an edge. */
  boolean touched(ObjectRef from, ObjectRef to) {
    return touched.contains(from) && touched.contains(to);
  }

  /** The trace's title and result, when a trace is highlighted. */
  Optional<String> caption() {
    return caption;
  }

  /** Whether the highlighted request did not get an answer. */
  boolean failed() {
    return failed;
  }
}
