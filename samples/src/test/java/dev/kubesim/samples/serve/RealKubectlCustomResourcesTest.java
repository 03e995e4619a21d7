package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes.io CronTab task with the real kubectl against {@code kubesim serve}: the CRD is
 * applied, discovery shows its group at once, the CronTab is applied and listed by its short name
 * with the printer columns the server's Table carries, refused when it breaks the schema, and gone
 * with its definition.
 */
class RealKubectlCustomResourcesTest {
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: crontabs.stable.example.com
      spec:
        group: stable.example.com
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      cronSpec:
                        type: string
                      image:
                        type: string
                      replicas:
                        type: integer
                  status:
                    type: object
                    properties:
                      ready: {type: boolean}
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Spec
              type: string
              jsonPath: .spec.cronSpec
            - name: Replicas
              type: integer
              jsonPath: .spec.replicas
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
        scope: Namespaced
        names:
          plural: crontabs
          singular: crontab
          kind: CronTab
          shortNames:
          - ct
      """;

  private static final String CRONTAB = """
      apiVersion: "stable.example.com/v1"
      kind: CronTab
      metadata:
        name: my-new-cron-object
      spec:
        cronSpec: "* * * * */5"
        image: my-awesome-cron-image
        replicas: 2
      """;

  @TempDir
  Path home;

  @Test
  void cronTabWalkthroughWithTheRealKubectl() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("crd.yaml"), CRD, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("ct.yaml"), CRONTAB, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("bad.yaml"), CRONTAB.replace("replicas: 2", "replicas: two").replace("my-new", "bad"),
        StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(12).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("apply -f crd.yaml").stdout())
          .isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
      assertThat(real.run("get crd").stdout()).startsWith("NAME                          CREATED AT\ncrontabs.stable.example.com   ");
      assertThat(real.run("api-resources --api-group=stable.example.com").stdout())
          .contains("crontabs   ct           stable.example.com/v1   true         CronTab");
      assertThat(real.run("apply -f ct.yaml").stdout()).isEqualTo("crontab.stable.example.com/my-new-cron-object created\n");
      assertThat(real.run("get ct").stdout())
          .matches("NAME +SPEC +REPLICAS +AGE\nmy-new-cron-object +\\* \\* \\* \\* \\*/5 +2 +\\d+s\n");
      assertThat(real.run("get crontab my-new-cron-object -o jsonpath={.spec.image}").stdout()).isEqualTo("my-awesome-cron-image");
      assertThat(real.run("get crontabs.stable.example.com -o name").stdout())
          .isEqualTo("crontab.stable.example.com/my-new-cron-object\n");
      var bad = real.run("apply -f bad.yaml");
      assertThat(bad.stderr()).contains("The CronTab \"bad-cron-object\" is invalid: spec.replicas: Invalid value: \"string\": "
          + "spec.replicas in body must be of type integer: \"string\"");
      assertThat(real.run("patch ct my-new-cron-object --type=merge -p {\"spec\":{\"replicas\":3}}").stdout())
          .isEqualTo("crontab.stable.example.com/my-new-cron-object patched\n");
      assertThat(real.run("patch ct my-new-cron-object --subresource=status --type=merge -p {\"status\":{\"ready\":true}}")
          .stdout()).isEqualTo("crontab.stable.example.com/my-new-cron-object patched\n");
      assertThat(real.run("get ct my-new-cron-object -o jsonpath={.spec.replicas}/{.status.ready}/{.metadata.generation}")
          .stdout()).isEqualTo("3/true/2");
      assertThat(real.run("delete crd crontabs.stable.example.com").stdout())
          .isEqualTo("customresourcedefinition.apiextensions.k8s.io \"crontabs.stable.example.com\" deleted\n");
      assertThat(served.get("CronTab", "default", "my-new-cron-object")).isEmpty();
    }
  }

  @Test
  void schemaDefaultsAndMaxLengthWithTheRealKubectl() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    String crd = CRD.replace("image:\n                  type: string\n",
        "image:\n                  type: string\n                  maxLength: 20\n                  default: busybox\n");
    assertThat(crd).contains("default: busybox");
    Files.writeString(home.resolve("crd.yaml"), crd, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("ct.yaml"), CRONTAB.replace("  image: my-awesome-cron-image\n", ""), StandardCharsets.UTF_8);
    Files.writeString(home.resolve("long.yaml"), CRONTAB.replace("my-new", "long").replace("my-awesome-cron-image",
        "an-image-name-longer-than-twenty"), StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(12).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("apply -f crd.yaml").stdout())
          .isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
      assertThat(real.run("apply -f ct.yaml").stdout()).isEqualTo("crontab.stable.example.com/my-new-cron-object created\n");
      assertThat(real.run("get ct my-new-cron-object -o jsonpath={.spec.image}").stdout()).isEqualTo("busybox");
      assertThat(real.run("apply -f long.yaml").stderr())
          .contains("The CronTab \"long-cron-object\" is invalid: spec.image: Too long: may not be more than 20 bytes");
    }
  }
}
