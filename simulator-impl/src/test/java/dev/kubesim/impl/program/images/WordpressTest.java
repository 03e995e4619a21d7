package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** WordPress and MySQL as kubernetes.io's tutorial deploys them, the database reached over the pod's network. */
class WordpressTest {
  private static final long SEED = 5;

  static String manifests(String wordpressPassword) {
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: mysql-pass}
        stringData: {password: "s3cret"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: wordpress-mysql, labels: {app: wordpress}}
        spec:
          ports: [{port: 3306}]
          selector: {app: wordpress, tier: mysql}
          clusterIP: None
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: wordpress-mysql, labels: {app: wordpress}}
        spec:
          selector: {matchLabels: {app: wordpress, tier: mysql}}
          strategy: {type: Recreate}
          template:
            metadata: {labels: {app: wordpress, tier: mysql}}
            spec:
              containers:
              - image: mysql:8.0
                name: mysql
                env:
                - name: MYSQL_ROOT_PASSWORD
                  valueFrom: {secretKeyRef: {name: mysql-pass, key: password}}
                - {name: MYSQL_DATABASE, value: wordpress}
                - {name: MYSQL_USER, value: wordpress}
                - name: MYSQL_PASSWORD
                  valueFrom: {secretKeyRef: {name: mysql-pass, key: password}}
                ports: [{containerPort: 3306, name: mysql}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: wordpress, labels: {app: wordpress}}
        spec:
          ports: [{port: 80}]
          selector: {app: wordpress, tier: frontend}
          type: LoadBalancer
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: wordpress, labels: {app: wordpress}}
        spec:
          selector: {matchLabels: {app: wordpress, tier: frontend}}
          strategy: {type: Recreate}
          template:
            metadata: {labels: {app: wordpress, tier: frontend}}
            spec:
              containers:
              - image: wordpress:6.2.1-apache
                name: wordpress
                env:
                - {name: WORDPRESS_DB_HOST, value: wordpress-mysql}
                - {name: WORDPRESS_DB_PASSWORD, value: "%s"}
                - {name: WORDPRESS_DB_USER, value: wordpress}
                ports: [{containerPort: 80, name: wordpress}]
        """.formatted(wordpressPassword);
  }

  private static Cluster cluster(String wordpressPassword) {
    Cluster cluster = KubeSim.cluster().seed(SEED).build();
    cluster.apply(manifests(wordpressPassword));
    cluster.kubectl("run client --image=curlimages/curl --command -- sleep infinity");
    cluster.awaitReady(Duration.ofMinutes(3));
    return cluster;
  }

  @Test
  void withItsDatabaseWordPressSendsEveryPageToItsInstallation() {
    try (Cluster cluster = cluster("s3cret")) {
      HttpResult home = cluster.http("client", "http://wordpress/");
      assertThat(home.status()).as("seed %d", SEED).isEqualTo(302);
      assertThat(home.header("Location")).contains("http://wordpress/wp-admin/install.php");
      assertThat(home.header("X-Redirect-By")).contains("WordPress");
      assertThat(home.header("X-Powered-By")).contains("PHP/8.0.28");

      HttpResult install = cluster.http("client", "http://wordpress/wp-admin/install.php");
      assertThat(install.status()).isEqualTo(200);
      assertThat(install.body()).contains("<title>WordPress &rsaquo; Installation</title>");

      String pod = home.answeredBy().orElseThrow().name();
      assertThat(cluster.kubectl("logs " + pod).stdout())
          .startsWith("WordPress not found in /var/www/html - copying now...\n"
              + "Complete! WordPress has been successfully copied to /var/www/html\n"
              + "No 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying "
              // the wordpress Service's variables are WORDPRESS_ too, and the entrypoint lists them
              + "'wp-config-docker.php' (WORDPRESS_DB_HOST WORDPRESS_DB_PASSWORD WORDPRESS_DB_USER WORDPRESS_PORT "
              + "WORDPRESS_PORT_80_TCP WORDPRESS_PORT_80_TCP_ADDR WORDPRESS_PORT_80_TCP_PORT WORDPRESS_PORT_80_TCP_PROTO "
              + "WORDPRESS_SERVICE_HOST WORDPRESS_SERVICE_PORT)\n")
          .contains("AH00163: Apache/2.4.56 (Debian) PHP/8.0.28 configured -- resuming normal operations")
          .containsPattern("\"GET / HTTP/1.1\" 302 \\d+ \"-\" \"curl/");
    }
  }

  @Test
  void aRefusedLoginIsWordPressesDatabaseErrorWithStatus500() {
    try (Cluster cluster = cluster("wrong")) {
      HttpResult home = cluster.http("client", "http://wordpress/");
      assertThat(home.status()).as("seed %d", SEED).isEqualTo(500);
      assertThat(home.body()).contains("<h1>Error establishing a database connection</h1>");
    }
  }
}
