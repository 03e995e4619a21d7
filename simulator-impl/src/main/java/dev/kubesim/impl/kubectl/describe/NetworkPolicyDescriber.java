package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.api.model.NetworkPolicyPort;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.List;

/**
 * {@code describeNetworkPolicy} and {@code describeNetworkPolicySpec}: the metadata (with the
 * creation time as Go's {@code time.Time} prints itself), the pod selector, each ingress and egress
 * rule's ports and peers, and the policy types. No events, as kubectl shows none for this kind.
 */
final class NetworkPolicyDescriber implements ObjectDescriber {
  private static final String INDENT = "    ";

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    NetworkPolicy np = (NetworkPolicy) object;
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", np.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", np.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "Created on:\t%s\n", GoTime.string(np.metadata().creationTimestamp()));
      w.printLabelsMultiline("Labels", np.metadata().labels());
      w.printAnnotationsMultiline("Annotations", np.metadata().annotations());
      describeSpec(np.specOrEmpty(), w);
    });
  }

  /** {@code describeNetworkPolicySpec}. */
  private static void describeSpec(NetworkPolicySpec spec, PrefixWriter w) {
    w.write(LEVEL_0, "Spec:\n");
    w.write(LEVEL_1, "PodSelector: ");
    if (spec.podSelector().matchLabels().isEmpty() && spec.podSelector().matchExpressions().isEmpty()) {
      w.write(LEVEL_2, "<none> (Allowing the specific traffic to all pods in this namespace)\n");
    } else {
      w.write(LEVEL_2, "%s\n", LabelSelectorFormat.formatLabelSelector(spec.podSelector()));
    }
    // getPolicyType: only the listed types count, whatever the rules.
    boolean ingress = spec.policyTypes().contains(NetworkPolicySpec.POLICY_TYPE_INGRESS);
    boolean egress = spec.policyTypes().contains(NetworkPolicySpec.POLICY_TYPE_EGRESS);
    if (ingress) {
      w.write(LEVEL_1, "Allowing ingress traffic:\n");
      if (spec.ingress().isEmpty()) {
        w.write(LEVEL_0, "%s%s\n", INDENT, "<none> (Selected pods are isolated for ingress connectivity)");
      }
      for (int i = 0; i < spec.ingress().size(); i++) {
        printRule(spec.ingress().get(i).ports(), spec.ingress().get(i).from(), "From", "source", w);
        if (i != spec.ingress().size() - 1) {
          w.write(LEVEL_0, "%s%s\n", INDENT, "----------");
        }
      }
    } else {
      w.write(LEVEL_1, "Not affecting ingress traffic\n");
    }
    if (egress) {
      w.write(LEVEL_1, "Allowing egress traffic:\n");
      if (spec.egress().isEmpty()) {
        w.write(LEVEL_0, "%s%s\n", INDENT, "<none> (Selected pods are isolated for egress connectivity)");
      }
      for (int i = 0; i < spec.egress().size(); i++) {
        printRule(spec.egress().get(i).ports(), spec.egress().get(i).to(), "To", "destination", w);
        if (i != spec.egress().size() - 1) {
          w.write(LEVEL_0, "%s%s\n", INDENT, "----------");
        }
      }
    } else {
      w.write(LEVEL_1, "Not affecting egress traffic\n");
    }
    // policyTypesToString
    String types = String.join(", ", spec.policyTypes());
    w.write(LEVEL_1, "Policy Types: %v\n", types.isEmpty() ? "<none>" : types);
  }

  /**
   * One rule of {@code printNetworkPolicySpecIngressFrom} / {@code printNetworkPolicySpecEgressTo}:
   * a line per port (a missing port prints as Go prints a nil pointer), then a block per peer.
   */
  private static void printRule(
      List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> peers, String peerTitle, String peerNoun, PrefixWriter w) {
    if (ports.isEmpty()) {
      w.write(LEVEL_0, "%s%s\n", INDENT, "To Port: <any> (traffic allowed to all ports)");
    }
    for (NetworkPolicyPort port : ports) {
      String number = port.port().map(p -> p.stringValue()).orElse("<nil>");
      String protocol = port.protocol().orElse("TCP");
      if (port.endPort().isEmpty()) {
        w.write(LEVEL_0, "%s%s: %s/%s\n", INDENT, "To Port", number, protocol);
      } else {
        w.write(LEVEL_0, "%s%s: %s-%d/%s\n", INDENT, "To Port Range", number, port.endPort().get(), protocol);
      }
    }
    if (peers.isEmpty()) {
      w.write(LEVEL_0, "%s%s\n", INDENT, peerTitle + ": <any> (traffic not restricted by " + peerNoun + ")");
    }
    for (NetworkPolicyPeer peer : peers) {
      w.write(LEVEL_0, "%s%s\n", INDENT, peerTitle + ":");
      if (peer.podSelector().isPresent() && peer.namespaceSelector().isPresent()) {
        w.write(LEVEL_1, "%s%s: %s\n", INDENT, "NamespaceSelector",
            LabelSelectorFormat.formatLabelSelector(peer.namespaceSelector().get()));
        w.write(LEVEL_1, "%s%s: %s\n", INDENT, "PodSelector", LabelSelectorFormat.formatLabelSelector(peer.podSelector().get()));
      } else if (peer.podSelector().isPresent()) {
        w.write(LEVEL_1, "%s%s: %s\n", INDENT, "PodSelector", LabelSelectorFormat.formatLabelSelector(peer.podSelector().get()));
      } else if (peer.namespaceSelector().isPresent()) {
        w.write(LEVEL_1, "%s%s: %s\n", INDENT, "NamespaceSelector",
            LabelSelectorFormat.formatLabelSelector(peer.namespaceSelector().get()));
      } else if (peer.ipBlock().isPresent()) {
        w.write(LEVEL_1, "%sIPBlock:\n", INDENT);
        w.write(LEVEL_2, "%sCIDR: %s\n", INDENT, peer.ipBlock().get().cidr().orElse(""));
        w.write(LEVEL_2, "%sExcept: %v\n", INDENT, String.join(", ", peer.ipBlock().get().except()));
      }
    }
  }
}
