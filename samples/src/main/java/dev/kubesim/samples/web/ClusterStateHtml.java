package dev.kubesim.samples.web;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.ServiceView;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster pane as HTML, from the cluster's objects: each node with its pods (name, IP, phase,
 * readiness), then each Service with its cluster IP, ports and ready endpoints. Objects come in the
 * order the cluster lists them (namespace, then name), so the same cluster renders the same HTML.
 */
public final class ClusterStateHtml {
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  private ClusterStateHtml() {}

  /** The pane's HTML for the cluster as it is now. */
  public static String render(Cluster cluster) {
    StringBuilder b = new StringBuilder();
    List<Pod> pods = cluster.listAll(Pod.class);
    b.append("<section class=\"nodes\"><h3>Nodes</h3>");
    for (Node node : cluster.listAll(Node.class)) {
      String name = node.metadata().nameOrEmpty();
      b.append("<div class=\"node\" data-node=\"").append(HTML.escape(name)).append("\"><div class=\"node-head\">")
          .append("<b>").append(HTML.escape(name)).append("</b> <span class=\"ip\">").append(HTML.escape(internalIp(node)))
          .append("</span> ").append(badge(nodeReady(node) ? "Ready" : "NotReady")).append("</div><ul class=\"pods\">");
      pods.stream().filter(p -> p.specOrEmpty().nodeName().filter(name::equals).isPresent()).forEach(p -> pod(b, p));
      b.append("</ul></div>");
    }
    List<Pod> pending = pods.stream().filter(p -> p.specOrEmpty().nodeName().isEmpty()).toList();
    if (!pending.isEmpty()) {
      b.append("<div class=\"node unscheduled\"><div class=\"node-head\"><b>not scheduled</b></div><ul class=\"pods\">");
      pending.forEach(p -> pod(b, p));
      b.append("</ul></div>");
    }
    b.append("</section><section class=\"services\"><h3>Services</h3><table><tr><th>Service</th><th>Type</th>"
        + "<th>Cluster IP</th><th>Ports</th><th>Ready endpoints</th></tr>");
    for (Service svc : cluster.listAll(Service.class)) {
      String ns = svc.metadata().namespace().orElse("default");
      ServiceView view = cluster.service(ns, svc.metadata().nameOrEmpty());
      b.append("<tr class=\"service\"><td>").append(HTML.escape(qualified(ns, view.ref().name()))).append("</td><td>")
          .append(HTML.escape(view.type())).append("</td><td>").append(HTML.escape(view.clusterIP())).append("</td><td>")
          .append(HTML.escape(view.ports().stream().map(ServiceView.Port::toString).collect(Collectors.joining(", "))))
          .append("</td><td>")
          .append(view.readyEndpoints().isEmpty() ? "<i>&lt;none&gt;</i>" : HTML.escape(
              view.readyEndpoints().stream().map(ClusterStateHtml::endpoint).collect(Collectors.joining(", "))))
          .append("</td></tr>");
    }
    b.append("</table></section>");
    return b.toString();
  }

  private static void pod(StringBuilder b, Pod pod) {
    String ns = pod.metadata().namespace().orElse("default");
    Optional<PodStatus> status = pod.status();
    String phase = pod.metadata().deletionTimestamp().isPresent() ? "Terminating"
        : status.flatMap(PodStatus::phase).orElse("Pending");
    boolean ready = status.stream().flatMap(s -> s.conditions().stream())
        .anyMatch(c -> c.type().filter("Ready"::equals).isPresent() && c.status().filter("True"::equals).isPresent());
    b.append("<li class=\"pod ").append(ready ? "ready" : "not-ready").append("\" data-pod=\"")
        .append(HTML.escape(ns + "/" + pod.metadata().nameOrEmpty())).append("\"><span class=\"name\">")
        .append(HTML.escape(qualified(ns, pod.metadata().nameOrEmpty()))).append("</span> <span class=\"ip\">")
        .append(HTML.escape(status.flatMap(PodStatus::podIP).orElse("-"))).append("</span> <span class=\"phase\">")
        .append(HTML.escape(phase)).append("</span> ").append(badge(ready ? "Ready" : "NotReady")).append("</li>");
  }

  private static String endpoint(ServiceView.Endpoint e) {
    return e.address() + e.pod().map(p -> " (" + p.name() + ")").orElse("");
  }

  /** A name as kubectl's {@code -A} listings tell namespaces apart: the default namespace left out. */
  private static String qualified(String namespace, String name) {
    return namespace.equals("default") ? name : namespace + "/" + name;
  }

  private static String internalIp(Node node) {
    return node.status().stream().flatMap(s -> s.addresses().stream())
        .filter(a -> a.type().filter("InternalIP"::equals).isPresent())
        .map(NodeAddress::address).flatMap(Optional::stream).findFirst().orElse("");
  }

  private static boolean nodeReady(Node node) {
    return node.status().stream().flatMap(s -> s.conditions().stream())
        .anyMatch(c -> c.type().filter("Ready"::equals).isPresent() && c.status().filter("True"::equals).isPresent());
  }

  private static String badge(String text) {
    return "<span class=\"badge " + (text.equals("Ready") ? "ok" : "bad") + "\">" + text + "</span>";
  }
}
