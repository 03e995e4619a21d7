package dev.kubesim.impl.resolver;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a libc resolver took from {@code /etc/resolv.conf}: the settings the lookup uses.
 *
 * @param nameservers at most three, in order; {@code 127.0.0.1} when the file names none
 * @param search the search list, in order
 * @param ndots names with fewer dots go through the search list first (default 1, at most 15)
 * @param attempts rounds over the nameservers before giving up on a name (default 2)
 * @param noTldQuery glibc's {@code no-tld-query}: a name without dots is never sent as it is
 */
public record ResolverConfig(List<String> nameservers, List<String> search, int ndots, int attempts, boolean noTldQuery) {
  /** The libcs' {@code MAXNS}. */
  public static final int MAX_NAMESERVERS = 3;
  /** The libcs' {@code RES_MAXNDOTS}. */
  public static final int MAX_NDOTS = 15;

  public ResolverConfig {
    nameservers = ImmutableList.copyOf(nameservers);
    search = ImmutableList.copyOf(search);
    if (ndots < 0 || attempts < 1) {
      throw new IllegalArgumentException("ndots must be >= 0 and attempts >= 1: " + ndots + ", " + attempts);
    }
  }
}
