package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl explain} by the real kubectl against {@code kubesim serve}, and by kubesim's own
 * kubectl against the same cluster: both read the schemas the served OpenAPI v3 documents carry, so
 * kinds, fields, {@code --recursive}, a custom resource's own schema and the errors print the same.
 */
class RealKubectlExplainTest {
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
                description: A CronTab runs an image on a schedule.
                type: object
                properties:
                  spec:
                    description: What to run and when.
                    type: object
                    required: [cronSpec]
                    properties:
                      cronSpec:
                        description: The schedule, in cron syntax.
                        type: string
                      image:
                        type: string
                      replicas:
                        type: integer
                      mode:
                        type: string
                        enum: [Once, Always, Never, Later, Sometimes]
                      tags:
                        type: object
                        additionalProperties:
                          type: string
                      port:
                        x-kubernetes-int-or-string: true
                      extra:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                      steps:
                        type: array
                        items:
                          type: object
                          description: One step.
                          properties:
                            name: {type: string}
        scope: Namespaced
        names:
          plural: crontabs
          singular: crontab
          kind: CronTab
          shortNames:
          - ct
      """;

  private static final List<String> CASES = List.of(
      "explain pod.spec",
      "explain pods",
      "explain pods.spec.containers",
      "explain po.spec.containers.ports.protocol",
      "explain svc.spec.ports",
      "explain services.spec.type",
      "explain deployments.spec --recursive",
      "explain deployments.apps.spec.strategy",
      "explain deploy --api-version=apps/v1",
      "explain deployment.spec.selector.matchExpressions",
      "explain ingresses.networking.k8s.io.spec.rules",
      "explain ing.spec.rules.http.paths.backend",
      "explain networkpolicies --recursive",
      "explain endpointslices",
      "explain configmaps",
      "explain cm.data",
      "explain nodes.status",
      "explain ns",
      "explain crontabs",
      "explain ct.spec",
      "explain crontab.spec.mode",
      "explain crontabs.stable.example.com --recursive",
      "explain pods.spec.nope",
      "explain pods.nope.spec",
      "explain nope",
      "explain nope.spec",
      "explain",
      "explain pods svc",
      "explain pods -o json",
      "explain pods --api-version=v2",
      "explain deployments --api-version=v1",
      "explain hpa",
      "explain hpa --api-version=autoscaling/v1",
      "explain pods -o plaintext-openapiv2",
      "explain pods.",
      "explain Pods.spec.hostAliases",
      "explain ingress.networking.k8s.io",
      "explain svc --recursive",
      "explain deployments.spec.template.spec.containers.livenessProbe.httpGet.port",
      "explain crd",
      "explain secrets.type",
      "explain pods --api-version=apps/v1",
      "explain pods --api-version=a/b/c",
      "explain rs.spec.template.metadata.labels",
      "explain pods.metadata.labels.foo",
      "explain pods.spec.containers.name.foo",
      "explain endpoints.subsets.addresses --recursive",
      "explain ct.metadata",
      "explain ct.spec.tags",
      "explain ct.spec.steps",
      "explain ct.spec.steps.name",
      "explain ct.spec.port",
      "explain ct.spec.extra.anything",
      "explain pods --recursive=false",
      "explain sts",
      "explain statefulsets.spec",
      "explain secrets --recursive",
      "explain clusterrolebindings",
      "explain events",
      "explain pods.status.conditions",
      "explain networkpolicy.spec.ingress.from");

  @TempDir
  Path home;

  @Test
  void explainPrintsWhatKubesimsKubectlPrints() {
    Path binary = RealKubectl.binaryOrSkip();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(5).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(served.kubectl("apply -f -", CRD).exitCode()).isZero();
      SoftAssertions softly = new SoftAssertions();
      for (String c : CASES) {
        RealKubectl.Result theirs = real.run(c);
        KubectlResult ours = served.kubectl(c);
        softly.assertThat(ours.stdout()).as(c).isEqualTo(theirs.stdout());
        softly.assertThat(ours.stderr()).as(c).isEqualTo(theirs.stderr());
        softly.assertThat(ours.exitCode()).as(c).isEqualTo(theirs.exitCode());
      }
      softly.assertAll();
    }
  }
}
