package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ServiceAccounts controller and the root-CA publisher (seed 1). */
class ServiceAccountsAndRootCaTest {
  private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    ServiceAccountsController.start(engine.api);
    RootCaCertPublisher.start(engine.api, PEM);
  }

  private GenericObject get(String kind, String ns, String name) {
    return (GenericObject) engine.api.get(kind, ns, name).orElseThrow(() -> new AssertionError(kind + " " + ns + "/" + name));
  }

  @Test
  void aNewNamespaceGetsTheDefaultAccountAndTheCaBundle() {
    engine.create("{apiVersion: v1, kind: Namespace, metadata: {name: kiada}}");
    engine.loop.settle();
    assertThat(get("ServiceAccount", "kiada", "default").content()).isEmpty();
    GenericObject cm = get("ConfigMap", "kiada", "kube-root-ca.crt");
    assertThat(cm.content()).isEqualTo(Map.of("data", Map.of("ca.crt", PEM)));
    assertThat(cm.metadata().annotations()).containsOnlyKeys("kubernetes.io/description");
    assertThat(cm.metadata().annotations().get("kubernetes.io/description"))
        .startsWith("Contains a CA bundle that can be used to verify the kube-apiserver");
  }

  @Test
  void deletedOrChangedObjectsArePutBack() {
    engine.loop.settle();
    engine.api.delete("ServiceAccount", "default", "default");
    engine.loop.settle();
    assertThat(engine.api.get("ServiceAccount", "default", "default")).isPresent();
    GenericObject cm = get("ConfigMap", "default", "kube-root-ca.crt");
    engine.api.update(new GenericObject("v1", "ConfigMap", cm.metadata(), Map.of("data", Map.of("ca.crt", "changed"))));
    engine.loop.settle();
    assertThat(get("ConfigMap", "default", "kube-root-ca.crt").content()).isEqualTo(Map.of("data", Map.of("ca.crt", PEM)));
    engine.api.delete("ConfigMap", "default", "kube-root-ca.crt");
    engine.loop.settle();
    assertThat(engine.api.get("ConfigMap", "default", "kube-root-ca.crt")).isPresent();
  }
}
