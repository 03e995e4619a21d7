package dev.kubesim.api.trace;

import java.util.List;

/**
 * What the simulated network did with one request: every hop of every packet in order (DNS
 * queries, the TCP handshake, the HTTP exchange, the close), each at its virtual instant with the
 * action taken and why, and how the request ended.
 *
 * <p>Rendering is deterministic: the same seed and the same calls give byte-identical {@link
 * #render()} and {@link #toJson()} output.
 */
public interface Trace {
  /** One line saying what was traced, e.g. {@code curl -s http://kubia from pod default/client}. */
  String title();

  /** The hops in the order they happened. */
  List<TraceHop> hops();

  /** How the request ended, naming the object that decided it. */
  Disposition disposition();

  /** A readable rendering: a header, one line a hop, the disposition. */
  String render();

  /** The same as JSON, with keys in a fixed order. */
  String toJson();
}
