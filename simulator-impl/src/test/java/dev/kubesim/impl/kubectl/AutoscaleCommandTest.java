package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl autoscale}, {@code get hpa}, and the HPA controller on a cluster without
 * metrics-server: it scales only to the bounds, and says why it cannot do more.
 */
class AutoscaleCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: podinfo}
      spec:
        replicas: 1
        selector: {matchLabels: {app: podinfo}}
        template:
          metadata: {labels: {app: podinfo}}
          spec: {containers: [{name: podinfo, image: nginx, resources: {requests: {cpu: 100m}}}]}
      """;

  private static final String METRICS_ERROR = "failed to get cpu utilization: unable to get metrics for resource cpu: "
      + "unable to fetch metrics from resource metrics API: the server could not find the requested resource "
      + "(get pods.metrics.k8s.io)";

  private JsonNode hpa() {
    KubeObject o = k.cluster.api().get("HorizontalPodAutoscaler", "default", "podinfo").orElseThrow();
    return ObjectCodec.encode(o);
  }

  @Test
  void autoscalePostsAnAutoscalerStoredAsV2() {
    k.apply(DEPLOYMENT);
    assertThat(k.output("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80"))
        .isEqualTo("horizontalpodautoscaler.autoscaling/podinfo autoscaled\n");
    JsonNode hpa = hpa();
    assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.path("spec").path("scaleTargetRef").toString())
        .isEqualTo("{\"kind\":\"Deployment\",\"name\":\"podinfo\",\"apiVersion\":\"apps/v1\"}");
    assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(2);
    assertThat(hpa.path("spec").path("maxReplicas").asInt()).isEqualTo(4);
    assertThat(hpa.path("spec").path("metrics").toString()).isEqualTo(
        "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":80}}}]");
  }

  @Test
  void autoscaleRefusesWhatKubectlRefuses() {
    k.apply(DEPLOYMENT);
    assertThat(k.output("autoscale deployment podinfo --min=2"))
        .isEqualTo("error: --max=MAXPODS is required and must be at least 1, max: -1\n");
    assertThat(k.output("autoscale deployment podinfo --min=5 --max=4"))
        .isEqualTo("error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 4, min: 5\n");
    assertThat(k.output("autoscale deployment nothere --max=4"))
        .isEqualTo("Error from server (NotFound): deployments.apps \"nothere\" not found\n");
    assertThat(k.output("autoscale deployment podinfo --max=4")).endsWith("autoscaled\n");
    assertThat(k.output("autoscale deployment podinfo --max=4"))
        .isEqualTo("Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling \"podinfo\" already exists\n");
  }

  @Test
  void getShowsTheAutoscalersColumns() {
    k.apply(DEPLOYMENT);
    k.run("autoscale deployment podinfo --max=4");
    assertThat(k.output("get hpa")).matches(
        "NAME      REFERENCE            TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n"
            + "podinfo   Deployment/podinfo   cpu: <unknown>/80%   1         4         0          " + KubectlFixture.AGE + "\n");
  }

  @Test
  void theControllerScalesUpToTheMinimumWithAnEvent() {
    k.apply(DEPLOYMENT);
    k.run("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80");
    k.cluster.advance(Duration.ofSeconds(16));
    assertThat(k.cluster.kubectl("get deployment podinfo -o jsonpath={.spec.replicas}").stdout()).isEqualTo("2");
    JsonNode status = hpa().path("status");
    assertThat(status.path("currentReplicas").asInt()).isEqualTo(1);
    assertThat(status.path("desiredReplicas").asInt()).isEqualTo(2);
    assertThat(status.path("lastScaleTime").asText()).isNotEmpty();
    assertThat(status.path("conditions").get(0).path("reason").asText()).isEqualTo("SucceededRescale");
    assertThat(k.output("get events --field-selector involvedObject.kind=HorizontalPodAutoscaler"))
        .contains("SuccessfulRescale")
        .contains("New size: 2; reason: Current number of replicas below Spec.MinReplicas");
  }

  @Test
  void withoutMetricsTheControllerReportsWhyItCannotScale() {
    k.apply(DEPLOYMENT.replace("replicas: 1", "replicas: 3"));
    k.run("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80");
    k.cluster.advance(Duration.ofSeconds(16));
    JsonNode status = hpa().path("status");
    assertThat(status.path("currentReplicas").asInt()).isEqualTo(3);
    assertThat(status.path("desiredReplicas").asInt()).isZero();
    assertThat(status.path("currentMetrics").toString()).isEqualTo("[{\"type\":\"\"}]");
    JsonNode conditions = status.path("conditions");
    assertThat(conditions.get(0).path("type").asText()).isEqualTo("AbleToScale");
    assertThat(conditions.get(0).path("status").asText()).isEqualTo("True");
    assertThat(conditions.get(0).path("reason").asText()).isEqualTo("SucceededGetScale");
    assertThat(conditions.get(1).path("type").asText()).isEqualTo("ScalingActive");
    assertThat(conditions.get(1).path("status").asText()).isEqualTo("False");
    assertThat(conditions.get(1).path("reason").asText()).isEqualTo("FailedGetResourceMetric");
    assertThat(conditions.get(1).path("message").asText())
        .isEqualTo("the HPA was unable to compute the replica count: " + METRICS_ERROR);
    String events = k.output("get events --field-selector involvedObject.kind=HorizontalPodAutoscaler -o wide");
    assertThat(events).contains("FailedGetResourceMetric").contains(METRICS_ERROR)
        .contains("FailedComputeMetricsReplicas")
        .contains("invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: " + METRICS_ERROR);
    assertThat(k.output("get hpa")).contains("cpu: <unknown>/80%   2         4         3");
    String rv = hpa().path("metadata").path("resourceVersion").asText();
    k.cluster.advance(Duration.ofSeconds(60));
    assertThat(hpa().path("metadata").path("resourceVersion").asText()).as("an unchanged status is not written").isEqualTo(rv);
    assertThat(k.cluster.kubectl("get deployment podinfo -o jsonpath={.spec.replicas}").stdout()).isEqualTo("3");
  }

  @Test
  void describeShowsTheMetricsTheBoundsAndTheConditions() {
    k.apply(DEPLOYMENT.replace("replicas: 1", "replicas: 3"));
    k.run("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80");
    k.cluster.advance(Duration.ofSeconds(16));
    String pad = " ".repeat(55);
    assertThat(k.output("describe hpa podinfo"))
        .startsWith("Name:" + pad.substring(5) + "podinfo\n")
        .contains("Reference:" + pad.substring(10) + "Deployment/podinfo\n"
            + "Metrics:" + pad.substring(8) + "( current / target )\n"
            + "  resource cpu on pods  (as a percentage of request):  <unknown> / 80%\n"
            + "Min replicas:" + pad.substring(13) + "2\n"
            + "Max replicas:" + pad.substring(13) + "4\n"
            + "Deployment pods:" + pad.substring(16) + "3 current / 0 desired\n"
            + "Conditions:\n"
            + "  Type           Status  Reason                   Message\n"
            + "  ----           ------  ------                   -------\n"
            + "  AbleToScale    True    SucceededGetScale        the HPA controller was able to get the target's current scale\n"
            + "  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: " + METRICS_ERROR + "\n"
            + "Events:\n")
        .contains("FailedComputeMetricsReplicas");
  }

  @Test
  void aTargetAtZeroReplicasIsLeftAlone() {
    k.apply(DEPLOYMENT.replace("replicas: 1", "replicas: 0"));
    k.run("autoscale deployment podinfo --min=2 --max=4");
    k.cluster.advance(Duration.ofSeconds(16));
    assertThat(k.cluster.kubectl("get deployment podinfo -o jsonpath={.spec.replicas}").stdout()).isEqualTo("0");
    assertThat(hpa().path("status").path("conditions").get(1).path("reason").asText()).isEqualTo("ScalingDisabled");
  }
}
