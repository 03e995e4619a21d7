package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.NodeSystemInfo;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import dev.kubesim.impl.kubectl.printers.Cells;
import dev.kubesim.impl.kubectl.printers.NodeTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code describeNode}: identity, taints, the kubelet's lease, conditions, addresses, capacity,
 * system info, pod CIDRs, the non-terminated pods with their requests and limits, and the
 * allocated totals. The lease lines are those of the node's Lease in {@code kube-node-lease}, as the
 * kubelet last renewed it.
 */
final class NodeDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Node node = (Node) object;
    NodeSpec spec = node.specOrEmpty();
    NodeStatus status = node.status().orElse(null);
    List<Pod> pods = new ArrayList<>();
    for (KubeObject o : ctx.listAll("Pod")) {
      Pod p = (Pod) o;
      String phase = p.status().flatMap(s -> s.phase()).orElse("");
      if (p.specOrEmpty().nodeName().filter(node.metadata().nameOrEmpty()::equals).isPresent()
          && !phase.equals("Succeeded") && !phase.equals("Failed")) {
        pods.add(p);
      }
    }
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", node.metadata().nameOrEmpty());
      List<String> roles = NodeTable.roles(node);
      w.write(LEVEL_0, "Roles:\t%s\n", roles.isEmpty() ? "<none>" : String.join(",", roles));
      w.printLabelsMultiline("Labels", node.metadata().labels());
      w.printAnnotationsMultiline("Annotations", node.metadata().annotations());
      w.write(LEVEL_0, "CreationTimestamp:\t%s\n", GoTime.rfc1123z(node.metadata().creationTimestamp()));
      taints(w, spec.taints());
      w.write(LEVEL_0, "Unschedulable:\t%s\n", spec.unschedulable().orElse(false));
      lease(w, ctx, node.metadata().nameOrEmpty());
      if (status != null && !status.conditions().isEmpty()) {
        w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
        w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
        for (NodeCondition c : status.conditions()) {
          w.write(LEVEL_1, "%s \t%s \t%s \t%s \t%s \t%s\n", c.type().orElse(""), c.status().orElse(""),
              GoTime.rfc1123z(c.lastHeartbeatTime()), GoTime.rfc1123z(c.lastTransitionTime()), c.reason().orElse(""),
              c.message().orElse(""));
        }
      }
      w.write(LEVEL_0, "Addresses:\n");
      if (status != null) {
        for (NodeAddress a : status.addresses()) {
          w.write(LEVEL_1, "%s:\t%s\n", a.type().orElse(""), a.address().orElse(""));
        }
      }
      Map<String, String> capacity = status == null ? Map.of() : status.capacity();
      Map<String, String> allocatable = status == null ? Map.of() : status.allocatable();
      if (!capacity.isEmpty()) {
        w.write(LEVEL_0, "Capacity:\n");
        resourceList(w, capacity);
      }
      if (!allocatable.isEmpty()) {
        w.write(LEVEL_0, "Allocatable:\n");
        resourceList(w, allocatable);
      }
      NodeSystemInfo info = status == null ? null : status.nodeInfo().orElse(null);
      w.write(LEVEL_0, "System Info:\n");
      w.write(LEVEL_0, "  Machine ID:\t%s\n", info == null ? "" : info.machineID().orElse(""));
      w.write(LEVEL_0, "  System UUID:\t%s\n", info == null ? "" : info.systemUUID().orElse(""));
      w.write(LEVEL_0, "  Boot ID:\t%s\n", info == null ? "" : info.bootID().orElse(""));
      w.write(LEVEL_0, "  Kernel Version:\t%s\n", info == null ? "" : info.kernelVersion().orElse(""));
      w.write(LEVEL_0, "  OS Image:\t%s\n", info == null ? "" : info.osImage().orElse(""));
      w.write(LEVEL_0, "  Operating System:\t%s\n", info == null ? "" : info.operatingSystem().orElse(""));
      w.write(LEVEL_0, "  Architecture:\t%s\n", info == null ? "" : info.architecture().orElse(""));
      w.write(LEVEL_0, "  Container Runtime Version:\t%s\n", info == null ? "" : info.containerRuntimeVersion().orElse(""));
      w.write(LEVEL_0, "  Kubelet Version:\t%s\n", info == null ? "" : info.kubeletVersion().orElse(""));
      w.write(LEVEL_0, "  Kube-Proxy Version:\t%s\n", info == null ? "" : info.kubeProxyVersion().orElse(""));
      spec.podCIDR().filter(s -> !s.isEmpty()).ifPresent(c -> w.write(LEVEL_0, "PodCIDR:\t%s\n", c));
      if (!spec.podCIDRs().isEmpty()) {
        w.write(LEVEL_0, "PodCIDRs:\t%s\n", String.join(",", spec.podCIDRs()));
      }
      spec.providerID().filter(s -> !s.isEmpty()).ifPresent(p -> w.write(LEVEL_0, "ProviderID:\t%s\n", p));
      nodeResources(w, pods, allocatable.isEmpty() ? capacity : allocatable, ctx.now());
      EventsSection.write(w, EventsSection.find(ctx, node, true), ctx.now());
    });
  }

  /** {@code printNodeTaintsMultiline}: sorted by effect and key. */
  /** The node's Lease: holder, acquire and renew times, each {@code <unset>} where the Lease has none. */
  private static void lease(PrefixWriter w, DescribeContext ctx, String node) {
    Optional<KubeObject> lease = ctx.api().get("Lease", "kube-node-lease", node);
    if (lease.isEmpty() || !(lease.get() instanceof GenericObject g)) {
      w.write(LEVEL_0, "Lease:\tFailed to get lease: leases.coordination.k8s.io \"%s\" not found\n", node);
      return;
    }
    Map<?, ?> spec = g.content().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, "HolderIdentity:\t%s\n", spec.get("holderIdentity") == null ? "<unset>" : spec.get("holderIdentity"));
    w.write(LEVEL_1, "AcquireTime:\t%s\n", time(spec.get("acquireTime")));
    w.write(LEVEL_1, "RenewTime:\t%s\n", time(spec.get("renewTime")));
  }

  private static String time(Object microTime) {
    return microTime == null ? "<unset>" : GoTime.rfc1123z(Optional.of(microTime.toString()));
  }

  private static void taints(PrefixWriter w, List<Object> taints) {
    w.write(LEVEL_0, "%s:\t", "Taints");
    if (taints.isEmpty()) {
      w.writeLine("<none>");
      return;
    }
    List<Map<?, ?>> sorted = new ArrayList<>();
    for (Object o : taints) {
      if (o instanceof Map<?, ?> m) {
        sorted.add(m);
      }
    }
    sorted.sort(Comparator.comparing(t -> Objects.toString(t.get("effect"), "") + "," + Objects.toString(t.get("key"), "")));
    for (int i = 0; i < sorted.size(); i++) {
      Map<?, ?> t = sorted.get(i);
      if (i != 0) {
        w.write(LEVEL_0, "%s", "\t");
      }
      String value = Objects.toString(t.get("value"), "");
      w.write(LEVEL_0, "%s\n", Objects.toString(t.get("key"), "") + (value.isEmpty() ? "" : "=" + value) + ":"
          + Objects.toString(t.get("effect"), ""));
    }
  }

  private static void resourceList(PrefixWriter w, Map<String, String> resources) {
    new TreeMap<>(resources).forEach(
        (k, v) -> w.write(LEVEL_0, "  %s:\t%s\n", k, Quantity.parse(v).map(Quantity::toString).orElse(v)));
  }

  /** {@code describeNodeResource}. */
  private static void nodeResources(PrefixWriter w, List<Pod> pods, Map<String, String> allocatable, Instant now) {
    w.write(LEVEL_0, "Non-terminated Pods:\t(%d in total)\n", pods.size());
    w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    Quantity cpu = Quantity.parse(allocatable.get("cpu")).orElse(Quantity.ZERO);
    Quantity memory = Quantity.parse(allocatable.get("memory")).orElse(Quantity.ZERO);
    Quantity storage = Quantity.parse(allocatable.get("ephemeral-storage")).orElse(Quantity.ZERO);
    Map<String, Quantity> totalRequests = new TreeMap<>();
    Map<String, Quantity> totalLimits = new TreeMap<>();
    for (Pod pod : pods) {
      Map<String, Quantity> req = podResources(pod, "requests");
      Map<String, Quantity> lim = podResources(pod, "limits");
      req.forEach((k, v) -> totalRequests.merge(k, v, Quantity::plus));
      lim.forEach((k, v) -> totalLimits.merge(k, v, Quantity::plus));
      Quantity cpuReq = req.getOrDefault("cpu", Quantity.ZERO);
      Quantity cpuLim = lim.getOrDefault("cpu", Quantity.ZERO);
      Quantity memReq = req.getOrDefault("memory", Quantity.ZERO);
      Quantity memLim = lim.getOrDefault("memory", Quantity.ZERO);
      w.write(LEVEL_1, "%s\t%s\t\t%s (%d%%)\t%s (%d%%)\t%s (%d%%)\t%s (%d%%)\t%s\n",
          pod.metadata().namespace().orElse(""), pod.metadata().nameOrEmpty(),
          cpuReq, percent(cpuReq.milliValue(), cpu.milliValue()), cpuLim, percent(cpuLim.milliValue(), cpu.milliValue()),
          memReq, percent(memReq.wholeValue(), memory.wholeValue()), memLim, percent(memLim.wholeValue(), memory.wholeValue()),
          Cells.age(pod, now));
    }
    w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    Quantity cpuReqs = totalRequests.getOrDefault("cpu", Quantity.ZERO);
    Quantity cpuLims = totalLimits.getOrDefault("cpu", Quantity.ZERO);
    Quantity memReqs = totalRequests.getOrDefault("memory", Quantity.ZERO);
    Quantity memLims = totalLimits.getOrDefault("memory", Quantity.ZERO);
    Quantity stReqs = totalRequests.getOrDefault("ephemeral-storage", Quantity.ZERO);
    Quantity stLims = totalLimits.getOrDefault("ephemeral-storage", Quantity.ZERO);
    w.write(LEVEL_1, "%s\t%s (%d%%)\t%s (%d%%)\n", "cpu", cpuReqs, percent(cpuReqs.milliValue(), cpu.milliValue()),
        cpuLims, percent(cpuLims.milliValue(), cpu.milliValue()));
    w.write(LEVEL_1, "%s\t%s (%d%%)\t%s (%d%%)\n", "memory", memReqs, percent(memReqs.wholeValue(), memory.wholeValue()),
        memLims, percent(memLims.wholeValue(), memory.wholeValue()));
    w.write(LEVEL_1, "%s\t%s (%d%%)\t%s (%d%%)\n", "ephemeral-storage", stReqs,
        percent(stReqs.wholeValue(), storage.wholeValue()), stLims, percent(stLims.wholeValue(), storage.wholeValue()));
  }

  /** The pod's requests or limits: the sum over containers ({@code PodRequestsAndLimits}, without init containers' maxima). */
  private static Map<String, Quantity> podResources(Pod pod, String section) {
    Map<String, Quantity> total = new TreeMap<>();
    for (Container c : pod.specOrEmpty().containers()) {
      if (c.resources().orElse(null) instanceof Map<?, ?> r && r.get(section) instanceof Map<?, ?> m) {
        m.forEach((k, v) -> Quantity.parse(v).ifPresent(q -> total.merge(k.toString(), q, Quantity::plus)));
      }
    }
    if ("limits".equals(section)) {
      return total;
    }
    // requests default to limits where only limits are set
    for (Container c : pod.specOrEmpty().containers()) {
      if (c.resources().orElse(null) instanceof Map<?, ?> r && r.get("limits") instanceof Map<?, ?> lim
          && !(r.get("requests") instanceof Map<?, ?>)) {
        lim.forEach((k, v) -> Quantity.parse(v).ifPresent(q -> total.merge(k.toString(), q, Quantity::plus)));
      }
    }
    return total;
  }

  private static long percent(long part, long whole) {
    return whole == 0 ? 0 : (long) ((double) part / (double) whole * 100);
  }
}
