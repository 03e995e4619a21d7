package dev.kubesim.impl.kubelet;

import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.program.ContainerRuntime;

/**
 * What the kubelets of a cluster share, as the kubelet's {@code Dependencies} hold what it is built
 * with: the API server, the prober, the container runtime, the containers' setup and the cluster
 * domain; and, watching the API server once for all of them, the pod watch that hands each pod's
 * events to the kubelet of its node ({@link KubeletHub}), the Service variables of each namespace
 * ({@link ServiceEnvCache}) and the image IDs ({@link Images.IdTable}). The wiring makes one per
 * cluster, before the first kubelet starts, and gives it to {@link Kubelet#start} on every node.
 */
public final class KubeletDependencies {
  private final ApiServer api;
  private final Prober prober;
  private final ContainerRuntime runtime;
  private final ContainerSetup setup;
  private final String clusterDomain;
  private final KubeletHub hub;
  private final ServiceEnvCache serviceEnv;
  private final Images.IdTable imageIds = new Images.IdTable();

  private KubeletDependencies(ApiServer api, Prober prober, ContainerRuntime runtime, ContainerSetup setup,
      String clusterDomain) {
    this.api = api;
    this.prober = prober;
    this.runtime = runtime;
    this.setup = setup;
    this.clusterDomain = clusterDomain;
    // the pod watch first, then the Service variables', as the kubelets' informers start
    this.hub = new KubeletHub(api);
    this.serviceEnv = new ServiceEnvCache(api);
  }

  /**
   * The kubelets' shared parts for the cluster behind {@code api}; their watches are registered
   * now, so make them where the first kubelet starts.
   *
   * @param prober runs the containers' probes
   * @param runtime runs the containers' programs
   * @param setup gives containers their environment and resolv.conf
   * @param clusterDomain {@code --cluster-domain}
   */
  public static KubeletDependencies start(ApiServer api, Prober prober, ContainerRuntime runtime, ContainerSetup setup,
      String clusterDomain) {
    return new KubeletDependencies(api, prober, runtime, setup, clusterDomain);
  }

  ApiServer api() {
    return api;
  }

  Prober prober() {
    return prober;
  }

  ContainerRuntime runtime() {
    return runtime;
  }

  ContainerSetup setup() {
    return setup;
  }

  String clusterDomain() {
    return clusterDomain;
  }

  KubeletHub hub() {
    return hub;
  }

  ServiceEnvCache serviceEnv() {
    return serviceEnv;
  }

  Images.IdTable imageIds() {
    return imageIds;
  }
}
