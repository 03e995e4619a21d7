package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The kubernetes.io task "Extend the Kubernetes API with CustomResourceDefinitions", line by line:
 * the CronTab definition, a CronTab, {@code kubectl get ct}, {@code -o yaml}, a refused object and
 * the deletion of the definition with its objects.
 */
class CustomResourceWalkthroughTest {
  static final String CRD = """
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
                        pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'
                      image:
                        type: string
                      replicas:
                        type: integer
                        minimum: 1
                        maximum: 10
        scope: Namespaced
        names:
          plural: crontabs
          singular: crontab
          kind: CronTab
          shortNames:
          - ct
      """;

  static final String CRONTAB = """
      apiVersion: "stable.example.com/v1"
      kind: CronTab
      metadata:
        name: my-new-cron-object
      spec:
        cronSpec: "* * * * */5"
        image: my-awesome-cron-image
      """;

  private final KubectlFixture f = new KubectlFixture();

  @Test
  void categoriesOfTheDefinitionAreServedByKubectlGet() {
    f.output("apply -f -", CRD.replace("    - ct\n", "    - ct\n    categories:\n    - all\n    - jobs-of-mine\n"));
    f.output("apply -f -", CRONTAB);
    assertThat(f.output("get all")).as("seed %d", KubectlFixture.SEED)
        .containsPattern("\ncrontab.stable.example.com/my-new-cron-object +" + KubectlFixture.AGE + "\n");
    assertThat(f.output("get jobs-of-mine")).matches("NAME +AGE\nmy-new-cron-object +" + KubectlFixture.AGE + "\n");
  }

  @Test
  void cronTabWalkthrough() {
    assertThat(f.output("apply -f -", CRONTAB)).as("seed %d", KubectlFixture.SEED).isEqualTo(
        "error: resource mapping not found for name: \"my-new-cron-object\" namespace: \"\" from \"STDIN\": "
            + "no matches for kind \"CronTab\" in version \"stable.example.com/v1\"\nensure CRDs are installed first\n");
    assertThat(f.output("apply -f -", CRD)).isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
    assertThat(f.output("get crd")).matches("NAME +CREATED AT\ncrontabs\\.stable\\.example\\.com +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
    assertThat(f.output("apply -f -", CRONTAB)).isEqualTo("crontab.stable.example.com/my-new-cron-object created\n");
    for (String type : new String[] {"crontab", "crontabs", "ct", "CronTab", "crontab.stable.example.com", "crontabs.v1.stable.example.com"}) {
      assertThat(f.output("get " + type)).as(type).matches("NAME +AGE\nmy-new-cron-object +" + KubectlFixture.AGE + "\n");
    }
    String yaml = f.output("get ct -o yaml");
    assertThat(yaml).startsWith("apiVersion: v1\nitems:\n- apiVersion: stable.example.com/v1\n  kind: CronTab\n");
    assertThat(yaml).contains("    name: my-new-cron-object\n    namespace: default\n")
        .contains("  spec:\n    cronSpec: '* * * * */5'\n    image: my-awesome-cron-image\n");
    assertThat(f.output("get ct my-new-cron-object -o jsonpath={.spec.image}")).isEqualTo("my-awesome-cron-image");
    assertThat(f.output("get ct -o name")).isEqualTo("crontab.stable.example.com/my-new-cron-object\n");
    assertThat(f.output("describe ct my-new-cron-object")).contains("Name:         my-new-cron-object\n")
        .contains("Kind:         CronTab\n");
    assertThat(f.output("get all")).as("not in the all category").doesNotContain("my-new-cron-object");
    assertThat(f.output("api-resources")).containsPattern("\ncrontabs +ct +stable.example.com/v1 +true +CronTab\n");

    String invalid = CRONTAB.replace("\"* * * * */5\"", "\"* * * *\"").replace("my-new-cron-object", "bad")
        + "  replicas: 15\n";
    assertThat(f.output("apply -f -", invalid)).isEqualTo(
        "The CronTab \"bad\" is invalid: \n"
            + "* spec.cronSpec: Invalid value: \"* * * *\": spec.cronSpec in body should match "
            + "'^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'\n"
            + "* spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10\n");
    String wrongType = CRONTAB.replace("my-new-cron-object", "typed") + "  replicas: \"string\"\n";
    assertThat(f.output("apply -f -", wrongType)).isEqualTo(
        "The CronTab \"typed\" is invalid: spec.replicas: Invalid value: \"string\": "
            + "spec.replicas in body must be of type integer: \"string\"\n");

    String unknown = CRONTAB.replace("my-new-cron-object", "extra") + "  foo: bar\n";
    assertThat(f.output("apply -f -", unknown)).as("kubectl validates strictly, as --validate=strict does").isEqualTo(
        "Error from server (BadRequest): error when creating \"STDIN\": CronTab in version \"v1\" cannot be handled as a "
            + "CronTab: strict decoding error: unknown field \"spec.foo\"\n");

    assertThat(f.output("delete crd crontabs.stable.example.com"))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io \"crontabs.stable.example.com\" deleted\n");
    assertThat(f.cluster.get("CronTab", "default", "my-new-cron-object")).isEmpty();
    assertThat(f.output("get crontabs")).isEqualTo("error: the server doesn't have a resource type \"crontabs\"\n");
  }
}
