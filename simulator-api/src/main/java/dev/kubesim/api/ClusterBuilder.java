package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Builds a {@link Cluster}. Each setting may be given once: a second call of the same setting is
 * a mistake and fails at once, naming it. Unset settings take the defaults of {@link
 * ClusterOptions}.
 */
public final class ClusterBuilder {
  private final Set<String> given = new HashSet<>();
  private long seed = 1;
  private List<NodeConfig> nodes = ClusterOptions.defaultNodes(3);
  private String serviceCIDR = "10.96.0.0/12";
  private String clusterCIDR = "10.244.0.0/16";
  private int nodePortFirst = 30000;
  private int nodePortLast = 32767;
  private String clusterDomain = "cluster.local";
  private List<String> addons = List.of("coredns");
  private long maxSteps = 50_000_000L;
  private KubeProxyOptions kubeProxy = KubeProxyOptions.defaults();
  private HostResolvConf hostResolvConf = HostResolvConf.defaults();
  private Map<String, List<String>> upstreamDns = Map.of();

  ClusterBuilder() {}

  private void once(String setting) {
    if (!given.add(setting)) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /**
   * The seed of every random stream (default 1).
   *
   * @param value the seed
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder seed(long value) {
    once("seed");
    seed = value;
    return this;
  }

  /**
   * {@code count} default nodes (see {@link ClusterOptions#defaultNodes}).
   *
   * @param count how many nodes, at least one
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder nodes(int count) {
    once("nodes");
    nodes = ClusterOptions.defaultNodes(count);
    return this;
  }

  /**
   * These nodes, in order.
   *
   * @param value the nodes, at least one
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder nodes(List<NodeConfig> value) {
    once("nodes");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one node");
    }
    nodes = ImmutableList.copyOf(value);
    return this;
  }

  /**
   * The ClusterIP range, {@code --service-cluster-ip-range} (default {@code 10.96.0.0/12}).
   *
   * @param value the range in CIDR notation
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder serviceCIDR(String value) {
    once("serviceCIDR");
    serviceCIDR = value;
    return this;
  }

  /**
   * The pod network, {@code --cluster-cidr} (default {@code 10.244.0.0/16}).
   *
   * @param value the range in CIDR notation
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder clusterCIDR(String value) {
    once("clusterCIDR");
    clusterCIDR = value;
    return this;
  }

  /**
   * The node-port range, {@code --service-node-port-range} (default 30000-32767).
   *
   * @param first the range's first port
   * @param last the range's last port
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   * @throws IllegalArgumentException when the range is empty or outside 1-65535
   */
  public ClusterBuilder nodePortRange(int first, int last) {
    once("nodePortRange");
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("invalid node port range " + first + "-" + last);
    }
    nodePortFirst = first;
    nodePortLast = last;
    return this;
  }

  /**
   * The node-port range written as {@code first-last}.
   *
   * @param range the range, {@code first-last}
   * @return this builder
   */
  public ClusterBuilder nodePortRange(String range) {
    String[] parts = range.split("-", 2);
    try {
      return nodePortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid node port range \"" + range + "\": expected first-last", e);
    }
  }

  /**
   * The cluster's DNS domain (default {@code cluster.local}).
   *
   * @param value the domain
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder clusterDomain(String value) {
    once("clusterDomain");
    clusterDomain = value;
    return this;
  }

  /**
   * The add-ons to install (default {@code coredns}); an empty list installs none.
   *
   * @param value the add-ons' names ({@code coredns}, {@code ingress-nginx})
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder addons(List<String> value) {
    once("addons");
    addons = ImmutableList.copyOf(value);
    return this;
  }

  /**
   * The most events one settle or advance may run before it fails (default 50,000,000).
   *
   * @param value the bound
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder maxSteps(long value) {
    once("maxSteps");
    maxSteps = value;
    return this;
  }

  /**
   * kube-proxy's settings (default: iptables mode, see {@link KubeProxyOptions#defaults()}).
   *
   * @param value the settings
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder kubeProxy(KubeProxyOptions value) {
    once("kubeProxy");
    kubeProxy = value;
    return this;
  }

  /**
   * The nodes' own resolv.conf (default {@link HostResolvConf#defaults()}).
   *
   * @param value the resolv.conf
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder hostResolvConf(HostResolvConf value) {
    once("hostResolvConf");
    hostResolvConf = value;
    return this;
  }

  /**
   * Names outside the cluster that the upstream resolver answers, with their addresses; others are NXDOMAIN.
   *
   * @param value names and their addresses
   * @return this builder
   * @throws IllegalStateException when the setting was given before
   */
  public ClusterBuilder upstreamDns(Map<String, List<String>> value) {
    once("upstreamDns");
    upstreamDns = Map.copyOf(value);
    return this;
  }

  /** {@return the options collected so far, defaults for the settings not given} */
  public ClusterOptions options() {
    return new ClusterOptions(
        seed, nodes, serviceCIDR, clusterCIDR, nodePortFirst, nodePortLast, clusterDomain, addons, maxSteps,
        kubeProxy, hostResolvConf, upstreamDns);
  }

  /**
   * Builds the cluster: nodes registered, default namespaces and Services created, add-ons
   * installed, settled.
   *
   * @return the running cluster; close it when done
   * @throws IllegalStateException when no engine ({@code simulator-impl}) is on the class path
   */
  public Cluster build() {
    ClusterOptions options = options();
    ClusterFactory factory = Engine.FACTORY.orElseThrow(
        () -> new IllegalStateException("no kubesim engine on the class path: add the artifact "
            + "dev.kubesim:simulator-impl beside dev.kubesim:simulator-api (in test scope for tests)"));
    return factory.create(options);
  }

  /** The engine found on the classpath, looked up once: a test suite builds thousands of clusters. */
  private static final class Engine {
    static final Optional<ClusterFactory> FACTORY =
        ServiceLoader.load(ClusterFactory.class, ClusterBuilder.class.getClassLoader()).findFirst();
  }
}
