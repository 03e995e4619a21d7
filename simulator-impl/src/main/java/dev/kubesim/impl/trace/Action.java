package dev.kubesim.impl.trace;

/** What happened to a packet at one hop. */
public enum Action {
  /** A process handed the packet to its network namespace. */
  SEND,
  /** The packet arrived on an interface. */
  RECEIVE,
  /** The routing table chose where the packet goes next. */
  ROUTE,
  /** Destination NAT: a new connection matched a Service rule, or a later packet its conntrack entry. */
  DNAT,
  /** Source NAT (masquerade) on the way out. */
  SNAT,
  /** A reply's destination turned back from the SNAT address to the original client. */
  UNSNAT,
  /** A reply's source turned back from the endpoint to the address the client asked for. */
  UNDNAT,
  /** A filter rule let the packet through explicitly. */
  ACCEPT,
  /** A filter rule refused the packet; an ICMP error goes back. */
  REJECT,
  /** A filter rule discarded the packet silently. */
  DROP,
  /** The packet reached a socket (or the kernel, for ICMP) in its namespace. */
  DELIVER,
  /** The packet went nowhere: no host has the address, or the node is down. */
  LOST,
  /** The sender has no route to the destination. */
  NO_ROUTE,
  /** The client waited for an answer that did not come and sent again or gave up. */
  TIMEOUT,
  /** A DNS lookup step of the client's resolver (a name tried, an answer taken). */
  RESOLVE,
  /**
   * An L7 proxy (the ingress controller's nginx) routed an HTTP request by host and path: to an
   * upstream endpoint on a connection of its own, or to an answer of its own (404, redirect, 503,
   * an upstream's failure as 502 or 504).
   */
  PROXY
}
