package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.Steady;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's heartbeats. It renews the node's Lease in {@code kube-node-lease} every 10 s (a
 * quarter of the 40 s lease duration, as the kubelet's node lease controller does), which is what
 * the node lifecycle controller watches; and it posts the node's status when nothing changed once
 * every {@code nodeStatusReportFrequency} (5 min), which moves every condition's {@code
 * lastHeartbeatTime}. Both are periodic timers whose runs, on a healthy node, only renew: they are
 * coalesced while nothing else happens, and an idle cluster settles. When the kubelet comes back
 * after a stop it posts {@code Ready=True} and renews at once.
 */
final class NodeHeartbeat {
  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final Duration RENEW_INTERVAL = Duration.ofSeconds(10);
  /** {@code nodeStatusReportFrequency}: a status that did not change is still posted this often. */
  static final Duration STATUS_REPORT_INTERVAL = Duration.ofMinutes(5);
  private static final int LEASE_DURATION_SECONDS = 40;
  // metav1.MicroTime: RFC 3339 with six fraction digits
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final ApiServer api;
  private final String nodeName;
  private EventLoop.Periodic renewal;
  private EventLoop.Periodic report;

  /** Each renewal writes the Lease again with a new renewTime: that is all it does. */
  private final Steady renewing = new Steady() {
    @Override
    public long writes(long runs) {
      return runs;
    }

    @Override
    public long lastWriteRun(long runs) {
      return runs;
    }

    @Override
    public String renews() {
      return EventLoop.renewalKey("Lease", LEASE_NAMESPACE, nodeName);
    }

    @Override
    public long nextWriteRun() {
      return 1;
    }

    @Override
    public long writeGapRuns() {
      return 1;
    }

    @Override
    public void write(long run) {
      api.write(lease());
    }

    @Override
    public void skip(long runs) {}
  };

  /** Each report of an unchanged status writes the node again with new heartbeat times. */
  private final Steady reporting = new Steady() {
    @Override
    public boolean holds() {
      return api.get(Node.KIND, "", nodeName).isPresent();
    }

    @Override
    public long writes(long runs) {
      return runs;
    }

    @Override
    public long lastWriteRun(long runs) {
      return runs;
    }

    @Override
    public void write(long run) {
      api.get(Node.KIND, "", nodeName).map(Node.class::cast).ifPresent(n -> api.write(withHeartbeat(n)));
    }

    @Override
    public void skip(long runs) {}
  };

  NodeHeartbeat(ApiServer api, String nodeName) {
    this.api = api;
    this.nodeName = nodeName;
  }

  /** Renews now (as a timer, after what the caller is doing) and every interval after; reports every 5 min. */
  void start() {
    startRenewing(Duration.ZERO);
    startReporting();
  }

  void stop() {
    if (renewal != null) {
      renewal.cancel();
      renewal = null;
    }
    if (report != null) {
      report.cancel();
      report = null;
    }
  }

  /** The kubelet is back: report Ready and renew at once. */
  void resume() {
    postReady();
    renew(null);
    startRenewing(RENEW_INTERVAL);
    startReporting();
  }

  private void startRenewing(Duration first) {
    renewal = api.loop().schedulePeriodic(first, RENEW_INTERVAL, "kubelet " + nodeName + " renew lease", this::renew);
  }

  private void startReporting() {
    report = api.loop().schedulePeriodic(STATUS_REPORT_INTERVAL, STATUS_REPORT_INTERVAL,
        "kubelet " + nodeName + " post node status", this::report);
  }

  private void renew(EventLoop.Periodic run) {
    // Component tests run without the lease namespace; the lease is then simply not kept.
    if (api.get(Namespace.KIND, "", LEASE_NAMESPACE).isEmpty()) {
      if (run != null) {
        run.steady(Steady.NOTHING);
      }
      return;
    }
    Optional<KubeObject> before = api.get("Lease", LEASE_NAMESPACE, nodeName);
    KubeObject lease = lease();
    api.write(lease);
    // A renewal of a Lease as it was, but for its renewTime, is one the next runs repeat.
    if (run != null && before.isPresent() && sameBesidesRenewTime(before.get(), lease)) {
      run.steady(renewing);
    }
  }

  /** Whether two Leases differ at most in their renewTime (the spec's other fields and the metadata alike). */
  private static boolean sameBesidesRenewTime(KubeObject a, KubeObject b) {
    if (!(a instanceof GenericObject ga) || !(b instanceof GenericObject gb) || !ga.metadata().equals(gb.metadata())
        || ga.content().size() != 1 || gb.content().size() != 1
        || !(ga.content().get("spec") instanceof Map<?, ?> sa) || !(gb.content().get("spec") instanceof Map<?, ?> sb)
        || sa.size() != sb.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : sa.entrySet()) {
      if (!e.getKey().equals("renewTime") && !java.util.Objects.equals(e.getValue(), sb.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Posts the node's status as it is, with every condition's lastHeartbeatTime now. */
  private void report(EventLoop.Periodic run) {
    Optional<Node> node = api.get(Node.KIND, "", nodeName).map(Node.class::cast);
    if (node.isEmpty()) {
      return;
    }
    api.write(withHeartbeat(node.get()));
    run.steady(reporting);
  }

  private Node withHeartbeat(Node node) {
    String now = api.loop().clock().timestamp();
    NodeStatus s = node.status().orElse(null);
    if (s == null) {
      return node;
    }
    List<NodeCondition> conditions = new ArrayList<>();
    for (NodeCondition c : s.conditions()) {
      conditions.add(new NodeCondition(c.type(), c.status(), Optional.of(now), c.lastTransitionTime(), c.reason(), c.message()));
    }
    return node.withStatus(new NodeStatus(s.capacity(), s.allocatable(), s.phase(), conditions, s.addresses(),
        s.daemonEndpoints(), s.nodeInfo(), s.images(), s.volumesInUse(), s.volumesAttached(), s.config(),
        s.runtimeHandlers(), s.features(), s.declaredFeatures()));
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
