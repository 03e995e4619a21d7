package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A CronTab definition with schema defaults and the newer validation keywords, through kubectl:
 * the defaults show in {@code -o yaml}, and values out of bounds are refused with the API server's
 * messages.
 */
class CustomResourceDefaultsTest {
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
                        maxLength: 12
                        default: "5 0 * * *"
                      image:
                        type: string
                      replicas:
                        type: integer
                        minimum: 1
                        maximum: 10
                        default: 1
                      tags:
                        type: array
                        maxItems: 2
                        x-kubernetes-list-type: set
                        items:
                          type: string
        scope: Namespaced
        names:
          plural: crontabs
          singular: crontab
          kind: CronTab
          shortNames:
          - ct
      """;

  private final KubectlFixture f = new KubectlFixture();

  @Test
  void defaultsShowInTheStoredObject() {
    f.output("apply -f -", CRD);
    assertThat(f.output("apply -f -", """
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata:
          name: x
        spec:
          image: my-image
        """)).isEqualTo("crontab.stable.example.com/x created\n");
    assertThat(f.output("get crontab x -o yaml"))
        .contains("spec:\n  cronSpec: 5 0 * * *\n  image: my-image\n  replicas: 1\n");
    assertThat(f.output("get ct x -o jsonpath={.spec.replicas}")).isEqualTo("1");
  }

  @Test
  void defaultsAddedLaterAreAppliedWhenObjectsAreRead() {
    f.output("apply -f -", CRD.replace("default: 1\n", "description: how many\n"));
    f.output("apply -f -", """
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata:
          name: x
        spec:
          image: my-image
        """);
    assertThat(f.output("get ct x -o jsonpath={.spec.replicas}")).isEmpty();
    assertThat(f.output("apply -f -", CRD)).isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com configured\n");
    assertThat(f.output("get ct x -o jsonpath={.spec.replicas}")).as("defaulted when read from storage").isEqualTo("1");
    assertThat(f.output("get ct -o jsonpath={.items[0].spec.replicas}")).isEqualTo("1");
  }

  @Test
  void valuesOutOfBoundsAreRefused() {
    f.output("apply -f -", CRD);
    assertThat(f.output("apply -f -", """
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata:
          name: x
        spec:
          cronSpec: "*/5 * * * * * *"
          tags: [a, b, a]
        """)).isEqualTo("The CronTab \"x\" is invalid: \n"
            + "* spec.cronSpec: Too long: may not be more than 12 bytes\n"
            + "* spec.tags: Too many: 3: must have at most 2 items\n"
            + "* spec.tags[2]: Duplicate value: \"a\"\n");
  }

  @Test
  void aDefaultThatDoesNotValidateMakesTheDefinitionInvalid() {
    assertThat(f.output("apply -f -", CRD.replace("default: 1\n", "default: 20\n"))).isEqualTo(
        "The CustomResourceDefinition \"crontabs.stable.example.com\" is invalid: "
            + "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[replicas].default: "
            + "Invalid value: 20:  in body should be less than or equal to 10\n");
    assertThat(f.output("apply -f -", CRD.replace("    properties:\n            spec:",
        "    properties:\n            metadata:\n              type: object\n              default: {}\n            spec:")))
        .isEqualTo("The CustomResourceDefinition \"crontabs.stable.example.com\" is invalid: "
            + "spec.versions[0].schema.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata\n");
  }

  @Test
  void listMapKeysMustBeRequiredOrDefaulted() {
    String ports = "                ports:\n"
        + "                  type: array\n"
        + "                  x-kubernetes-list-type: map\n"
        + "                  x-kubernetes-list-map-keys: [name]\n"
        + "                  items:\n"
        + "                    type: object\n"
        + "                    properties:\n"
        + "                      name: {type: string}\n"
        + "                      port: {type: integer}\n";
    String crd = CRD.replace("                image:\n", ports + "                image:\n");
    assertThat(crd).contains("x-kubernetes-list-map-keys");
    assertThat(f.output("apply -f -", crd)).isEqualTo("The CustomResourceDefinition \"crontabs.stable.example.com\" is invalid: "
        + "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[ports].items.properties[name].default: "
        + "Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property\n");
    assertThat(f.output("apply -f -", crd.replace("name: {type: string}", "name: {type: string, default: http}")))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
    assertThat(f.output("apply -f -", """
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata:
          name: x
        spec:
          ports: [{port: 80}, {name: http, port: 81}]
        """)).isEqualTo("The CronTab \"x\" is invalid: spec.ports[1]: Duplicate value: {\"name\":\"http\"}\n");
  }
}
