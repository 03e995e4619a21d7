package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import java.util.Optional;

/**
 * One nftables rule: statements run left to right until a match fails or an action decides, and
 * an optional comment. Its text is what kube-proxy writes ({@code add rule ip kube-proxy CHAIN
 * TEXT}).
 *
 * @param statements the rule's statements, in order
 * @param comment the rule's comment, or {@code null}
 * @param owner the service port whose rules this belongs to, or {@code null} for the fixed rules
 */
record NftRule(List<NftStatement> statements, String comment, ServicePortName owner) {
  NftRule {
    statements = ImmutableList.copyOf(statements);
  }

  /** A fixed rule without comment. */
  static NftRule of(NftStatement... statements) {
    return new NftRule(List.of(statements), null, null);
  }

  /** A fixed rule with a comment. */
  static NftRule commented(String comment, NftStatement... statements) {
    return new NftRule(List.of(statements), comment, null);
  }

  Optional<ServicePortName> ownerPort() {
    return Optional.ofNullable(owner);
  }

  /** The rule as kube-proxy writes it, comment last. */
  String text() {
    StringBuilder out = new StringBuilder();
    for (NftStatement s : statements) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(s.text());
    }
    if (comment != null) {
      out.append(" comment \"").append(comment).append('"');
    }
    return out.toString();
  }
}
