package dev.kubesim.impl.cluster;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.DnsResponse;
import dev.kubesim.api.NameResolution;
import dev.kubesim.api.ResolvConf;
import dev.kubesim.api.RunningPod;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.kubelet.PodWorker;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.NetworkDnsTransport;
import dev.kubesim.impl.resolver.Resolution;
import dev.kubesim.impl.resolver.Resolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RunningPod} of a simulated cluster: the pod's worker on its node's kubelet, read under the lock. */
final class ClusterRunningPod implements RunningPod {
  private final SimCluster cluster;
  private final ObjectKey key;
  private final String node;

  private ClusterRunningPod(SimCluster cluster, ObjectKey key, String node) {
    this.cluster = cluster;
    this.key = key;
    this.node = node;
  }

  /** The pod by reference; NotFound when it does not exist, BadRequest when no kubelet runs it. Under the lock. */
  static ClusterRunningPod of(SimCluster cluster, String pod) {
    ObjectKey key = PodExec.parse(pod);
    Pod p = (Pod) cluster.api().getOrThrow(Pod.KIND, key.namespace(), key.name());
    String node = PodStates.nodeName(p);
    if (cluster.kubelet(node).flatMap(k -> k.worker(key)).isEmpty()) {
      throw new BadRequestException("pod " + key.namespace() + "/" + key.name() + " is not running on a node");
    }
    return new ClusterRunningPod(cluster, key, node);
  }

  @Override
  public String namespace() {
    return key.namespace();
  }

  @Override
  public String name() {
    return key.name();
  }

  @Override
  public String node() {
    return node;
  }

  @Override
  public Map<String, String> env(String container) {
    return cluster.underLock(() -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(running(container).env())));
  }

  @Override
  public boolean canExec(String container, List<String> command) {
    List<String> argv = List.copyOf(command);
    return cluster.underLock(() -> running(container).execStartError(argv).isEmpty());
  }

  @Override
  public ResolvConf resolvConf() {
    return cluster.underLock(() -> {
      dev.kubesim.impl.resolver.ResolvConf r = sandboxResolvConf();
      return new ResolvConf(r.nameservers(), r.searches(), r.options());
    });
  }

  @Override
  public NameResolution resolve(String host, dev.kubesim.api.Libc libc) {
    return cluster.underLock(() -> {
      String file = sandboxResolvConf().text();
      Resolution r = new Resolver(libc == dev.kubesim.api.Libc.MUSL ? Libc.MUSL : Libc.GLIBC,
          new NetworkDnsTransport(cluster.api(), cluster.network())).lookup(ref(), file, host, "A");
      return new NameResolution(r.tried(), r.address(), r.rcode());
    });
  }

  @Override
  public Optional<DnsResponse> queryDns(String name, String type) {
    return cluster.underLock(() -> ClusterDnsQueries.clusterDnsAddress(cluster).flatMap(nameserver ->
            new NetworkDnsTransport(cluster.api(), cluster.network()).query(ref(), nameserver, name, type))
        .map(ClusterDnsQueries::response));
  }

  private String ref() {
    return key.namespace() + "/" + key.name();
  }

  private PodWorker worker() {
    return cluster.kubelet(node).flatMap(k -> k.worker(key))
        .orElseThrow(() -> new BadRequestException("pod " + ref() + " is not running on a node"));
  }

  /** A running container; the first of the pod's when the name is empty. */
  private RunningContainer running(String container) {
    PodWorker w = worker();
    String name = container.isEmpty() ? w.containerNames().get(0) : container;
    return w.container(name)
        .orElseThrow(() -> new BadRequestException("container " + name + " of " + ref() + " is not running"));
  }

  private dev.kubesim.impl.resolver.ResolvConf sandboxResolvConf() {
    return worker().resolvConf().orElseThrow(() -> new BadRequestException("pod " + ref() + " has no sandbox yet"));
  }

  @Override
  public String toString() {
    return "pod " + ref() + " on " + node;
  }
}
