package dev.kubesim.impl.kubelet;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * The container's environment as the kubelet hands it to the runtime ({@code
   * makeEnvironmentVariables}), read when the container starts (a Service created later is not in
   * it until the container starts again): the variables of {@code envFrom} (ConfigMaps and Secrets,
   * keys in byte order, with their prefix), then the container's own {@code env} in declaration
   * order (values, {@code fieldRef}, {@code resourceFieldRef}, {@code configMapKeyRef}, {@code
   * secretKeyRef}), then the Service variables it does not set, in {@link ServiceEnv}'s order (the
   * kubelet's own order is a Go map's, i.e. random).
   *
   * @param services the Service variables of each namespace, as the cluster's kubelets share them
   * @param podIP the pod's IP ({@code status.podIP} for field references)
   * @param hostIP the node's IP ({@code status.hostIP})
   * @throws ContainerConfigError when a ConfigMap, Secret or key it needs is missing and not
   *     optional, in the kubelet's words
   */
  Map<String, String> env(ApiServer api, ServiceEnvCache services, Pod pod, Container container, String podIP,
      String hostIP) throws ContainerConfigError {
    PodSpec spec = pod.spec().orElseThrow();
    String namespace = pod.metadata().namespace().orElse("default");
    Map<String, String> serviceEnv = services.forNamespace(namespace, spec.enableServiceLinks().orElse(true));
    if (container.env().isEmpty() && container.envFrom().isEmpty()) {
      return serviceEnv; // immutable, shared by the containers of the namespace
    }
    Map<String, String> own = new LinkedHashMap<>();
    for (Object o : container.envFrom()) {
      if (o instanceof Map<?, ?> from) {
        envFrom(api, namespace, from, own);
      }
    }
    // $(VAR) sees the container's earlier variables first, then the Service variables.
    List<Map<String, String>> contexts = List.of(own, serviceEnv);
    for (EnvVar v : container.env()) {
      String value = v.value().orElse("");
      String name = v.name().orElse("");
      if (!value.isEmpty()) {
        value = EnvExpansion.expand(value, contexts);
      } else if (v.valueFrom().isPresent()) {
        Optional<String> ref = reference(api, pod, container, v.valueFrom().get(), podIP, hostIP);
        if (ref.isEmpty()) {
          continue; // an optional reference to what is missing sets nothing
        }
        value = ref.get();
      }
      own.remove(name);
      own.put(name, value);
    }
    Map<String, String> env = new LinkedHashMap<>(own);
    serviceEnv.forEach(env::putIfAbsent);
    return env;
  }

  /** One {@code envFrom} source: every key of the ConfigMap or Secret that is a valid variable name. */
  private static void envFrom(ApiServer api, String namespace, Map<?, ?> from, Map<String, String> into)
      throws ContainerConfigError {
    String prefix = from.get("prefix") == null ? "" : String.valueOf(from.get("prefix"));
    String kind = from.get("configMapRef") != null ? ConfigData.CONFIG_MAP : ConfigData.SECRET;
    if (!((kind.equals(ConfigData.CONFIG_MAP) ? from.get("configMapRef") : from.get("secretRef")) instanceof Map<?, ?> ref)) {
      return;
    }
    String name = ref.get("name") == null ? "" : String.valueOf(ref.get("name"));
    Optional<ConfigData> data = ConfigData.read(api, kind, namespace, name);
    if (data.isEmpty()) {
      if (Boolean.TRUE.equals(ref.get("optional"))) {
        return;
      }
      throw new ContainerConfigError(ConfigData.notFound(kind, name));
    }
    data.get().values().forEach((k, v) -> {
      String key = prefix + k;
      if (key.matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) { // IsEnvVarName; others are skipped with an event
        into.remove(key);
        into.put(key, v);
      }
    });
  }

  /** A {@code valueFrom}: empty when it is an optional reference to a missing object or key. */
  private static Optional<String> reference(ApiServer api, Pod pod, Container container, Object valueFrom, String podIP,
      String hostIP) throws ContainerConfigError {
    if (!(valueFrom instanceof Map<?, ?> from)) {
      return Optional.of("");
    }
    String namespace = pod.metadata().namespace().orElse("default");
    for (String kind : List.of(ConfigData.CONFIG_MAP, ConfigData.SECRET)) {
      Object selector = from.get(kind.equals(ConfigData.CONFIG_MAP) ? "configMapKeyRef" : "secretKeyRef");
      if (!(selector instanceof Map<?, ?> ref)) {
        continue;
      }
      String name = ref.get("name") == null ? "" : String.valueOf(ref.get("name"));
      String key = ref.get("key") == null ? "" : String.valueOf(ref.get("key"));
      boolean optional = Boolean.TRUE.equals(ref.get("optional"));
      Optional<ConfigData> data = ConfigData.read(api, kind, namespace, name);
      if (data.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw new ContainerConfigError(ConfigData.notFound(kind, name));
      }
      String value = data.get().values().get(key);
      if (value == null) {
        if (optional) {
          return Optional.empty();
        }
        throw new ContainerConfigError("couldn't find key " + key + " in " + kind + " " + namespace + "/" + name);
      }
      return Optional.of(value);
    }
    if (from.get("resourceFieldRef") instanceof Map<?, ?> ref) {
      String resource = ref.get("resource") == null ? "" : String.valueOf(ref.get("resource"));
      String divisor = ref.get("divisor") == null ? "1" : String.valueOf(ref.get("divisor"));
      Map<String, String> allocatable = api.get(Node.KIND, "", pod.specOrEmpty().nodeName().orElse(""))
          .map(Node.class::cast).flatMap(Node::status).map(s -> s.allocatable()).orElse(Map.of());
      return Optional.of(ResourceFieldRef.value(resource, divisor, container, allocatable).orElse(""));
    }
    return Optional.of(PodFieldRef.value(valueFrom, pod, podIP, hostIP).orElse(""));
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
