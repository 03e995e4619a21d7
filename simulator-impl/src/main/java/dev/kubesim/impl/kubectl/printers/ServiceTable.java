package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printService}: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and with {@code -o wide}
 * SELECTOR. Ports print as {@code 80/TCP}, or {@code 80:30123/TCP} with a nodePort; EXTERNAL-IP is
 * {@code <none>}, the external IPs, the load balancer's addresses, {@code <pending>}, or the
 * external name.
 */
public final class ServiceTable implements TablePrinter {
  /** {@code loadBalancerWidth}: longer EXTERNAL-IP cells are cut unless wide. */

  @Override
  public List<String> headers() {
    return List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Service svc = (Service) object;
    ServiceSpec spec = svc.specOrEmpty();
    String clusterIp = "<none>";
    if (!spec.clusterIPs().isEmpty()) {
      clusterIp = spec.clusterIPs().get(0);
    } else if (spec.clusterIP().filter(ip -> !ip.isEmpty()).isPresent()) {
      clusterIp = spec.clusterIP().get(); // the API server fills clusterIPs; this is a fallback
    }
    String ports = portString(spec.ports());
    List<String> cells = new ArrayList<>();
    cells.add(svc.metadata().nameOrEmpty());
    cells.add(spec.typeOrDefault());
    cells.add(clusterIp);
    cells.add(externalIp(svc, wide));
    cells.add(ports.isEmpty() ? "<none>" : ports);
    cells.add(Cells.age(svc, now));
    if (wide) {
      cells.add(LabelFormat.formatLabels(spec.selector()));
    }
    return cells;
  }

  /** {@code makePortString}. */
  static String portString(List<ServicePort> ports) {
    List<String> pieces = new ArrayList<>();
    for (ServicePort p : ports) {
      String protocol = p.protocol().orElse("TCP");
      int nodePort = p.nodePort().orElse(0);
      pieces.add(nodePort > 0 ? p.port().orElse(0) + ":" + nodePort + "/" + protocol : p.port().orElse(0) + "/" + protocol);
    }
    return String.join(",", pieces);
  }

  /** {@code getServiceExternalIP}. */
  static String externalIp(Service svc, boolean wide) {
    ServiceSpec spec = svc.specOrEmpty();
    switch (spec.typeOrDefault()) {
      case "ClusterIP", "NodePort" -> {
        return spec.externalIPs().isEmpty() ? "<none>" : String.join(",", spec.externalIPs());
      }
      case "LoadBalancer" -> {
        String lbIps = loadBalancerStatus(svc.status().orElse(null), wide);
        if (!spec.externalIPs().isEmpty()) {
          List<String> results = new ArrayList<>();
          if (!lbIps.isEmpty()) {
            results.addAll(List.of(lbIps.split(",")));
          }
          results.addAll(spec.externalIPs());
          return String.join(",", results);
        }
        return lbIps.isEmpty() ? "<pending>" : lbIps;
      }
      case "ExternalName" -> {
        return spec.externalName().orElse("");
      }
      default -> {
        return "<unknown>";
      }
    }
  }

  /** {@code loadBalancerStatusStringer}: sorted distinct IPs or hostnames, cut to 16 unless wide. */
  private static String loadBalancerStatus(ServiceStatus status, boolean wide) {
    LoadBalancerColumn column = new LoadBalancerColumn();
    if (status != null && status.loadBalancer().isPresent()) {
      for (ServiceStatus.LoadBalancerIngress in : status.loadBalancer().get().ingress()) {
        column.add(in.ip(), in.hostname());
      }
    }
    return column.text(wide);
  }
}
