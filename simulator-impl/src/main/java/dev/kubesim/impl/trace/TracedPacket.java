package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.TracePacket;

/**
 * A packet as a hop holds it: the network's own packet object, turned into text only when the
 * trace is read, so that recording a hop costs one small object.
 */
public interface TracedPacket {
  /** The packet as the public API shows it. */
  TracePacket view();
}
