package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.ListenAnnotation;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports the cluster expects a container to listen on beyond its {@code containerPorts}, for an
 * image kubesim does not know ({@link dev.kubesim.impl.program.ListensWhereExpected}): its own
 * probes' ports (httpGet, tcpSocket, grpc), and — for the pod's first such container, as the pod
 * has one network namespace — the entries of the {@value ListenAnnotation#NAME} annotation and
 * the target ports of the Services that select the pod (a name resolved against the pod's
 * containers' ports, as the endpoints controller does), leaving out ports another container of
 * the pod declares. The annotation's entries come first and win for their port. Worked out when the
 * container starts and again when a Service of its namespace changes.
 */
final class ExpectedListeners {
  private ExpectedListeners() {}

  /**
   * The expected listeners of {@code container}.
   *
   * @param podWide whether the container also takes the pod-wide expectations (annotation, Services)
   */
  static List<ListenAnnotation.Entry> of(ApiServer api, Pod pod, Container container, boolean podWide) {
    Map<ListenPort, ListenAnnotation.Entry> found = new LinkedHashMap<>();
    if (podWide) {
      annotation(pod).forEach(e -> found.putIfAbsent(e.port(), e));
    }
    for (Optional<Probe> probe : List.of(container.startupProbe(), container.livenessProbe(), container.readinessProbe())) {
      probe.flatMap(p -> probePort(container, p)).ifPresent(port -> found.putIfAbsent(ListenPort.tcp(port),
          new ListenAnnotation.Entry(ListenPort.tcp(port), true)));
    }
    if (podWide) {
      Set<ListenPort> others = portsOfOtherContainers(pod, container);
      for (ListenAnnotation.Entry e : servicePorts(api, pod)) {
        if (!others.contains(e.port())) {
          found.putIfAbsent(e.port(), e);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** The annotation's entries; none when it is absent or invalid (the API server warned of it). */
  static List<ListenAnnotation.Entry> annotation(Pod pod) {
    String value = pod.metadata().annotations().get(ListenAnnotation.NAME);
    if (value == null || !ListenAnnotation.isValid(value)) {
      return List.of();
    }
    return ListenAnnotation.parse(value);
  }

  private static Optional<Integer> probePort(Container container, Probe probe) {
    Optional<IntOrString> port = probe.httpGet().flatMap(g -> g.port())
        .or(() -> probe.tcpSocket().flatMap(t -> t.port()))
        .or(() -> probe.grpc().flatMap(ExpectedListeners::grpcPort));
    return port.flatMap(p -> {
      OptionalInt n = RuntimeProber.resolvePort(container, p);
      return n.isPresent() && n.getAsInt() >= 1 && n.getAsInt() <= 65535 ? Optional.of(n.getAsInt()) : Optional.empty();
    });
  }

  /** {@code grpc.port} is an integer (no named ports for gRPC probes). */
  private static Optional<IntOrString> grpcPort(Object grpc) {
    return grpc instanceof Map<?, ?> m && m.get("port") instanceof Number n
        ? Optional.of(IntOrString.of(n.intValue())) : Optional.empty();
  }

  private static Set<ListenPort> portsOfOtherContainers(Pod pod, Container container) {
    Set<ListenPort> ports = new TreeSet<>();
    for (Container c : pod.specOrEmpty().containers()) {
      if (c == container || c.name().equals(container.name())) {
        continue;
      }
      for (ContainerPort p : c.ports()) {
        p.containerPort().filter(n -> n >= 1 && n <= 65535)
            .ifPresent(n -> ports.add(new ListenPort(p.protocol().orElse("TCP"), n)));
      }
    }
    return ports;
  }

  /** The target ports of the Services of the pod's namespace whose selector matches its labels. */
  private static List<ListenAnnotation.Entry> servicePorts(ApiServer api, Pod pod) {
    List<ListenAnnotation.Entry> entries = new ArrayList<>();
    Map<String, String> labels = pod.metadata().labels();
    for (KubeObject o : api.list(Service.KIND, pod.metadata().namespace().or(() -> Optional.of("default")))) {
      Map<String, String> selector = ((Service) o).specOrEmpty().selector();
      if (selector.isEmpty() || !selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        continue;
      }
      for (ServicePort sp : ((Service) o).specOrEmpty().ports()) {
        String protocol = sp.protocol().orElse("TCP");
        OptionalInt target = targetPort(pod, sp, protocol);
        if (target.isEmpty() || target.getAsInt() < 1 || target.getAsInt() > 65535
            || !Set.of("TCP", "UDP", "SCTP").contains(protocol)) {
          continue;
        }
        ListenPort port = new ListenPort(protocol, target.getAsInt());
        entries.add(new ListenAnnotation.Entry(port, protocol.equals("TCP")));
      }
    }
    return entries;
  }

  /** {@code podutil.FindPort}: a number as is, a name looked up in the pod's containers' ports of that protocol. */
  private static OptionalInt targetPort(Pod pod, ServicePort sp, String protocol) {
    IntOrString target = sp.targetPort().orElse(IntOrString.of(sp.port().orElse(0)));
    if (target.isInt()) {
      return target.intValue();
    }
    for (Container c : pod.specOrEmpty().containers()) {
      for (ContainerPort p : c.ports()) {
        if (p.name().filter(target.stringValue()::equals).isPresent() && p.protocol().orElse("TCP").equals(protocol)) {
          return OptionalInt.of(p.containerPort().orElse(0));
        }
      }
    }
    return OptionalInt.empty();
  }
}
