package dev.kubesim.impl.kubectl.printers;

/** The table printer of each kind, as the API server registers them. */
public final class TablePrinters {
  private TablePrinters() {}

  /** The printer for objects of a kind ({@code Pod}, {@code Service}, ...). */
  public static TablePrinter forKind(String kind) {
    return switch (kind) {
      case "Pod" -> new PodTable();
      case "ReplicationController" -> new ReplicationControllerTable();
      case "ReplicaSet" -> new ReplicaSetTable();
      case "Deployment" -> new DeploymentTable();
      case "StatefulSet" -> new StatefulSetTable();
      case "Service" -> new ServiceTable();
      case "Endpoints" -> new EndpointsTable();
      case "EndpointSlice" -> new EndpointSliceTable();
      case "Node" -> new NodeTable();
      case "Namespace" -> new NamespaceTable();
      case "Ingress" -> new IngressTable();
      case "IngressClass" -> new IngressClassTable();
      case "NetworkPolicy" -> new NetworkPolicyTable();
      case "PersistentVolumeClaim" -> new PersistentVolumeClaimTable();
      case "PersistentVolume" -> new PersistentVolumeTable();
      case "StorageClass" -> new StorageClassTable();
      case "DaemonSet" -> new DaemonSetTable();
      case "Job" -> new JobTable();
      case "CronJob" -> new CronJobTable();
      case "HorizontalPodAutoscaler" -> new HorizontalPodAutoscalerTable();
      case "PodDisruptionBudget" -> new PodDisruptionBudgetTable();
      default -> new GenericTable(kind);
    };
  }

  /**
   * The printer for a served kind of a cluster: a custom kind's from its printer columns, else the
   * built-in kind's.
   */
  public static TablePrinter forKind(dev.kubesim.api.model.Kinds.KindInfo kind, dev.kubesim.impl.codec.KindCatalog kinds) {
    return kinds.custom(kind).<TablePrinter>map(c -> new CustomResourceTable(c.columns())).orElseGet(() -> forKind(kind.kind()));
  }
}
