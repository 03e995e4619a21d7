package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressClass;
import org.junit.jupiter.api.Test;

/** Ingresses and IngressClasses. */
class IngressStrategyTest {
  private final Fixture f = new Fixture();
  private static final String BACKEND = "backend: {service: {name: web, port: {number: 80}}}";

  private static String ingress(String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing}\nspec: " + spec + "\n";
  }

  private static String rule(String host, String path) {
    return "{rules: [{" + (host == null ? "" : "host: \"" + host + "\", ") + "http: {paths: [" + path + "]}}]}";
  }

  private static String ingressClass(String name, boolean isDefault) {
    return "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: " + name
        + (isDefault ? ", annotations: {ingressclass.kubernetes.io/is-default-class: 'true'}" : "")
        + "}\nspec: {controller: k8s.io/ingress-nginx}\n";
  }

  @Test
  void emptySpecIsRejectedWithANullValue() {
    InvalidObjectException e = f.rejected(ingress("{}"));

    assertThat(causes(e)).containsExactly("spec FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo(
        "Ingress.networking.k8s.io \"ing\" is invalid: spec: Invalid value: null: either `defaultBackend` or `rules` must be specified");
  }

  @Test
  void pathTypeIsRequired() {
    InvalidObjectException e = f.rejected(ingress(rule(null, "{path: /, " + BACKEND + "}")));

    assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].pathType FieldValueRequired");
    assertThat(e.getMessage()).endsWith("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified");
  }

  @Test
  void prefixPathMustBeAbsolute() {
    InvalidObjectException e = f.rejected(ingress(rule(null, "{path: foo, pathType: Prefix, " + BACKEND + "}")));

    assertThat(e.getMessage()).endsWith("spec.rules[0].http.paths[0].path: Invalid value: \"foo\": must be an absolute path");
  }

  @Test
  void pathMayNotContainDoubleSlash() {
    InvalidObjectException e = f.rejected(ingress(rule(null, "{path: /a//b, pathType: Exact, " + BACKEND + "}")));

    assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].path FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("Invalid value: \"/a//b\": must not contain '//'");
  }

  @Test
  void hostMayNotBeAnIp() {
    InvalidObjectException e = f.rejected(ingress(rule("1.2.3.4", "{path: /, pathType: Prefix, " + BACKEND + "}")));

    assertThat(causes(e)).containsExactly("spec.rules[0].host FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address");
  }

  @Test
  void hostMustBeALowercaseSubdomain() {
    InvalidObjectException e = f.rejected(ingress(rule("Foo.com", "{path: /, pathType: Prefix, " + BACKEND + "}")));

    assertThat(e.getMessage()).contains("spec.rules[0].host: Invalid value: \"Foo.com\": a lowercase RFC 1123 subdomain must consist of lower case");
  }

  @Test
  void backendWithPortNameAndNumberIsRejected() {
    InvalidObjectException e = f.rejected(ingress(rule(null,
        "{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80, name: http}}}}")));

    assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].backend FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("backend: Invalid value: \"\": cannot set both port name & port number");
  }

  @Test
  void backendWithoutPortIsRejected() {
    InvalidObjectException e = f.rejected(ingress(rule(null, "{path: /, pathType: Prefix, backend: {service: {name: web}}}")));

    assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].backend FieldValueRequired");
    assertThat(e.getMessage()).endsWith("backend: Required value: port name or number is required");
  }

  @Test
  void backendServiceNameMustBeADns1035Label() {
    InvalidObjectException e = f.rejected(ingress("{defaultBackend: {service: {name: 1web, port: {number: 80}}}}"));

    assertThat(causes(e)).containsExactly("spec.defaultBackend.service.name FieldValueInvalid");
  }

  @Test
  void classAnnotationAndFieldTogetherAreRejectedOnCreate() {
    InvalidObjectException e = f.rejected("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\n"
        + "  annotations: {kubernetes.io/ingress.class: nginx}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n");

    assertThat(causes(e)).containsExactly("annotations.kubernetes.io/ingress.class FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo("Ingress.networking.k8s.io \"ing\" is invalid: "
        + "annotations.kubernetes.io/ingress.class: Invalid value: \"nginx\": can not be set when the class field is also set");
  }

  @Test
  void wildcardHostIsAcceptedInRulesAndTls() {
    f.create(ingress("{tls: [{hosts: [\"*.example.com\"], secretName: wild-tls}], "
        + rule("*.example.com", "{path: /, pathType: Prefix, " + BACKEND + "}").substring(1)));
  }

  @Test
  void ingressWithoutClassGetsTheDefaultClass() {
    f.create(ingressClass("nginx", true));
    f.create(ingressClass("other", false));

    Ingress ing = f.create(ingress("{defaultBackend: {service: {name: web, port: {number: 80}}}}"));

    assertThat(at(ing, "spec.ingressClassName").asText()).isEqualTo("nginx");
  }

  @Test
  void ingressWithTheClassAnnotationGetsNoDefaultClass() {
    f.create(ingressClass("nginx", true));

    Ingress ing = f.create("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing, annotations: {kubernetes.io/ingress.class: traefik}}\n"
        + "spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}\n");

    assertThat(at(ing, "spec.ingressClassName")).isNull();
  }

  @Test
  void withoutADefaultClassTheClassStaysUnset() {
    Ingress ing = f.create(ingress("{defaultBackend: {service: {name: web, port: {number: 80}}}}"));

    assertThat(at(ing, "spec.ingressClassName")).isNull();
    assertThat(at(ing, "metadata.generation").asLong()).isEqualTo(1);
  }

  @Test
  void ingressClassNeedsAController() {
    InvalidObjectException e = f.rejected("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec: {}\n");

    assertThat(causes(e)).containsExactly("spec.controller FieldValueRequired");
  }

  @Test
  void ingressClassControllerMustBeDomainPrefixed() {
    InvalidObjectException e = f.rejected("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec: {controller: nginx}\n");

    assertThat(causes(e)).containsExactly("spec.controller FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("spec.controller: Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")");
  }

  @Test
  void ingressClassControllerIsImmutable() {
    f.create(ingressClass("nginx", false));

    InvalidObjectException e = f.rejectedUpdate(
        "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: example.com/other}\n");

    assertThat(causes(e)).containsExactly("spec.controller FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("spec.controller: Invalid value: \"example.com/other\": field is immutable");
  }

  @Test
  void ingressClassParametersDefaultToClusterScope() {
    IngressClass ic = f.create("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\n"
        + "spec: {controller: example.com/lb, parameters: {apiGroup: example.com, kind: LbConfig, name: cfg}}\n");

    assertThat(at(ic, "spec.parameters.scope").asText()).isEqualTo("Cluster");
  }
}
