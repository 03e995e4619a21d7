package dev.kubesim.impl.cluster;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.NodeSystemInfo;
import dev.kubesim.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Node objects of a new cluster, as a kubelet registers them: addresses, podCIDR, Ready. */
final class Nodes {
  /** The Kubernetes version the simulated nodes report. */
  static final String KUBELET_VERSION = "v1.34.0";

  private Nodes() {}

  static Node node(NodeConfig config, String now) {
    ObjectMeta meta =
        ObjectMeta.builder()
            .name(config.name())
            .labels(ImmutableMap.of(
                "beta.kubernetes.io/arch", "amd64",
                "beta.kubernetes.io/os", "linux",
                "kubernetes.io/arch", "amd64",
                "kubernetes.io/hostname", config.name(),
                "kubernetes.io/os", "linux"))
            .annotations(ImmutableMap.of("node.alpha.kubernetes.io/ttl", "0"))
            .build();
    NodeSpec spec =
        new NodeSpec(Optional.of(config.podCIDR()), List.of(config.podCIDR()), Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), Optional.empty());
    List<NodeAddress> addresses = new ArrayList<>();
    addresses.add(new NodeAddress(Optional.of("InternalIP"), Optional.of(config.internalIP())));
    addresses.add(new NodeAddress(Optional.of("Hostname"), Optional.of(config.name())));
    NodeCondition ready =
        new NodeCondition(Optional.of("Ready"), Optional.of("True"), Optional.of(now), Optional.of(now),
            Optional.of("KubeletReady"), Optional.of("kubelet is posting ready status"));
    ImmutableMap<String, String> capacity = ImmutableMap.of("cpu", "4", "ephemeral-storage", "102400Mi", "memory", "16Gi", "pods", "110");
    NodeSystemInfo info =
        new NodeSystemInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("6.8.0-kubesim"),
            Optional.of("kubesim"), Optional.of("containerd://2.0.0"), Optional.of(KUBELET_VERSION), Optional.empty(),
            Optional.of("linux"), Optional.of("amd64"), Optional.empty());
    NodeStatus status =
        new NodeStatus(capacity, capacity, Optional.empty(), List.of(ready), addresses, Optional.empty(), Optional.of(info),
            List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), List.of());
    return Node.of(meta, spec).withStatus(status);
  }
}
