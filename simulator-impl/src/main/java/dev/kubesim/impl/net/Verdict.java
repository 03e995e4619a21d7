package dev.kubesim.impl.net;

/** What kube-proxy's rules on a node do with the first packet of a new connection. */
public enum Verdict {
  /** Destination rewritten to one of the service's endpoints. */
  DNAT,
  /** Refused with ICMP port-unreachable: the service has no endpoints. */
  REJECT,
  /** Silently discarded: Local policy without local endpoints, or a source outside loadBalancerSourceRanges. */
  DROP,
  /** Explicitly accepted by a filter rule, such as a health-check nodePort. */
  ACCEPT,
  /** kube-proxy's rules leave the packet alone. */
  NO_MATCH
}
