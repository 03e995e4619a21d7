package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pod's resolver looked up a host name's IPv4 address ({@link RunningPod#resolve}): the
 * names it asked the cluster DNS for, after the search list and {@code ndots}, and how it ended.
 *
 * @param tried the fully qualified names queried, in order ({@code kubia.default.svc.cluster.local.})
 * @param address the first address found, if the look-up succeeded
 * @param rcode the code of the last response that came back ({@code NOERROR}, {@code NXDOMAIN},
 *     ...), empty when none did (every query timed out)
 */
public record NameResolution(List<String> tried, Optional<String> address, Optional<String> rcode) {
  /**
   * Copies the list immutable and checks that no field is {@code null}.
   *
   * @param tried the fully qualified names queried, in order
   * @param address the first address found, if the look-up succeeded
   * @param rcode the code of the last response that came back, empty when none did
   */
  public NameResolution {
    tried = ImmutableList.copyOf(tried);
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(rcode, "rcode");
  }
}
