package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressClass;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressClassFilterTest {
  private final IngressClassFilter filter = new IngressClassFilter("k8s.io/ingress-nginx", "nginx", false);
  private final Map<String, IngressClass> classes = Map.of(
      "nginx", decode("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n"),
      "traefik", decode("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: traefik}\nspec: {controller: traefik.io/ingress-controller}\n"));

  private static <T> T decode(String yaml) {
    @SuppressWarnings("unchecked")
    T t = (T) ObjectCodec.decode(ManifestReader.read("test", yaml).get(0));
    return t;
  }

  private static Ingress ingress(String metadataExtra, String specExtra) {
    return decode("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i%s}
        spec:
          defaultBackend: {service: {name: web, port: {number: 80}}}
        %s""".formatted(metadataExtra, specExtra));
  }

  @Test
  void servesItsClassByNameOrLegacyAnnotation() {
    assertThat(filter.handles(ingress("", "  ingressClassName: nginx\n"), classes)).isTrue();
    assertThat(filter.handles(ingress(", annotations: {kubernetes.io/ingress.class: nginx}", ""), classes)).isTrue();
  }

  @Test
  void ignoresOtherClassesUnknownClassesAndIngressesWithoutClass() {
    assertThat(filter.handles(ingress("", "  ingressClassName: traefik\n"), classes)).isFalse();
    assertThat(filter.handles(ingress("", "  ingressClassName: some-invalid-class-name\n"), classes)).isFalse();
    assertThat(filter.handles(ingress(", annotations: {kubernetes.io/ingress.class: traefik}", ""), classes)).isFalse();
    assertThat(filter.handles(ingress("", ""), classes)).isFalse();
  }
}
