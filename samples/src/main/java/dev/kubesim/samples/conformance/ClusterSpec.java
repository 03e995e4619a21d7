package dev.kubesim.samples.conformance;

import dev.kubesim.api.ClusterBuilder;
import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A scenario's {@code cluster:} options. Absent options keep the simulator's defaults, except
 * {@code addons}, which the format defaults to {@code [coredns]}.
 */
public record ClusterSpec(
    OptionalLong seed,
    Optional<List<NodeConfig>> nodes,
    Optional<String> serviceCIDR,
    Optional<String> clusterCIDR,
    Optional<String> nodePortRange,
    Optional<String> clusterDomain,
    Optional<KubeProxyOptions> kubeProxy,
    Optional<HostResolvConf> hostResolvConf,
    Optional<Map<String, List<String>>> upstreamDns,
    List<String> addons) {
  /** The add-ons installed when a scenario names none. */
  public static final List<String> DEFAULT_ADDONS = List.of("coredns");

  public ClusterSpec {
    addons = List.copyOf(addons);
  }

  /** No options given: every default. */
  public static ClusterSpec defaults() {
    return new ClusterSpec(OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_ADDONS);
  }

  /** A cluster builder with these options set. */
  public ClusterBuilder toBuilder() {
    ClusterBuilder b = KubeSim.cluster();
    seed.ifPresent(b::seed);
    nodes.ifPresent(b::nodes);
    serviceCIDR.ifPresent(b::serviceCIDR);
    clusterCIDR.ifPresent(b::clusterCIDR);
    nodePortRange.ifPresent(b::nodePortRange);
    clusterDomain.ifPresent(b::clusterDomain);
    kubeProxy.ifPresent(b::kubeProxy);
    hostResolvConf.ifPresent(b::hostResolvConf);
    upstreamDns.ifPresent(b::upstreamDns);
    b.addons(addons);
    return b;
  }
}
