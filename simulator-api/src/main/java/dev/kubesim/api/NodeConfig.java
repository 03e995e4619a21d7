package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A node of the simulated cluster: its name, its addresses (the first is its InternalIP; every one
 * is local to the node) and the pod CIDR its pods take addresses from.
 *
 * @param name the node's name ({@code node-1})
 * @param addresses its addresses, the InternalIP first
 * @param podCIDR the range its pods take addresses from ({@code 10.244.1.0/24})
 */
public record NodeConfig(String name, List<String> addresses, String podCIDR) {
  /**
   * Checks that no field is {@code null}; a node without an address is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param name the node's name ({@code node-1})
   * @param addresses its addresses, the InternalIP first
   * @param podCIDR the range its pods take addresses from ({@code 10.244.1.0/24})
   */
  public NodeConfig {
    Objects.requireNonNull(name, "name");
    addresses = ImmutableList.copyOf(addresses);
    Objects.requireNonNull(podCIDR, "podCIDR");
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("node " + name + " needs at least one address");
    }
  }

  /**
   * A node with one address.
   *
   * @param name the node's name
   * @param address its InternalIP
   * @param podCIDR the range its pods take addresses from
   * @return the node
   */
  public static NodeConfig of(String name, String address, String podCIDR) {
    return new NodeConfig(name, List.of(address), podCIDR);
  }

  /** {@return the node's InternalIP: its first address} */
  public String internalIP() {
    return addresses.get(0);
  }
}
