package dev.kubesim.impl.netpol;

import dev.kubesim.api.model.IPBlock;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entry of a rule's {@code from} or {@code to}: pods by selector (in the policy's namespace,
 * or in the namespaces a namespace selector picks), or an IP block with its exceptions. CIDRs are
 * parsed once, when the policy is compiled.
 */
record PeerMatch(Optional<LabelSelector> pods, Optional<LabelSelector> namespaces, Optional<Block> block) {
  /** An IPv4 {@code ipBlock}: (base, length) pairs; an IPv6 block matches no address of this IPv4 network. */
  record Block(String text, int base, int length, List<int[]> except) {
    static Block of(IPBlock b) {
      String cidr = b.cidr().orElse("");
      Optional<Cidr> parsed = Cidr.tryParse(cidr).filter(Cidr::isIPv4);
      List<int[]> except = new ArrayList<>();
      for (String e : b.except()) {
        Cidr.tryParse(e).filter(Cidr::isIPv4).ifPresent(c -> except.add(new int[] {Ip4.base(c), c.prefixLength()}));
      }
      return parsed.map(c -> new Block(cidr, Ip4.base(c), c.prefixLength(), except))
          .orElseGet(() -> new Block(cidr, 0, -1, except));
    }

    boolean contains(int address) {
      if (length < 0 || !Ip4.contains(base, length, address)) {
        return false;
      }
      for (int[] e : except) {
        if (Ip4.contains(e[0], e[1], address)) {
          return false;
        }
      }
      return true;
    }
  }

  static PeerMatch of(NetworkPolicyPeer p) {
    return new PeerMatch(p.podSelector(), p.namespaceSelector(), p.ipBlock().map(Block::of));
  }

  /**
   * Whether the peer at {@code address} (the pod there, or null when no pod has it) matches.
   *
   * @param policyNamespace the namespace of the policy, where a lone pod selector looks
   * @param namespaceLabels the labels of a namespace by name
   */
  boolean matches(String policyNamespace, int address, PodEntry peer, Function<String, Map<String, String>> namespaceLabels) {
    if (block.isPresent()) {
      return block.get().contains(address);
    }
    if (peer == null) {
      return false;
    }
    if (namespaces.isPresent()) {
      if (!LabelSelectors.matches(namespaces.get(), namespaceLabels.apply(peer.namespace()))) {
        return false;
      }
    } else if (!peer.namespace().equals(policyNamespace)) {
      return false;
    }
    return pods.isEmpty() || LabelSelectors.matches(pods.get(), peer.labels());
  }
}
