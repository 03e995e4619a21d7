package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's heartbeat: it renews the node's Lease in {@code kube-node-lease} every 10 s (a
 * quarter of the 40 s lease duration, as the kubelet does), which is what the node lifecycle
 * controller watches. Renewals are timers, so an idle cluster settles. When the kubelet comes back
 * after a stop it also posts {@code Ready=True} again.
 */
final class NodeHeartbeat {
  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final Duration RENEW_INTERVAL = Duration.ofSeconds(10);
  private static final int LEASE_DURATION_SECONDS = 40;
  // metav1.MicroTime: RFC 3339 with six fraction digits
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final ApiServer api;
  private final String nodeName;
  private EventLoop.Event next;

  NodeHeartbeat(ApiServer api, String nodeName) {
    this.api = api;
    this.nodeName = nodeName;
  }

  /** Renews now (as a timer, after what the caller is doing) and every interval after. */
  void start() {
    schedule(Duration.ZERO);
  }

  void stop() {
    if (next != null) {
      next.cancel();
      next = null;
    }
  }

  /** The kubelet is back: report Ready and renew at once. */
  void resume() {
    postReady();
    renew();
  }

  private void schedule(Duration delay) {
    next = api.loop().scheduleTimer(delay, "kubelet " + nodeName + " renew lease", this::renew);
  }

  private void renew() {
    stop();
    // Component tests run without the lease namespace; the lease is then simply not kept.
    if (api.get(Namespace.KIND, "", LEASE_NAMESPACE).isPresent()) {
      api.write(lease());
    }
    schedule(RENEW_INTERVAL);
  }

  private KubeObject lease() {
    Optional<KubeObject> node = api.get(Node.KIND, "", nodeName);
    ObjectMeta.Builder meta = ObjectMeta.builder().namespace(LEASE_NAMESPACE).name(nodeName);
    Optional<KubeObject> existing = api.get("Lease", LEASE_NAMESPACE, nodeName);
    if (existing.isPresent()) {
      meta = existing.get().metadata().toBuilder();
    } else if (node.isPresent()) {
      meta.ownerReferences(List.of(new OwnerReference("v1", Node.KIND, nodeName, node.get().metadata().uid().orElse(""),
          Optional.empty(), Optional.empty())));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("holderIdentity", nodeName);
    spec.put("leaseDurationSeconds", LEASE_DURATION_SECONDS);
    spec.put("renewTime", MICRO_TIME.format(api.loop().clock().instant()));
    return new GenericObject("coordination.k8s.io/v1", "Lease", meta.build(), Map.of("spec", spec));
  }

  private void postReady() {
    api.get(Node.KIND, "", nodeName).map(Node.class::cast).ifPresent(node -> {
      String now = api.loop().clock().timestamp();
      boolean wasReady = NodeStates.readyStatus(node).equals("True");
      String since = wasReady ? NodeStates.ready(node).flatMap(NodeCondition::lastTransitionTime).orElse(now) : now;
      NodeCondition ready = new NodeCondition(Optional.of("Ready"), Optional.of("True"), Optional.of(now), Optional.of(since),
          Optional.of("KubeletReady"), Optional.of("kubelet is posting ready status"));
      api.write(NodeStates.withReady(node, ready));
    });
  }
}
