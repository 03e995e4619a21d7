package dev.kubesim.api.trace;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A name the client's resolver looked up and the IPv4 addresses it took: from {@code /etc/hosts} or
 * from the cluster DNS after the search list.
 *
 * @param name the name as the client asked it ({@code kubia})
 * @param fqdn the name that answered ({@code kubia.default.svc.cluster.local.}), the name itself
 *     when {@code /etc/hosts} answered
 * @param addresses the addresses, in the order the answer gave them
 */
public record DnsAnswer(String name, String fqdn, List<String> addresses) {
  /**
   * Checks that no field is {@code null}; the addresses are copied immutable.
   *
   * @param name the name as the client asked it ({@code kubia})
   * @param fqdn the name that answered ({@code kubia.default.svc.cluster.local.}), the name itself
   *     when {@code /etc/hosts} answered
   * @param addresses the addresses, in the order the answer gave them
   */
  public DnsAnswer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fqdn, "fqdn");
    addresses = ImmutableList.copyOf(addresses);
  }

  /** {@code kubia -> kubia.default.svc.cluster.local.: 10.96.1.5}. */
  @Override
  public String toString() {
    return name + " -> " + fqdn + ": " + String.join(", ", addresses);
  }
}
