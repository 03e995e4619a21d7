package dev.kubesim.impl.net;

import java.time.Duration;

/**
 * How long a packet takes to cross each kind of link, in virtual time.
 *
 * @param veth a pod's eth0 to its node's bridge (and back)
 * @param node one node to another over the node network
 * @param outside a node to a host outside the cluster
 * @param loopback within one namespace
 */
public record LinkLatency(Duration veth, Duration node, Duration outside, Duration loopback) {
  /** 50 µs over a veth, 200 µs between nodes, 1 ms to the outside, 5 µs on loopback. */
  public static final LinkLatency DEFAULT =
      new LinkLatency(Duration.ofNanos(50_000), Duration.ofNanos(200_000), Duration.ofMillis(1), Duration.ofNanos(5_000));
}
