package dev.kubesim.impl.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.KindRegistry;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.Steady;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The horizontal pod autoscaler controller ({@code pkg/controller/podautoscaler/horizontal.go}) on a
 * cluster without metrics-server: every HPA is reconciled {@link #SYNC_PERIOD} after it appears and
 * then every sync period ({@code --horizontal-pod-autoscaler-sync-period}), as the real controller's
 * queue re-adds each key with the resync delay. A reconcile reads the target's scale; with 0
 * replicas it does nothing (scaling disabled); below {@code minReplicas} or above {@code
 * maxReplicas} it scales to the bound ({@code SuccessfulRescale}); otherwise it needs metrics, and
 * with no resource metrics API every metric fails: {@code FailedGetResourceMetric} and {@code
 * FailedComputeMetricsReplicas} warnings, {@code ScalingActive=False}, the replica count left as it
 * is. The status is written only when it changed.
 *
 * <p>Time: each HPA has one periodic timer, not awaited by settling. A run that changes nothing
 * (a target at zero replicas) is steady and coalesced; a run whose only effect is the warnings the
 * event recorder's spam filter drops wakes nothing outside its own scope. An HPA failing for want of
 * metrics thus costs one cheap reconcile per sync period (240 a virtual hour) and the recorder's
 * rate-limited patches (one per five minutes once its burst is spent), which wake the other timers.
 */
public final class HorizontalPodAutoscalerController {
  /** The controller manager's default {@code --horizontal-pod-autoscaler-sync-period}. */
  public static final Duration SYNC_PERIOD = Duration.ofSeconds(15);
  static final String KIND = "HorizontalPodAutoscaler";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String NO_METRICS_API =
      "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)";
  private static final String NO_CUSTOM_METRICS_API =
      "unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered";

  private final ApiServer api;
  private final EventRecorder events;
  /** The periodic reconcile of each HPA; looked up by key only. */
  private final Map<ObjectKey, EventLoop.Periodic> timers = new HashMap<>();

  private HorizontalPodAutoscalerController(ApiServer api) {
    this.api = api;
    this.events = new EventRecorder(api, "horizontal-pod-autoscaler", "");
  }

  /** Starts the controller: watches HPAs and reconciles each one every sync period. */
  public static HorizontalPodAutoscalerController start(ApiServer api) {
    HorizontalPodAutoscalerController c = new HorizontalPodAutoscalerController(api);
    api.store().watch(KIND, c::onChange);
    return c;
  }

  private void onChange(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      EventLoop.Periodic timer = timers.remove(key);
      if (timer != null) {
        timer.cancel();
      }
      return;
    }
    // AddRateLimited with the resync period as the fixed interval: a key already waiting stays as it is
    timers.computeIfAbsent(key, k -> api.loop().schedulePeriodic(SYNC_PERIOD, SYNC_PERIOD,
        "horizontal-pod-autoscaler sync " + k.namespace() + "/" + k.name(), run -> {
          if (api.get(KIND, k.namespace(), k.name()).isPresent() && !reconcile(k)) {
            run.steady(Steady.NOTHING);
          }
        }).scope(new EventLoop.Scope()));
  }

  /** One reconcile; whether it wrote, scaled or recorded anything (otherwise its repeats are steady). */
  private boolean reconcile(ObjectKey key) {
    KubeObject hpa = api.get(KIND, key.namespace(), key.name()).orElseThrow();
    ObjectNode tree = ObjectCodec.encode(hpa);
    JsonNode spec = tree.path("spec");
    ObjectNode status = tree.has("status") && tree.get("status").isObject()
        ? ((ObjectNode) tree.get("status")).deepCopy() : JSON.objectNode();
    JsonNode original = status.deepCopy();
    String targetKind = spec.path("scaleTargetRef").path("kind").asText("");
    String targetName = spec.path("scaleTargetRef").path("name").asText("");
    Optional<KubeObject> target = scaleTarget(key.namespace(), targetKind, targetName);
    if (target.isEmpty()) {
      String err = notFound(targetKind, targetName);
      events.warning(hpa, "FailedGetScale", err);
      condition(status, "AbleToScale", "False", "FailedGetScale",
          "the HPA controller was unable to get the target's current scale: " + err);
      writeStatus(hpa, tree, status, original);
      return true;
    }
    condition(status, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
    int current = replicas(target.get());
    int min = spec.path("minReplicas").asInt(1);
    int max = spec.path("maxReplicas").asInt(0);
    int desired;
    String reason = "";
    boolean rescale = true;
    ArrayNode metricStatuses = null;
    if (current == 0 && min != 0) {
      desired = 0;
      rescale = false;
      condition(status, "ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
    } else if (current > max) {
      reason = "Current number of replicas above Spec.MaxReplicas";
      desired = max;
    } else if (current < min) {
      reason = "Current number of replicas below Spec.MinReplicas";
      desired = min;
    } else {
      // computeReplicasForMetrics: without a metrics API every metric fails
      JsonNode metrics = spec.path("metrics");
      metricStatuses = JSON.arrayNode();
      String firstError = null;
      String[] firstCondition = null;
      for (JsonNode metric : metrics) {
        metricStatuses.addObject().put("type", "");
        String[] failure = failure(metric, key.namespace(), targetKind, targetName);
        events.warning(hpa, failure[0], failure[2]);
        if (firstError == null) {
          firstError = failure[1];
          firstCondition = new String[] {failure[0], "the HPA was unable to compute the replica count: " + failure[2]};
        }
      }
      int invalid = metrics.size();
      if (firstCondition != null) {
        condition(status, "ScalingActive", "False", firstCondition[0], firstCondition[1]);
      }
      setStatus(status, current, status.path("desiredReplicas").asInt(0), metricStatuses, false);
      writeStatus(hpa, tree, status, original);
      events.warning(hpa, "FailedComputeMetricsReplicas",
          "invalid metrics (" + invalid + " invalid out of " + metrics.size() + "), first error is: " + firstError);
      return true;
    }
    if (rescale) {
      try {
        scale(target.get(), desired);
      } catch (KubeSimException e) {
        events.warning(hpa, "FailedRescale", "New size: " + desired + "; reason: " + reason + "; error: " + e.getMessage());
        condition(status, "AbleToScale", "False", "FailedUpdateScale",
            "the HPA controller was unable to update the target scale: " + e.getMessage());
        setStatus(status, current, status.path("desiredReplicas").asInt(0), null, false);
        writeStatus(hpa, tree, status, original);
        return true;
      }
      condition(status, "AbleToScale", "True", "SucceededRescale", "the HPA controller was able to update the target scale to " + desired);
      events.normal(hpa, "SuccessfulRescale", "New size: " + desired + "; reason: " + reason);
    } else {
      desired = current;
    }
    setStatus(status, current, desired, metricStatuses, rescale);
    return writeStatus(hpa, tree, status, original) || rescale;
  }

  /** {reason, the error computeReplicasForMetric returns, the error the event and condition carry} for a metric. */
  private static String[] failure(JsonNode metric, String namespace, String targetKind, String targetName) {
    String type = metric.path("type").asText("");
    switch (type) {
      case "Resource", "ContainerResource" -> {
        JsonNode source = metric.path(type.equals("Resource") ? "resource" : "containerResource");
        String name = source.path("name").asText("");
        boolean value = source.path("target").has("averageValue");
        String inner = "failed to get " + name + (value ? " usage: " : " utilization: ")
            + "unable to get metrics for resource " + name + ": " + NO_METRICS_API;
        String reason = type.equals("Resource") ? "FailedGetResourceMetric" : "FailedGetContainerResourceMetric";
        String outer = type.equals("Resource") ? "failed to get " + name + " resource metric value: " + inner
            : "failed to get " + name + " container metric value: " + inner;
        return new String[] {reason, outer, inner};
      }
      case "Pods" -> {
        String name = metric.path("pods").path("metric").path("name").asText("");
        String inner = "unable to get metric " + name + ": " + NO_CUSTOM_METRICS_API;
        return new String[] {"FailedGetPodsMetric", "failed to get pods metric value: " + inner, inner};
      }
      case "Object" -> {
        String name = metric.path("object").path("metric").path("name").asText("");
        JsonNode described = metric.path("object").path("describedObject");
        String inner = "unable to get metric " + name + ": " + described.path("kind").asText("") + " on " + namespace + " "
            + described.path("name").asText("") + "/" + NO_CUSTOM_METRICS_API;
        return new String[] {"FailedGetObjectMetric", "failed to get object metric value: " + inner, inner};
      }
      case "External" -> {
        String name = metric.path("external").path("metric").path("name").asText("");
        String inner = "unable to get external metric " + namespace + "/" + name + "/nil: unable to fetch metrics from external "
            + "metrics API: the server could not find the requested resource (get " + name + ".external.metrics.k8s.io)";
        return new String[] {"FailedGetExternalMetric", "failed to get external metric value: " + inner, inner};
      }
      default -> {
        String err = "unknown metric source type \"" + type + "\"";
        return new String[] {"InvalidMetricSourceType", err, err};
      }
    }
  }

  /** {@code setStatus}: the lastScaleTime moves on with a rescale; currentReplicas is left out at 0 (omitempty). */
  private void setStatus(ObjectNode status, int current, int desired, ArrayNode metrics, boolean rescale) {
    ObjectNode out = JSON.objectNode();
    if (status.has("observedGeneration")) {
      out.set("observedGeneration", status.get("observedGeneration"));
    }
    if (rescale) {
      out.put("lastScaleTime", api.loop().clock().timestamp());
    } else if (status.has("lastScaleTime")) {
      out.set("lastScaleTime", status.get("lastScaleTime"));
    }
    if (current != 0) {
      out.put("currentReplicas", current);
    }
    out.put("desiredReplicas", desired);
    if (metrics != null && metrics.size() > 0) {
      out.set("currentMetrics", metrics);
    }
    if (status.has("conditions")) {
      out.set("conditions", status.get("conditions"));
    }
    status.removeAll();
    status.setAll(out);
  }

  /** {@code setConditionInList}: the transition time moves only when the status does. */
  private void condition(ObjectNode status, String type, String value, String reason, String message) {
    ArrayNode conditions = status.has("conditions") && status.get("conditions").isArray()
        ? (ArrayNode) status.get("conditions") : status.putArray("conditions");
    ObjectNode existing = null;
    for (JsonNode c : conditions) {
      if (c.path("type").asText().equals(type)) {
        existing = (ObjectNode) c;
        break;
      }
    }
    if (existing == null) {
      existing = conditions.addObject();
      existing.put("type", type);
    }
    ObjectNode c = JSON.objectNode();
    c.put("type", type);
    c.put("status", value);
    c.put("lastTransitionTime", existing.path("status").asText("").equals(value)
        ? existing.path("lastTransitionTime").asText(api.loop().clock().timestamp()) : api.loop().clock().timestamp());
    c.put("reason", reason);
    c.put("message", message);
    existing.removeAll();
    existing.setAll(c);
  }

  /** {@code updateStatusIfNeeded}: written only when it changed. */
  private boolean writeStatus(KubeObject hpa, ObjectNode tree, ObjectNode status, JsonNode original) {
    if (status.equals(original)) {
      return false;
    }
    ObjectNode updated = tree.deepCopy();
    updated.set("status", status);
    KubeObject object = ObjectCodec.decode(new Document("horizontal-pod-autoscaler", 0, updated));
    api.write(object.withMetadata(hpa.metadata()));
    return true;
  }

  private Optional<KubeObject> scaleTarget(String namespace, String kind, String name) {
    if (!kind.equals(Deployment.KIND) && !kind.equals(ReplicaSet.KIND) && !kind.equals(ReplicationController.KIND)
        && !kind.equals("StatefulSet")) {
      return Optional.empty();
    }
    return api.get(kind, namespace, name);
  }

  private static String notFound(String kind, String name) {
    String resource = KindRegistry.byKind(kind).map(k -> k.qualifiedResource())
        .orElse(kind.toLowerCase(java.util.Locale.ROOT) + "s");
    return resource + " \"" + name + "\" not found";
  }

  private static int replicas(KubeObject o) {
    if (o instanceof Deployment d) {
      return d.specOrEmpty().replicas().orElse(1);
    }
    if (o instanceof ReplicaSet rs) {
      return rs.specOrEmpty().replicas().orElse(1);
    }
    if (o instanceof ReplicationController rc) {
      return rc.specOrEmpty().replicas().orElse(1);
    }
    return ObjectCodec.encode(o).path("spec").path("replicas").asInt(1);
  }

  /** Writes the target's scale subresource: its {@code spec.replicas}. */
  private void scale(KubeObject o, int replicas) {
    KubeObject updated;
    if (o instanceof Deployment d) {
      updated = d.withSpec(d.specOrEmpty().withReplicas(replicas));
    } else if (o instanceof ReplicaSet rs) {
      updated = rs.withSpec(rs.specOrEmpty().withReplicas(replicas));
    } else if (o instanceof ReplicationController rc) {
      updated = rc.withSpec(rc.specOrEmpty().withReplicas(replicas));
    } else {
      ObjectNode tree = ObjectCodec.encode(o);
      tree.with("spec").put("replicas", replicas);
      tree.with("metadata").remove("resourceVersion");
      updated = ObjectCodec.decode(new Document("horizontal-pod-autoscaler", 0, tree));
    }
    api.update(updated);
  }
}
