package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressLoadBalancerIngress;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.IngressStatus;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printIngress}: NAME CLASS HOSTS ADDRESS PORTS AGE. HOSTS lists the rules' hosts, the first
 * three then {@code + N more...} ({@code *} without any); PORTS is {@code 80}, or {@code 80, 443}
 * with TLS; ADDRESS the load balancer's sorted addresses, cut to 16 characters unless wide.
 */
public final class IngressTable implements TablePrinter {
  private static final int MAX_HOSTS = 3;

  @Override
  public List<String> headers() {
    return List.of("NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Ingress ing = (Ingress) object;
    IngressSpec spec = ing.specOrEmpty();
    return List.of(
        ing.metadata().nameOrEmpty(),
        spec.ingressClassName().orElse("<none>"),
        formatHosts(spec.rules()),
        address(ing.status().orElse(null), wide),
        spec.tls().isEmpty() ? "80" : "80, 443",
        Cells.age(ing, now));
  }

  /** {@code formatHosts}. */
  private static String formatHosts(List<IngressRule> rules) {
    List<String> list = new ArrayList<>();
    boolean more = false;
    for (IngressRule rule : rules) {
      if (list.size() == MAX_HOSTS) {
        more = true;
      }
      if (!more && rule.host().filter(h -> !h.isEmpty()).isPresent()) {
        list.add(rule.host().get());
      }
    }
    if (list.isEmpty()) {
      return "*";
    }
    String ret = String.join(",", list);
    return more ? ret + " + " + (rules.size() - MAX_HOSTS) + " more..." : ret;
  }

  /** {@code ingressLoadBalancerStatusStringer}. */
  public static String address(IngressStatus status, boolean wide) {
    LoadBalancerColumn column = new LoadBalancerColumn();
    if (status != null && status.loadBalancer().isPresent()) {
      for (IngressLoadBalancerIngress in : status.loadBalancer().get().ingress()) {
        column.add(in.ip(), in.hostname());
      }
    }
    return column.text(wide);
  }
}
