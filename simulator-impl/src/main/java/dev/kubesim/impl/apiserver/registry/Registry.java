package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.ApiServer;

/**
 * The per-kind strategies of the simulated API server, as kube-apiserver's registry wires its
 * storage: one call registers the rules of every modelled kind except Service, which is registered
 * on its own.
 */
public final class Registry {
  private Registry() {}

  /** Registers the strategies of Pods, workloads (StatefulSets, DaemonSets, Jobs and CronJobs among them), Namespaces, Nodes, endpoints, Ingresses, NetworkPolicies and storage (claims, volumes, classes). */
  public static void registerAll(ApiServer api) {
    api.register(new NamespaceStrategy());
    api.register(new NodeStrategy());
    api.register(new PodStrategy(new ServiceAccountAdmission(api)));
    api.register(new ReplicationControllerStrategy());
    api.register(new ReplicaSetStrategy());
    api.register(new DeploymentStrategy());
    api.register(new EndpointsStrategy());
    api.register(new EndpointSliceStrategy());
    api.register(new IngressStrategy());
    api.register(new IngressClassStrategy());
    api.register(new NetworkPolicyStrategy());
    api.registerGeneric("PersistentVolumeClaim", new PersistentVolumeClaimStrategy());
    api.registerGeneric("PersistentVolume", new PersistentVolumeStrategy());
    api.registerGeneric("StorageClass", new StorageClassStrategy());
    api.registerGeneric("StatefulSet", new StatefulSetStrategy());
    api.registerGeneric("DaemonSet", new DaemonSetStrategy());
    api.registerGeneric("Job", new JobStrategy());
    api.registerGeneric("CronJob", new CronJobStrategy());
    api.registerGeneric("Secret", new SecretStrategy());
    api.registerGeneric("HorizontalPodAutoscaler", new HorizontalPodAutoscalerStrategy());
  }
}
