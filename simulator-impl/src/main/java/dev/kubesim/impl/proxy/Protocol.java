package dev.kubesim.impl.proxy;

import java.util.Locale;
import java.util.Optional;

/** The IP protocols a packet may carry; Service ports use the first three. */
public enum Protocol {
  TCP,
  UDP,
  SCTP,
  ICMP;

  private final String lower = name().toLowerCase(Locale.ROOT);

  /** The name as iptables writes it ({@code -p tcp}) and as chain-name hashes take it. */
  public String lower() {
    return lower;
  }

  /** Parses {@code TCP}, {@code udp}, ...; empty for anything else. */
  public static Optional<Protocol> tryParse(String text) {
    for (Protocol p : values()) {
      if (p.name().equalsIgnoreCase(text)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #tryParse} but throwing, with the accepted values in the message. */
  public static Protocol parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("unknown protocol \"" + text + "\"; expected TCP, UDP, SCTP or ICMP"));
  }
}
