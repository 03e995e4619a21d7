package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A chain of one service port: {@code KUBE-SVC-}, {@code KUBE-SVL-}, {@code KUBE-EXT-}, {@code
 * KUBE-FW-} or {@code KUBE-SEP-}.
 *
 * @param name the chain name
 * @param rules its rules, in order
 * @param backends for a policy chain (SVC, SVL), the {@code ip:port} endpoints it chooses among; empty otherwise
 */
public record ServiceChain(String name, List<Rule> rules, List<String> backends) {
  public ServiceChain {
    rules = ImmutableList.copyOf(rules);
    backends = ImmutableList.copyOf(backends);
  }
}
