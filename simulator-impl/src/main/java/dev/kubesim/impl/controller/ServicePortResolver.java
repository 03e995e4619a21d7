package dev.kubesim.impl.controller;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.List;
import java.util.OptionalInt;

/** Pod facts the endpoints controllers share: {@code FindPort}, {@code ShouldPodBeInEndpoints}, hostnames. */
final class ServicePortResolver {
  private ServicePortResolver() {}

  /**
   * The pod's port for a Service port ({@code podutil.FindPort}): a numeric targetPort as is, a
   * named one looked up among the pod's container ports by name and protocol.
   */
  static OptionalInt findPort(Pod pod, ServicePort port) {
    IntOrString target = port.targetPort().orElse(IntOrString.of(port.port().orElse(0)));
    if (target.isInt()) {
      return target.intValue();
    }
    String protocol = port.protocol().orElse("TCP");
    for (Container c : pod.spec().map(PodSpec::containers).orElse(List.of())) {
      for (ContainerPort cp : c.ports()) {
        if (cp.name().filter(target.stringValue()::equals).isPresent() && cp.protocol().orElse("TCP").equals(protocol)) {
          return OptionalInt.of(cp.containerPort().orElse(0));
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Whether the pod belongs in endpoints at all: not finished, has an IP, and (unless included) not terminating. */
  static boolean shouldBeInEndpoints(Pod pod, boolean includeTerminating) {
    String phase = PodStates.phase(pod);
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return false;
    }
    if (podIP(pod).isEmpty()) {
      return false;
    }
    return includeTerminating || !PodStates.isTerminating(pod);
  }

  static String podIP(Pod pod) {
    return pod.status().flatMap(PodStatus::podIP).orElse("");
  }

  /** The endpoint hostname: the pod's hostname when its subdomain is the Service's name. */
  static java.util.Optional<String> hostname(Pod pod, Service svc) {
    PodSpec spec = pod.spec().orElse(null);
    if (spec == null) {
      return java.util.Optional.empty();
    }
    boolean matches = spec.subdomain().filter(svc.metadata().nameOrEmpty()::equals).isPresent()
        && pod.metadata().namespace().equals(svc.metadata().namespace());
    return matches ? spec.hostname().filter(h -> !h.isEmpty()) : java.util.Optional.empty();
  }
}
