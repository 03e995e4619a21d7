package dev.kubesim.impl.proxy;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code xt_recent} lists behind ClientIP session affinity: per list (a KUBE-SEP chain name),
 * each client address and when it was last seen, in the cluster's virtual time.
 */
final class RecentTable {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Map<String, Map<Integer, Long>> lists = new HashMap<>();

  /** {@code --rcheck --seconds S --reap}: whether the address was seen less than S seconds ago; stale entries go. */
  boolean check(String list, int address, long nowNanos, int seconds) {
    Map<Integer, Long> entries = lists.get(list);
    Long last = entries == null ? null : entries.get(address);
    if (last == null) {
      return false;
    }
    if (nowNanos - last >= seconds * NANOS_PER_SECOND) {
      entries.remove(address);
      return false;
    }
    return true;
  }

  /** {@code --set}: records the address as seen now. */
  void set(String list, int address, long nowNanos) {
    lists.computeIfAbsent(list, k -> new HashMap<>()).put(address, nowNanos);
  }

  /** Drops a list whose rule is gone, as the kernel frees it with its last rule. */
  void forget(String list) {
    lists.remove(list);
  }
}
