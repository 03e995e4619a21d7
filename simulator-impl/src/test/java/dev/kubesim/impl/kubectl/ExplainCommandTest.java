package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl explain} through the cluster's kubectl: kinds by plural, short and singular names
 * and by {@code resource.group}, fields, {@code --recursive}, {@code --api-version}, a custom
 * resource's own schema, and kubectl's errors.
 */
class ExplainCommandTest {
  private final KubectlFixture f = new KubectlFixture();

  private KubectlResult explain(String args) {
    return f.cluster.kubectl("explain " + args);
  }

  @Test
  void podPrintsItsKindVersionDescriptionAndFields() {
    KubectlResult r = explain("pods");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).startsWith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    One or more containers")
        .contains("\nFIELDS:\n  apiVersion\t<string>\n    The versioned schema of this object",
            "  metadata\t<ObjectMeta>\n", "  spec\t<PodSpec>\n    What the pod should run and how.\n\n",
            "  status\t<PodStatus>\n")
        .endsWith("\n\n\n");
    assertThat(explain("po").stdout()).isEqualTo(r.stdout());
    assertThat(explain("pod").stdout()).isEqualTo(r.stdout());
  }

  @Test
  void containersPrintTheFieldLineTheirDescriptionsAndTheContainersFields() {
    String out = explain("pod.spec.containers").stdout();
    assertThat(out).startsWith("KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n\n\nDESCRIPTION:\n"
            + "    The containers that run for the pod's whole life. There must be at least\n    one.\n"
            + "    One container of a pod.\n    \nFIELDS:\n")
        .contains("  image\t<string>\n    The image the container runs.\n\n",
            "  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n    When the kubelet pulls the image.\n\n",
            "  name\t<string> -required-\n", "  ports\t<[]ContainerPort>\n", "  stdinOnce\t<boolean>\n    <no description>\n");
  }

  @Test
  void servicePortsShowTheirTypesAndTheRequiredPort() {
    String out = explain("svc.spec.ports").stdout();
    assertThat(out).contains("FIELD: ports <[]ServicePort>\n", "  port\t<integer> -required-\n",
        "  protocol\t<string>\n  enum: SCTP, TCP, UDP\n", "  targetPort\t<IntOrString>\n");
    assertThat(explain("services.spec.type").stdout()).contains(
        "FIELD: type <string>\nENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n\nDESCRIPTION:\n");
  }

  @Test
  void recursiveListsEveryNestedFieldOnOneLine() {
    String out = explain("deployments.spec --recursive").stdout();
    assertThat(out).startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n")
        .contains("FIELDS:\n  minReadySeconds\t<integer>\n  paused\t<boolean>\n",
            "  selector\t<LabelSelector> -required-\n    matchExpressions\t<[]LabelSelectorRequirement>\n"
                + "      key\t<string> -required-\n",
            "  template\t<PodTemplateSpec> -required-\n    metadata\t<ObjectMeta>\n",
            "    spec\t<PodSpec>\n      activeDeadlineSeconds\t<integer>\n",
            "      containers\t<[]Container> -required-\n        args\t<[]string>\n");
    assertThat(out.substring(out.indexOf("FIELDS:"))).doesNotContain("description", "    The ");
    assertThat(explain("deployments.apps.spec --recursive").stdout()).isEqualTo(out);
    assertThat(explain("deploy.spec --recursive --api-version=apps/v1").stdout()).isEqualTo(out);
  }

  @Test
  void customResourcesPrintTheirDefinitionsOwnSchemaAndDescriptions() {
    f.apply("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: crontabs.stable.example.com
        spec:
          group: stable.example.com
          scope: Namespaced
          names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                description: A schedule of runs.
                properties:
                  spec:
                    type: object
                    properties:
                      cronSpec: {type: string, description: "When to run, in cron syntax."}
                      replicas: {type: integer}
        """);
    assertThat(explain("ct.spec.cronSpec").stdout()).isEqualTo(
        "GROUP:      stable.example.com\nKIND:       CronTab\nVERSION:    v1\n\nFIELD: cronSpec <string>\n\n\n"
            + "DESCRIPTION:\n    When to run, in cron syntax.\n    \n\n");
    assertThat(explain("crontabs.stable.example.com").stdout()).contains("DESCRIPTION:\n    A schedule of runs.\n",
        "  metadata\t<ObjectMeta>\n", "  spec\t<Object>\n    <no description>\n");
  }

  @Test
  void unknownResourcesAndFieldsFailAsKubectlDoes() {
    KubectlResult resource = explain("nope.spec");
    assertThat(resource.stdout()).isEmpty();
    assertThat(resource.stderr()).isEqualTo("the server doesn't have a resource type \"nope\"\n");
    assertThat(resource.exitCode()).isEqualTo(1);

    KubectlResult field = explain("pods.spec.nope");
    assertThat(field.stdout()).isEqualTo("KIND:       Pod\nVERSION:    v1\n\n");
    assertThat(field.stderr()).isEqualTo("error: field \"nope\" does not exist\n");
    assertThat(field.exitCode()).isEqualTo(1);

    assertThat(explain("deployments --api-version=v1").stderr())
        .isEqualTo("error: GVR (/v1, Resource=deployments) not found in OpenAPI schema\n");
    assertThat(explain("pods --api-version=v2").stderr()).isEqualTo("error: couldn't find resource for \"/v2, Resource=pods\"\n");
    assertThat(explain("pods -o json").stderr()).isEqualTo("error: unrecognized format: json\n");
    assertThat(f.cluster.kubectl("explain").stderr()).startsWith("error: You must specify the type of resource to explain.");
    assertThat(explain("pods svc").stderr()).isEqualTo("error: We accept only this format: explain RESOURCE\n");
  }
}
