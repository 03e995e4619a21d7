package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl create service TYPE}, as kubectl's generator builds the Service from its flags. */
class CreateServiceCommandTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(3).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aNodePortServiceSelectsItsNameAndNamesEachPortAfterItsPair() {
    assertThat(cluster.kubectl("create service nodeport web --tcp=80:8080 -o yaml --dry-run=client").stdout())
        .isEqualTo("""
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              ports:
              - name: 80-8080
                port: 80
                protocol: TCP
                targetPort: 8080
              selector:
                app: web
              type: NodePort
            status:
              loadBalancer: {}
            """);
  }

  @Test
  void eachTypeIsCreatedAndTheirRowsShowIt() {
    assertThat(cluster.kubectl("create service clusterip hl --clusterip=None").stdout()).isEqualTo("service/hl created\n");
    assertThat(cluster.kubectl("create service externalname ext --external-name bar.com").stdout())
        .isEqualTo("service/ext created\n");
    cluster.kubectl("create service nodeport web --tcp=80:8080 --node-port=30080");
    String rows = cluster.kubectl("get svc").stdout();
    assertThat(rows).containsPattern("ext +ExternalName +<none> +bar.com +<none>")
        .containsPattern("hl +ClusterIP +None +<none> +<none>")
        .containsPattern("web +NodePort +[\\d.]+ +<none> +80:30080/TCP");
  }

  @Test
  void flagsKubectlRefusesAreRefusedInItsWords() {
    assertThat(cluster.kubectl("create service clusterip x").stderr())
        .isEqualTo("error: at least one tcp port specifier must be provided\n");
    assertThat(cluster.kubectl("create service nodeport x --clusterip=None").stderr())
        .isEqualTo("error: ClusterIP=None can only be used with ClusterIP service type\n");
    cluster.kubectl("create service clusterip dup --tcp=80");
    assertThat(cluster.kubectl("create service clusterip dup --tcp=80").stderr())
        .isEqualTo("error: failed to create ClusterIP service: services \"dup\" already exists\n");
  }
}
