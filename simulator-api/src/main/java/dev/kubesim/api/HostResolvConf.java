package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The nodes' own {@code /etc/resolv.conf}: used by pods with {@code dnsPolicy: Default} and merged
 * by the kubelet into ClusterFirst pods' files.
 *
 * @param nameservers the {@code nameserver} lines' addresses, in order
 * @param searches the {@code search} line's domains, in order
 * @param options the {@code options} line's entries ({@code ndots:5}, {@code timeout:2}), in order
 */
public record HostResolvConf(List<String> nameservers, List<String> searches, List<String> options) {
  /**
   * Copies the lists immutable.
   *
   * @param nameservers the {@code nameserver} lines' addresses, in order
   * @param searches the {@code search} line's domains, in order
   * @param options the {@code options} line's entries ({@code ndots:5}, {@code timeout:2}), in order
   */
  public HostResolvConf {
    nameservers = ImmutableList.copyOf(nameservers);
    searches = ImmutableList.copyOf(searches);
    options = ImmutableList.copyOf(options);
  }

  /** {@return the default: the node's upstream resolver {@code 192.168.49.1}, no search paths, no options} */
  public static HostResolvConf defaults() {
    return new HostResolvConf(List.of("192.168.49.1"), List.of(), List.of());
  }
}
