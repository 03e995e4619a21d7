package dev.kubesim.impl.dns;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client got for one query: a response, or nothing before its timeout. {@code server} names
 * who answered: the CoreDNS pod ({@code kube-system/coredns-...}) or {@code upstream <ip>}.
 */
public record DnsResult(Optional<DnsResponse> response, Optional<String> server) {
  private static final DnsResult TIMED_OUT = new DnsResult(Optional.empty(), Optional.empty());

  public DnsResult {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(server, "server");
  }

  /** No answer came back (nothing listens at the address, or no ready endpoint behind the Service). */
  public static DnsResult timedOut() {
    return TIMED_OUT;
  }

  public static DnsResult answered(DnsResponse response, String server) {
    return new DnsResult(Optional.of(response), Optional.of(server));
  }

  public boolean isTimedOut() {
    return response.isEmpty();
  }

  /** The response; fails when the query timed out. */
  public DnsResponse orThrow() {
    return response.orElseThrow(() -> new IllegalStateException("the DNS query timed out"));
  }
}
