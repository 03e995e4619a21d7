package dev.kubesim.impl.net;

/** Where one packet's walk through the network ended. */
public sealed interface Delivery {
  /** The packet reached a namespace (as it looked when it arrived there). */
  record Arrived(Netns at, Packet packet) implements Delivery {}

  /** The packet went nowhere. */
  record Lost(Loss kind, String object, String reason) implements Delivery {}

  /** Why a packet was lost. */
  enum Loss {
    /** A filter rule discarded it. */
    DROPPED,
    /** Nobody has the destination address (a virtual IP, a pod that is gone). */
    NO_HOST,
    /** A node on the way is down. */
    NODE_DOWN,
    /** The sender has no route: it fails at once ({@code ENETUNREACH}). */
    NO_ROUTE
  }
}
