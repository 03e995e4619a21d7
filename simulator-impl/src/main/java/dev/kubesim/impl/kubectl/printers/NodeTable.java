package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.NodeSystemInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code printNode}: NAME STATUS ROLES AGE VERSION, and with {@code -o wide} INTERNAL-IP
 * EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. STATUS is {@code Ready}, {@code NotReady}
 * or {@code Unknown}, with {@code SchedulingDisabled} for a cordoned node.
 */
public final class NodeTable implements TablePrinter {
  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";

  @Override
  public List<String> headers() {
    return List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Node node = (Node) object;
    NodeStatus status = node.status().orElse(null);
    List<String> states = new ArrayList<>();
    if (status != null) {
      for (NodeCondition c : status.conditions()) {
        if (c.type().filter("Ready"::equals).isPresent()) {
          states.add(c.status().filter("True"::equals).isPresent() ? "Ready" : "NotReady");
          break;
        }
      }
    }
    if (states.isEmpty()) {
      states.add("Unknown");
    }
    if (node.specOrEmpty().unschedulable().orElse(false)) {
      states.add("SchedulingDisabled");
    }
    String roles = String.join(",", roles(node));
    NodeSystemInfo info = status == null ? null : status.nodeInfo().orElse(null);
    List<String> cells = new ArrayList<>();
    cells.add(node.metadata().nameOrEmpty());
    cells.add(String.join(",", states));
    cells.add(roles.isEmpty() ? "<none>" : roles);
    cells.add(Cells.age(node, now));
    cells.add(info == null ? "" : info.kubeletVersion().orElse(""));
    if (wide) {
      cells.add(address(status, "InternalIP"));
      cells.add(address(status, "ExternalIP"));
      cells.add(orUnknown(info == null ? "" : info.osImage().orElse("")));
      cells.add(orUnknown(info == null ? "" : info.kernelVersion().orElse("")));
      cells.add(orUnknown(info == null ? "" : info.containerRuntimeVersion().orElse("")));
    }
    return cells;
  }

  /** {@code findNodeRoles}: from {@code node-role.kubernetes.io/<role>} and {@code kubernetes.io/role}, sorted. */
  public static List<String> roles(Node node) {
    TreeSet<String> roles = new TreeSet<>();
    for (Map.Entry<String, String> e : node.metadata().labels().entrySet()) {
      if (e.getKey().startsWith(ROLE_PREFIX) && e.getKey().length() > ROLE_PREFIX.length()) {
        roles.add(e.getKey().substring(ROLE_PREFIX.length()));
      } else if (e.getKey().equals(ROLE_LABEL) && !e.getValue().isEmpty()) {
        roles.add(e.getValue());
      }
    }
    return new ArrayList<>(roles);
  }

  private static String address(NodeStatus status, String type) {
    if (status != null) {
      for (NodeAddress a : status.addresses()) {
        if (a.type().filter(type::equals).isPresent()) {
          return a.address().orElse("");
        }
      }
    }
    return "<none>";
  }

  private static String orUnknown(String s) {
    return s.isEmpty() ? "<unknown>" : s;
  }
}
