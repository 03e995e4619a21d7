package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code ipBlock} of a NetworkPolicy peer: the addresses of a CIDR ({@code 192.168.1.0/24}, {@code
 * 2001:db8::/64}) minus the CIDRs in {@code except}, each strictly inside it.
 *
 * @param cidr the range ({@code 10.0.0.0/16})
 * @param except ranges within it that are left out
 */
public record IPBlock(
    Optional<String> cidr,
    List<String> except) {
  /**
   * An absent CIDR becomes {@code Optional.empty()}, an absent list empty.
   *
   * @param cidr the range ({@code 10.0.0.0/16})
   * @param except ranges within it that are left out
   */
  public IPBlock {
    cidr = Values.opt(cidr);
    except = Values.list(except);
  }
}
