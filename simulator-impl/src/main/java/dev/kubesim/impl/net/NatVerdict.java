package dev.kubesim.impl.net;

/** What a node's netfilter rules did with the first packet of a connection. */
public enum NatVerdict {
  /** Destination rewritten. */
  DNAT,
  /** Refused: an ICMP port-unreachable goes back. */
  REJECT,
  /** Discarded silently. */
  DROP,
  /** Let through explicitly by a filter rule. */
  ACCEPT,
  /** No rule touched it. */
  NO_MATCH
}
