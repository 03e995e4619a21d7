package dev.kubesim.impl.kubectl.printers;

import java.util.Optional;
import java.util.TreeSet;

/**
 * The load balancer addresses of a Service's EXTERNAL-IP or an Ingress's ADDRESS column ({@code
 * loadBalancerStatusStringer}): each ingress point's IP, else its hostname, sorted and distinct,
 * joined by commas and cut to 16 characters unless the table is wide.
 */
final class LoadBalancerColumn {
  private static final int WIDTH = 16;

  private final TreeSet<String> addresses = new TreeSet<>();

  /** Adds one ingress point: its IP when set, else its hostname. */
  void add(Optional<String> ip, Optional<String> hostname) {
    if (ip.filter(s -> !s.isEmpty()).isPresent()) {
      addresses.add(ip.get());
    } else if (hostname.filter(s -> !s.isEmpty()).isPresent()) {
      addresses.add(hostname.get());
    }
  }

  String text(boolean wide) {
    String r = String.join(",", addresses);
    return !wide && r.length() > WIDTH ? r.substring(0, WIDTH - 3) + "..." : r;
  }
}
