package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.impl.apiserver.Patches;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write that changes nothing is no write (etcd3's {@code GuaranteedUpdate}): the answer is 200 with
 * the object as stored, its resourceVersion stays, and no watch hears of it.
 */
class NoOpWriteTest {
  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String CONFIG_MAP =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"a\":\"b\"}},"
          + "\"data\":{\"k\":\"v\"}}";
  private static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
       "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
      """;

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static String rv(JsonNode o) {
    return o.path("metadata").path("resourceVersion").asText();
  }

  @Test
  void aPutOrPatchThatChangesNothingKeepsTheResourceVersionAndTellsNoWatch() {
    JsonNode created = f.post(CONFIG_MAPS, CONFIG_MAP).json();
    String rv = rv(created);
    try (Stream<String> lines = f.stream(CONFIG_MAPS + "?watch=true&resourceVersion=" + rv)) {
      Iterator<String> events = lines.iterator();

      ServedApiFixture.Reply put = f.put(CONFIG_MAPS + "/cfg", created.toString());
      assertThat(put.code()).isEqualTo(200);
      assertThat(rv(put.json())).isEqualTo(rv);
      assertThat(put.json()).isEqualTo(f.get(CONFIG_MAPS + "/cfg").json());

      ServedApiFixture.Reply putWithoutVersion = f.put(CONFIG_MAPS + "/cfg", CONFIG_MAP);
      assertThat(putWithoutVersion.code()).isEqualTo(200);
      assertThat(rv(putWithoutVersion.json())).isEqualTo(rv);

      for (String type : new String[] {Patches.MERGE, Patches.STRATEGIC}) {
        ServedApiFixture.Reply same = f.patch(CONFIG_MAPS + "/cfg", type, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
        assertThat(same.code()).isEqualTo(200);
        assertThat(rv(same.json())).as(type).isEqualTo(rv);
      }
      ServedApiFixture.Reply jsonPatch = f.patch(CONFIG_MAPS + "/cfg", Patches.JSON_PATCH,
          "[{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"v\"}]");
      assertThat(rv(jsonPatch.json())).isEqualTo(rv);

      ServedApiFixture.Reply changed = f.patch(CONFIG_MAPS + "/cfg", Patches.MERGE, "{\"data\":{\"k\":\"w\"}}");
      assertThat(Long.parseLong(rv(changed.json()))).isGreaterThan(Long.parseLong(rv));

      JsonNode first = ServedApiFixture.json(events.next());
      assertThat(first.path("type").asText()).isEqualTo("MODIFIED");
      assertThat(first.path("object").path("data").path("k").asText())
          .as("the first event the watch hears is the one real change").isEqualTo("w");
    }
  }

  @Test
  void scalingOrWritingTheStatusToWhatItIsWritesNothing() {
    f.post(DEPLOYMENTS, DEPLOYMENT);
    JsonNode settled = f.get(DEPLOYMENTS + "/web").json();
    String rv = rv(settled);

    JsonNode scale = f.get(DEPLOYMENTS + "/web/scale").json();
    ServedApiFixture.Reply sameScale = f.put(DEPLOYMENTS + "/web/scale", scale.toString());
    assertThat(sameScale.code()).isEqualTo(200);
    assertThat(rv(sameScale.json())).isEqualTo(rv);
    ServedApiFixture.Reply sameReplicas = f.patch(DEPLOYMENTS + "/web/scale", Patches.MERGE, "{\"spec\":{\"replicas\":2}}");
    assertThat(rv(sameReplicas.json())).isEqualTo(rv);

    ServedApiFixture.Reply sameStatus = f.put(DEPLOYMENTS + "/web/status", settled.toString());
    assertThat(sameStatus.code()).isEqualTo(200);
    assertThat(rv(sameStatus.json())).isEqualTo(rv);
    assertThat(rv(f.get(DEPLOYMENTS + "/web").json())).isEqualTo(rv);
  }
}
