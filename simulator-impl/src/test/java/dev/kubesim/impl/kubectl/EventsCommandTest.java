package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/** {@code kubectl events} and {@code kubectl api-versions}. */
class EventsCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void eventsListTheNamespacesEventsOldestFirstWithKindAndName() {
    k.output("run web --image=nginx:1.27.3");
    k.output("wait --for=condition=Ready pod/web --timeout=60s");

    String out = k.output("events");

    assertThat(out).startsWith("LAST SEEN   TYPE     REASON      OBJECT    MESSAGE\n");
    assertThat(out).containsPattern("\\n\\S+ +Normal +Scheduled +Pod/web +Successfully assigned default/web to node-\\d\\n");
    assertThat(out.indexOf("Scheduled")).isLessThan(out.indexOf("Started"));
    assertThat(k.output("events --for pod/web --types=Warning")).isEqualTo("No events found in default namespace.\n");
    assertThat(k.output("events --for pod/nope")).isEqualTo("No events found in default namespace.\n");
    assertThat(k.output("events -A --no-headers")).contains("default   ");
  }

  @Test
  void badTypesAreRefused() {
    KubectlResult r = k.run("events --types=Error");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: valid --types are Normal or Warning\n");
  }

  @Test
  void apiVersionsListsEveryServedGroupVersionSorted() {
    String out = k.output("api-versions");

    assertThat(out).contains("apps/v1\n", "autoscaling/v1\n", "autoscaling/v2\n", "networking.k8s.io/v1\n").endsWith("v1\n");
    assertThat(out.lines().toList()).isSorted();
  }
}
