package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A pod's {@code /etc/resolv.conf} as the kubelet wrote it for the pod's sandbox (from the pod's
 * {@code dnsPolicy} and {@code dnsConfig}, merged with the node's own file where the policy says so).
 *
 * @param nameservers the {@code nameserver} lines' addresses, in order
 * @param searches the {@code search} line's domains, in order
 * @param options the {@code options} line's entries ({@code ndots:5}), in the file's order
 */
public record ResolvConf(List<String> nameservers, List<String> searches, List<String> options) {
  /**
   * Copies the lists immutable.
   *
   * @param nameservers the {@code nameserver} lines' addresses, in order
   * @param searches the {@code search} line's domains, in order
   * @param options the {@code options} line's entries ({@code ndots:5}), in the file's order
   */
  public ResolvConf {
    nameservers = ImmutableList.copyOf(nameservers);
    searches = ImmutableList.copyOf(searches);
    options = ImmutableList.copyOf(options);
  }
}
