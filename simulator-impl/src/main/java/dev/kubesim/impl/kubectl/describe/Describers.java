package dev.kubesim.impl.kubectl.describe;

import java.util.Optional;

/** The describer of each kind kubesim can describe, as kubectl's {@code DescriberFor} maps them. */
public final class Describers {
  private Describers() {}

  /** The describer for a kind, or empty when kubesim does not describe that kind yet. */
  public static Optional<ObjectDescriber> forKind(String kind) {
    return Optional.ofNullable(
        switch (kind) {
          case "Pod" -> new PodDescriber();
          case "ReplicationController" -> new ReplicationControllerDescriber();
          case "ReplicaSet" -> new ReplicaSetDescriber();
          case "Deployment" -> new DeploymentDescriber();
          case "StatefulSet" -> new StatefulSetDescriber();
          case "Service" -> new ServiceDescriber();
          case "Endpoints" -> new EndpointsDescriber();
          case "Node" -> new NodeDescriber();
          case "Ingress" -> new IngressDescriber();
          case "IngressClass" -> new IngressClassDescriber();
          case "NetworkPolicy" -> new NetworkPolicyDescriber();
          case "Namespace" -> new NamespaceDescriber();
          case "ServiceAccount" -> new ServiceAccountDescriber();
          case "ConfigMap" -> new ConfigMapDescriber();
          case "Secret" -> new SecretDescriber();
          case "PersistentVolumeClaim" -> new PersistentVolumeClaimDescriber();
          case "PersistentVolume" -> new PersistentVolumeDescriber();
          case "StorageClass" -> new StorageClassDescriber();
          case "DaemonSet" -> new DaemonSetDescriber();
          case "Job" -> new JobDescriber();
          case "CronJob" -> new CronJobDescriber();
          case "HorizontalPodAutoscaler" -> new HorizontalPodAutoscalerDescriber();
          case "EndpointSlice" -> new EndpointSliceDescriber();
          case "Role", "ClusterRole" -> RbacDescriber.roles();
          case "RoleBinding", "ClusterRoleBinding" -> RbacDescriber.bindings();
          default -> null;
        });
  }
}
