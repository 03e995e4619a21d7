package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A regular chain of one service port in nftables mode: {@code service-}, {@code local-}, {@code
 * external-}, {@code firewall-} or {@code endpoint-}.
 *
 * @param name the chain name
 * @param rules its rules, in order
 * @param backends for a policy chain ({@code service-}, {@code local-}), the {@code ip:port}
 *     endpoints it chooses among; empty otherwise
 */
record NftChain(String name, List<NftRule> rules, List<String> backends) {
  NftChain {
    rules = ImmutableList.copyOf(rules);
    backends = ImmutableList.copyOf(backends);
  }
}
