package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.NamespaceStatus;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server writes nothing for an update or a controller's write that changes nothing. */
class NoOpWriteTest {
  private final ObjectStore store = new ObjectStore();
  private final ApiServer api = new ApiServer(store, new EventLoop(1));
  private final List<WatchEvent> events = new ArrayList<>();

  @Test
  void aControllersIdenticalStatusWriteKeepsTheResourceVersionAndSendsNoEvent() {
    Namespace created = api.create(Namespace.of(ObjectMeta.named("team"), new NamespaceSpec(null)));
    Namespace active = api.write(created.withStatus(new NamespaceStatus(java.util.Optional.of("Active"), null)));
    String rv = active.metadata().resourceVersion().orElseThrow();
    store.watchAll(events::add);

    Namespace again = api.write(active.withStatus(new NamespaceStatus(java.util.Optional.of("Active"), null)));
    Namespace withoutVersion = api.write(active.withMetadata(active.metadata().toBuilder().resourceVersion(null).build()));
    Namespace updated = api.update(active);

    assertThat(again).isEqualTo(active);
    assertThat(withoutVersion).isEqualTo(active);
    assertThat(updated).isEqualTo(active);
    assertThat(events).isEmpty();
    assertThat(store.resourceVersion()).isEqualTo(rv);

    Namespace terminating = api.write(active.withStatus(new NamespaceStatus(java.util.Optional.of("Terminating"), null)));
    assertThat(events).hasSize(1);
    assertThat(Long.parseLong(terminating.metadata().resourceVersion().orElseThrow())).isGreaterThan(Long.parseLong(rv));
  }
}
