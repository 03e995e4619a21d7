package dev.kubesim.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A claim of kind's default class {@code standard}, bound when its first pod is scheduled. */
class DynamicProvisioningTest {
  private static final long SEED = 7;
  private static final String CLAIM = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """;
  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: writer}
      spec:
        containers:
        - name: app
          image: busybox
          command: [sleep, infinity]
          volumeMounts: [{name: data, mountPath: /data}]
        volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
      """;

  private final Cluster cluster = KubeSim.cluster().seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void claimWaitsForItsFirstConsumer() {
    cluster.apply(CLAIM);
    cluster.settle();
    System.out.println(cluster.kubectl("get pvc"));
    System.out.println(cluster.kubectl("get sc"));
    System.out.println(cluster.kubectl("get pvc data -o yaml"));
    System.out.println(cluster.kubectl("get events"));
  }

  @Test
  void claimIsBoundOnFirstConsumer() {
    cluster.apply(CLAIM);
    cluster.apply(POD);
    cluster.settle();
    System.out.println(cluster.kubectl("get pvc"));
    System.out.println(cluster.kubectl("get pv"));
    System.out.println(cluster.kubectl("get pods -o wide"));
    System.out.println(cluster.kubectl("get pvc data -o yaml"));
    System.out.println(cluster.kubectl("get pv -o yaml"));
    System.out.println(cluster.kubectl("get events"));
  }
}
