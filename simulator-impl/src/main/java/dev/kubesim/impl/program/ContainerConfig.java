package dev.kubesim.impl.program;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.HostAlias;
import dev.kubesim.api.program.ListenAnnotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kubelet hands the container runtime to start one container of a pod.
 *
 * @param podName the pod's name
 * @param namespace the pod's namespace
 * @param container the container's spec (image, command, args, ports, workingDir)
 * @param podIps the pod's IPs, first the primary one
 * @param hostname the pod's hostname ({@code spec.hostname} or the pod name, at most 63 characters)
 * @param hostDomain {@code subdomain.namespace.svc.cluster.local} when the pod has a subdomain
 * @param env the variables the kubelet sets (the container's {@code env}, Service variables), in
 *     order; the runtime adds {@code PATH}, {@code HOSTNAME}, the image's variables and {@code HOME}
 * @param resolvConf the {@code /etc/resolv.conf} the kubelet built for the pod
 * @param hostAliases the pod's {@code hostAliases}, written into {@code /etc/hosts}
 * @param hostsFile the whole {@code /etc/hosts} where the kubelet writes its own (host network);
 *     empty to have it built from the IPs, hostname and aliases
 * @param files more files to mount (volumes, the service account's {@code namespace}), path to
 *     content
 * @param restartCount how often this container has restarted before
 * @param mounts the pod's volumes mounted into the container, in {@code volumeMounts} order
 * @param expectedListeners the ports the cluster expects the container to listen on beyond its
 *     {@code containerPorts} (its probes', its Services' target ports, the {@value
 *     ListenAnnotation#NAME} annotation's), which a program that {@link ListensWhereExpected}
 *     listens on
 * @param expectedExecutables the programs the pod's exec probes and lifecycle hooks name (their
 *     first word, as written), which an image that {@link ListensWhereExpected} has: each runs,
 *     prints nothing and exits 0
 * @param runsToCompletion whether the container is meant to end: a regular init container (one of
 *     {@code initContainers} without {@code restartPolicy: Always}), or an app container given its
 *     own {@code command} in a pod whose {@code restartPolicy} is {@code Never} or {@code OnFailure}
 *     (a Job's); an image that {@link ListensWhereExpected} then exits 0 at once instead of serving
 */
public record ContainerConfig(
    String podName,
    String namespace,
    Container container,
    List<String> podIps,
    String hostname,
    Optional<String> hostDomain,
    Map<String, String> env,
    String resolvConf,
    List<HostAlias> hostAliases,
    Optional<String> hostsFile,
    Map<String, String> files,
    int restartCount,
    List<VolumeMount> mounts,
    List<ListenAnnotation.Entry> expectedListeners,
    List<String> expectedExecutables,
    boolean runsToCompletion) {
  public ContainerConfig {
    Objects.requireNonNull(podName, "podName");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(container, "container");
    podIps = ImmutableList.copyOf(podIps);
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(hostDomain, "hostDomain");
    env = ImmutableMap.copyOf(env);
    Objects.requireNonNull(resolvConf, "resolvConf");
    hostAliases = ImmutableList.copyOf(hostAliases);
    Objects.requireNonNull(hostsFile, "hostsFile");
    files = ImmutableMap.copyOf(files);
    if (restartCount < 0) {
      throw new IllegalArgumentException("restartCount must not be negative: " + restartCount);
    }
    mounts = ImmutableList.copyOf(mounts);
    expectedListeners = ImmutableList.copyOf(expectedListeners);
    expectedExecutables = ImmutableList.copyOf(expectedExecutables);
  }

  /** A builder with the pod name as hostname and nothing else set. */
  public static Builder builder(String podName, String namespace, Container container) {
    return new Builder(podName, namespace, container);
  }

  /** The container's name in the pod spec. */
  public String containerName() {
    return container.name().orElse("");
  }

  /** The pod's primary IP, or an empty string before it has one. */
  public String podIp() {
    return podIps.isEmpty() ? "" : podIps.get(0);
  }

  /** A builder of {@link ContainerConfig}. */
  public static final class Builder {
    private final String podName;
    private final String namespace;
    private final Container container;
    private List<String> podIps = List.of();
    private String hostname;
    private Optional<String> hostDomain = Optional.empty();
    private Map<String, String> env = new LinkedHashMap<>();
    private String resolvConf = "";
    private List<HostAlias> hostAliases = List.of();
    private Optional<String> hostsFile = Optional.empty();
    private final Map<String, String> files = new LinkedHashMap<>();
    private int restartCount;
    private final List<VolumeMount> mounts = new java.util.ArrayList<>();
    private List<ListenAnnotation.Entry> expectedListeners = List.of();
    private List<String> expectedExecutables = List.of();
    private boolean runsToCompletion;

    private Builder(String podName, String namespace, Container container) {
      this.podName = podName;
      this.namespace = namespace;
      this.container = container;
      this.hostname = podName;
    }

    public Builder podIps(List<String> value) {
      podIps = value;
      return this;
    }

    public Builder podIp(String value) {
      podIps = List.of(value);
      return this;
    }

    public Builder hostname(String value) {
      hostname = value;
      return this;
    }

    public Builder hostDomain(String value) {
      hostDomain = Optional.ofNullable(value);
      return this;
    }

    public Builder env(Map<String, String> value) {
      env = value;
      return this;
    }

    public Builder resolvConf(String value) {
      resolvConf = value;
      return this;
    }

    public Builder hostAliases(List<HostAlias> value) {
      hostAliases = value;
      return this;
    }

    public Builder hostsFile(String value) {
      hostsFile = Optional.ofNullable(value);
      return this;
    }

    public Builder file(String path, String content) {
      files.put(path, content);
      return this;
    }

    public Builder restartCount(int value) {
      restartCount = value;
      return this;
    }

    /** Mounts a volume into the container. */
    public Builder mount(VolumeMount value) {
      mounts.add(value);
      return this;
    }

    /** The ports the cluster expects the container to listen on beyond its {@code containerPorts}. */
    public Builder expectedListeners(List<ListenAnnotation.Entry> value) {
      expectedListeners = value;
      return this;
    }

    /** The programs the pod's exec probes and lifecycle hooks name, as written. */
    public Builder expectedExecutables(List<String> value) {
      expectedExecutables = value;
      return this;
    }

    /** Whether the container is a regular init container, which runs to its end. */
    public Builder runsToCompletion(boolean value) {
      runsToCompletion = value;
      return this;
    }

    public ContainerConfig build() {
      return new ContainerConfig(podName, namespace, container, podIps, hostname, hostDomain, env,
          resolvConf, hostAliases, hostsFile, files, restartCount, mounts, expectedListeners,
          expectedExecutables, runsToCompletion);
    }
  }
}
