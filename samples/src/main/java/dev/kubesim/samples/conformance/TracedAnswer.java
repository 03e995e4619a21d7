package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceBackendPort;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TracePacket;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code http} step's client saw, read from the typed result and its trace: the error
 * words from the disposition's kind, the serving pod from the object that decided a delivered
 * request, and the backend from the hop that chose it — the ingress controller's {@code PROXY} hop
 * (the Ingress and the field of it that routed, whose backend is read as written), or else the last
 * Service whose rules DNAT'd the connection (its port, matched on the packet's destination port).
 */
final class TracedAnswer {
  /** An Ingress field that names a backend: a rule's path, or the default backend. */
  private static final Pattern INGRESS_PATH = Pattern.compile("spec\\.rules\\[(\\d+)]\\.http\\.paths\\[(\\d+)]");

  private final Cluster cluster;

  TracedAnswer(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The step's view of one typed result. */
  HttpResult read(dev.kubesim.api.HttpResult r) {
    Disposition d = r.trace().disposition();
    Optional<String> backend = backend(r.trace());
    if (!r.responded()) {
      return new HttpResult(Optional.of(errorWords(d.kind())), 0, backend, "", Optional.empty());
    }
    // The disposition names the pod whose answer came back (behind nginx, the upstream pod; nginx's
    // own answers, its controller pod); another answering host is named as its reference.
    Optional<String> servedBy = d.object().map(o -> o.kind().equals("pod") ? o.key() : o.toString());
    return new HttpResult(Optional.empty(), r.status(), backend, r.body(), servedBy);
  }

  /** The scenario format's words for a request that got no response. */
  static String errorWords(Disposition.Kind kind) {
    return switch (kind) {
      case REFUSED -> "connection refused";
      case NO_ROUTE -> "no route";
      case NXDOMAIN, NO_ANSWER -> "could not resolve";
      case EMPTY_REPLY -> "empty reply";
      case TIMED_OUT, DELIVERED -> "timeout";
    };
  }

  /** The Ingress backend nginx routed to, or the Service port kube-proxy's rules carried the connection by. */
  private Optional<String> backend(Trace trace) {
    List<TraceHop> hops = trace.hops();
    for (TraceHop h : hops) {
      if (h.action() == TraceHop.Action.PROXY) {
        // nginx decided: its Ingress backend, or none when it answered itself
        return h.object().filter(o -> o.kind().equals("ingress")).flatMap(o -> ingressBackend(o, h.rule().orElse("")));
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      TraceHop h = hops.get(i);
      if (h.action() == TraceHop.Action.DNAT && h.packet().isPresent()) {
        Optional<ObjectRef> svc = h.object().filter(o -> o.kind().equals("service"));
        if (svc.isPresent()) {
          return servicePort(svc.get(), h.packet().get());
        }
      }
    }
    return Optional.empty();
  }

  /** {@code NS/SERVICE:PORT} of the backend at that field of the Ingress, the port as the Ingress writes it. */
  private Optional<String> ingressBackend(ObjectRef ingress, String field) {
    Optional<Ingress> ing = cluster.get(Ingress.class, ingress.namespace(), ingress.name());
    if (ing.isEmpty()) {
      return Optional.empty();
    }
    Optional<IngressBackend> b;
    Matcher m = INGRESS_PATH.matcher(field);
    if (field.equals("spec.defaultBackend")) {
      b = ing.get().specOrEmpty().defaultBackend();
    } else if (m.matches()) {
      List<IngressRule> rules = ing.get().specOrEmpty().rules();
      int rule = Integer.parseInt(m.group(1));
      int path = Integer.parseInt(m.group(2));
      b = rule < rules.size()
          ? rules.get(rule).http().map(v -> v.paths()).filter(p -> path < p.size()).flatMap(p -> p.get(path).backend())
          : Optional.empty();
    } else {
      b = Optional.empty();
    }
    return b.flatMap(IngressBackend::service).map(s -> ingress.namespace() + "/" + s.name().orElse("") + ":" + port(s));
  }

  private static String port(IngressServiceBackend s) {
    ServiceBackendPort p = s.port().orElse(new ServiceBackendPort(Optional.empty(), Optional.empty()));
    return p.number().filter(n -> n != 0).map(String::valueOf).orElse(p.name().orElse(""));
  }

  /**
   * {@code NS/SERVICE:PORT} (by number) of the Service port whose rules took the packet: the one
   * with the packet's protocol whose port (ClusterIP, external IP, load balancer) or nodePort is the
   * packet's destination port.
   */
  private Optional<String> servicePort(ObjectRef service, TracePacket p) {
    return cluster.get(Service.class, service.namespace(), service.name())
        .flatMap(svc -> svc.specOrEmpty().ports().stream()
            .filter(sp -> sp.protocol().orElse("TCP").equals(p.protocol()))
            .filter(sp -> sp.port().orElse(0) == p.destinationPort() || sp.nodePort().orElse(0) == p.destinationPort())
            .findFirst())
        .flatMap(ServicePort::port)
        .map(port -> service.namespace() + "/" + service.name() + ":" + port);
  }
}
