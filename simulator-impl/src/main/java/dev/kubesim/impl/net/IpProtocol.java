package dev.kubesim.impl.net;

import java.util.Locale;
import java.util.Optional;

/**
 * The transport a packet carries (the IP header's protocol field). Service ports, NetworkPolicy
 * ports and kube-proxy's rules use the first three kinds; ICMP carries pings and errors.
 */
public enum IpProtocol {
  TCP,
  UDP,
  ICMP,
  SCTP;

  private final String lower = name().toLowerCase(Locale.ROOT);

  /** The name as iptables writes it ({@code -p tcp}) and as kube-proxy's chain-name hashes take it. */
  public String lower() {
    return lower;
  }

  /** Parses {@code TCP}, {@code udp}, ...; empty for anything else. */
  public static Optional<IpProtocol> tryParse(String text) {
    for (IpProtocol p : values()) {
      if (p.name().equalsIgnoreCase(text)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #tryParse} but throwing, with the accepted values in the message. */
  public static IpProtocol parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("unknown protocol \"" + text + "\"; expected TCP, UDP, SCTP or ICMP"));
  }
}
