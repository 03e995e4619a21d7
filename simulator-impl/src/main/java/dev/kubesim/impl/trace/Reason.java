package dev.kubesim.impl.trace;

/**
 * Why a hop happened, in one line for people, made only when a trace is read: most hops of most
 * requests are never printed, so building their text eagerly would be wasted work on the packet
 * path.
 */
@FunctionalInterface
public interface Reason {
  /** No reason: the hop speaks for itself. */
  Reason NONE = () -> "";

  /** The reason's text. */
  String text();

  /** A reason whose text is already at hand; {@code null} stands for {@link #NONE}. */
  static Reason of(String text) {
    return text == null ? NONE : () -> text;
  }
}
