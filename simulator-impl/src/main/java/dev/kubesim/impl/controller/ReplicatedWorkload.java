package dev.kubesim.impl.controller;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * What the replica manager needs to know of a kind that keeps N pods running
 * (ReplicationController, ReplicaSet): Kubernetes runs both through one controller, and so does
 * kubesim.
 *
 * @param <T> the workload's record type
 */
interface ReplicatedWorkload<T extends KubeObject> {
  String kind();

  /** The event source of the controller: {@code replication-controller}, {@code replicaset-controller}. */
  String component();

  Class<T> type();

  int replicas(T owner);

  int minReadySeconds(T owner);

  boolean selects(T owner, Map<String, String> podLabels);

  PodTemplateSpec template(T owner);

  /** The owner with this status, or the same object when nothing changed. */
  T withStatus(T owner, ReplicaCounts counts);
}
