package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.DeleteOptions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    GarbageCollector.start(engine.api);
  }

  private Optional<KubeObject> configMap(String name) {
    return engine.api.get("ConfigMap", "default", name);
  }

  private KubeObject ownedBy(String name, String kind, KubeObject owner) {
    return engine.create("{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + ", ownerReferences: [{apiVersion: v1, kind: "
        + kind + ", name: " + owner.metadata().nameOrEmpty() + ", uid: " + owner.metadata().uid().orElseThrow() + "}]}}");
  }

  @Test
  void aDependentOfAnEventStaysWhileTheEventExistsAndGoesWithIt() {
    KubeObject event = engine.create("{apiVersion: v1, kind: Event, metadata: {name: e1}, involvedObject: {kind: Pod, name: p}, reason: R}");
    ownedBy("child", "Event", event);
    engine.loop.settle();
    assertThat(configMap("child")).isPresent();

    engine.api.delete("Event", "default", "e1", DeleteOptions.defaults());
    engine.loop.settle();
    assertThat(configMap("child")).isEmpty();
  }

  @Test
  void aDependentOfAnOwnerThatNeverExistedIsCollected() {
    KubeObject other = engine.create("{apiVersion: v1, kind: ConfigMap, metadata: {name: other}}");
    engine.create("{apiVersion: v1, kind: ConfigMap, metadata: {name: child, ownerReferences: [{apiVersion: v1, kind: Event, name: gone, uid: "
        + "00000000-0000-4000-8000-000000000000}]}}");
    ownedBy("kept", "ConfigMap", other);
    engine.loop.settle();
    assertThat(configMap("child")).isEmpty();
    assertThat(configMap("kept")).isPresent();
  }
}
