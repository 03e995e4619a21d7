package dev.kubesim.impl.kubelet;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the kubelet gives a container besides its image: the environment ({@code
 * makeEnvironmentVariables}: the container's variables, {@code $(VAR)} expanded, then the Service
 * variables it does not set itself) and the pod's {@code /etc/resolv.conf} ({@link
 * PodDnsConfigurer}). Shared by the kubelets of a cluster; it holds no per-pod state.
 */
public class ContainerSetup {
  private final PodDnsConfigurer dns;

  /** A cluster whose nodes use {@link HostResolvConf#defaults()}. */
  public ContainerSetup(String clusterDomain, String dnsServiceIP) {
    this(clusterDomain, dnsServiceIP, HostResolvConf.defaults());
  }

  /**
   * @param clusterDomain {@code --cluster-domain}
   * @param dnsServiceIP {@code --cluster-dns}: the kube-dns Service's ClusterIP
   * @param hostResolvConf the nodes' own {@code /etc/resolv.conf}
   */
  public ContainerSetup(String clusterDomain, String dnsServiceIP, HostResolvConf hostResolvConf) {
    this.dns = new PodDnsConfigurer(List.of(dnsServiceIP), clusterDomain, hostResolvConf);
  }

  public PodDnsConfigurer dns() {
    return dns;
  }

  /**
   * The container's environment as the kubelet hands it to the runtime, read when the container
   * starts (a Service created later is not in it until the container starts again): the
   * container's own variables in declaration order, then the Service variables it does not set, in
   * {@link ServiceEnv}'s order (the kubelet's own order is a Go map's, i.e. random).
   *
   * @param podIP the pod's IP ({@code status.podIP} for field references)
   * @param hostIP the node's IP ({@code status.hostIP})
   */
  public Map<String, String> env(ApiServer api, Pod pod, Container container, String podIP, String hostIP) {
    PodSpec spec = pod.spec().orElseThrow();
    String namespace = pod.metadata().namespace().orElse("default");
    Map<String, String> serviceEnv = ServiceEnvCache.of(api).forNamespace(namespace, spec.enableServiceLinks().orElse(true));
    if (container.env().isEmpty()) {
      return serviceEnv; // immutable, shared by the containers of the namespace
    }
    Map<String, String> own = new LinkedHashMap<>();
    // $(VAR) sees the container's earlier variables first, then the Service variables.
    List<Map<String, String>> contexts = List.of(own, serviceEnv);
    for (EnvVar v : container.env()) {
      String value = v.value().orElse("");
      if (!value.isEmpty()) {
        value = EnvExpansion.expand(value, contexts);
      } else if (v.valueFrom().isPresent()) {
        value = PodFieldRef.value(v.valueFrom().get(), pod, podIP, hostIP).orElse("");
      }
      own.put(v.name().orElse(""), value);
    }
    Map<String, String> env = new LinkedHashMap<>(own);
    serviceEnv.forEach(env::putIfAbsent);
    return env;
  }

  /**
   * The pod's {@code /etc/resolv.conf}, made once per pod sandbox: the kubelet's settings ({@code
   * GetPodDNS}) as containerd writes them, which is a copy of the node's own file when the settings
   * are empty. {@link ResolvConf#text()} is the file.
   *
   * @param warnings hears the {@code DNSConfigForming} warnings
   */
  public ResolvConf podResolvConf(Pod pod, Consumer<String> warnings) {
    ResolvConf conf = dns.podDns(pod, warnings);
    return conf.isEmpty() ? dns.hostFileAsWritten() : conf;
  }
}
