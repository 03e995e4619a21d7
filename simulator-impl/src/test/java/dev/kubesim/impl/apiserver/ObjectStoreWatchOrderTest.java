package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client's watch hears changes in commit order even when an engine watcher writes while it is told. */
class ObjectStoreWatchOrderTest {
  private final ObjectStore store = new ObjectStore();

  private KubeObject configMap(String name) {
    ObjectMeta meta = ObjectMeta.builder().namespace("default").name(name).resourceVersion(store.nextResourceVersion()).build();
    return new GenericObject("v1", "ConfigMap", meta, Map.of());
  }

  private static String rvAndName(WatchEvent e) {
    return e.object().metadata().resourceVersion().orElseThrow() + " " + e.object().metadata().nameOrEmpty();
  }

  @Test
  void inOrderWatchersHearAChangeMadeDuringAnotherAfterIt() {
    // an engine component answering one change with another, as the kubelet answers a binding
    store.watch("ConfigMap", e -> {
      if (e.object().metadata().nameOrEmpty().equals("first")) {
        store.put(configMap("answer"));
      }
    });
    List<String> immediate = new ArrayList<>();
    List<String> inOrder = new ArrayList<>();
    store.watchAll(e -> immediate.add(rvAndName(e)));
    store.watchAllInOrder(e -> inOrder.add(rvAndName(e)));

    store.put(configMap("first"));

    assertThat(immediate).containsExactly("3 answer", "2 first");
    assertThat(inOrder).containsExactly("2 first", "3 answer");
  }

  @Test
  void anInOrderWatcherRemovedHearsNothingMore() {
    List<String> heard = new ArrayList<>();
    java.util.function.Consumer<WatchEvent> watcher = e -> heard.add(rvAndName(e));
    store.watchAllInOrder(watcher);
    store.put(configMap("a"));
    store.unwatchAllInOrder(watcher);
    store.put(configMap("b"));

    assertThat(heard).containsExactly("2 a");
  }
}
