package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HorizontalPodAutoscalers served in autoscaling/v2 and autoscaling/v1, stored once, converted per version. */
class HorizontalPodAutoscalerVersionsTest {
  private static final String V1 = "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers";
  private static final String V2 = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void discoveryListsBothVersionsV2Preferred() {
    JsonNode group = f.get("/apis/autoscaling").json();
    assertThat(group.path("versions").toString()).isEqualTo(
        "[{\"groupVersion\":\"autoscaling/v2\",\"version\":\"v2\"},{\"groupVersion\":\"autoscaling/v1\",\"version\":\"v1\"}]");
    assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v2");
    JsonNode v1 = f.get("/apis/autoscaling/v1").json();
    assertThat(v1.path("resources").get(0).path("name").asText()).isEqualTo("horizontalpodautoscalers");
    JsonNode aggregated = f.get("/apis", Discovery.AGGREGATED_V2).json();
    for (JsonNode g : aggregated.path("items")) {
      if (g.path("metadata").path("name").asText().equals("autoscaling")) {
        assertThat(g.path("versions").get(0).path("version").asText()).isEqualTo("v2");
        assertThat(g.path("versions").get(1).path("version").asText()).isEqualTo("v1");
      }
    }
    assertThat(f.get("/openapi/v3").json().path("paths").has("apis/autoscaling/v1")).isTrue();
  }

  @Test
  void aV1AutoscalerReadsBackAsV2() {
    String body = "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
        + "\"minReplicas\":2,\"maxReplicas\":4,\"targetCPUUtilizationPercentage\":70}}";
    ServedApiFixture.Reply created = f.post(V1, body);
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(created.json().path("spec").path("targetCPUUtilizationPercentage").asInt()).isEqualTo(70);
    JsonNode v2 = f.get(V2 + "/web").json();
    assertThat(v2.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(v2.path("spec").has("targetCPUUtilizationPercentage")).isFalse();
    assertThat(v2.path("spec").path("metrics").toString()).isEqualTo(
        "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":70}}}]");
    assertThat(f.get(V1).json().path("items").get(0).path("spec").path("targetCPUUtilizationPercentage").asInt())
        .isEqualTo(70);
  }

  @Test
  void aV2AutoscalerReadsBackAsV1() {
    String body = "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
        + "\"maxReplicas\":5,\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
        + "\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}}]}}";
    assertThat(f.post(V2, body).code()).isEqualTo(201);
    JsonNode v1 = f.get(V1 + "/web").json();
    assertThat(v1.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(v1.path("spec").toString()).isEqualTo(
        "{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
            + "\"minReplicas\":1,\"maxReplicas\":5,\"targetCPUUtilizationPercentage\":50}");
    ServedApiFixture.Reply patched = f.patch(V1 + "/web", "application/merge-patch+json",
        "{\"spec\":{\"maxReplicas\":6}}");
    assertThat(patched.code()).isEqualTo(200);
    assertThat(f.get(V2 + "/web").json().path("spec").path("maxReplicas").asInt()).isEqualTo(6);
    assertThat(f.delete(V1 + "/web", null).code()).isEqualTo(200);
    assertThat(f.get(V2 + "/web").code()).isEqualTo(404);
  }
}
