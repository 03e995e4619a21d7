package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code describeService}. Its Endpoints lines come from the Service's EndpointSlices, not from
 * the Endpoints object.
 */
final class ServiceDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Service svc = (Service) object;
    ServiceSpec spec = svc.specOrEmpty();
    String ns = svc.metadata().namespace().orElse("");
    List<EndpointSlice> slices = EndpointSliceFormat.forService(ctx, ns, svc.metadata().nameOrEmpty());
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", svc.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", ns);
      w.printLabelsMultiline("Labels", svc.metadata().labels());
      w.printAnnotationsMultiline("Annotations", svc.metadata().annotations());
      w.write(LEVEL_0, "Selector:\t%s\n", LabelFormat.formatLabels(spec.selector()));
      w.write(LEVEL_0, "Type:\t%s\n", spec.typeOrDefault());
      spec.ipFamilyPolicy().ifPresent(p -> w.write(LEVEL_0, "IP Family Policy:\t%s\n", p));
      w.write(LEVEL_0, "IP Families:\t%s\n", spec.ipFamilies().isEmpty() ? "<none>" : String.join(",", spec.ipFamilies()));
      w.write(LEVEL_0, "IP:\t%s\n", spec.clusterIP().orElse(""));
      w.write(LEVEL_0, "IPs:\t%s\n", spec.clusterIPs().isEmpty() ? "<none>" : String.join(",", spec.clusterIPs()));
      if (!spec.externalIPs().isEmpty()) {
        w.write(LEVEL_0, "External IPs:\t%s\n", String.join(",", spec.externalIPs()));
      }
      spec.loadBalancerIP().filter(s -> !s.isEmpty()).ifPresent(ip -> w.write(LEVEL_0, "Desired LoadBalancer IP:\t%s\n", ip));
      spec.externalName().filter(s -> !s.isEmpty()).ifPresent(n -> w.write(LEVEL_0, "External Name:\t%s\n", n));
      String ingress = ingressString(svc.status().orElse(null));
      if (!ingress.isEmpty()) {
        w.write(LEVEL_0, "LoadBalancer Ingress:\t%s\n", ingress);
      }
      for (ServicePort sp : spec.ports()) {
        String name = sp.name().filter(s -> !s.isEmpty()).orElse("<unset>");
        String protocol = sp.protocol().orElse("TCP");
        w.write(LEVEL_0, "Port:\t%s\t%d/%s\n", name, sp.port().orElse(0), protocol);
        w.write(LEVEL_0, "TargetPort:\t%s/%s\n", sp.targetPort().map(t -> t.stringValue()).orElse("0"), protocol);
        if (sp.nodePort().orElse(0) != 0) {
          w.write(LEVEL_0, "NodePort:\t%s\t%d/%s\n", name, sp.nodePort().get(), protocol);
        }
        w.write(LEVEL_0, "Endpoints:\t%s\n", EndpointSliceFormat.format(slices, sp.name().orElse("")));
      }
      w.write(LEVEL_0, "Session Affinity:\t%s\n", spec.sessionAffinity().orElse(""));
      spec.externalTrafficPolicy().filter(s -> !s.isEmpty())
          .ifPresent(p -> w.write(LEVEL_0, "External Traffic Policy:\t%s\n", p));
      spec.internalTrafficPolicy().ifPresent(p -> w.write(LEVEL_0, "Internal Traffic Policy:\t%s\n", p));
      if (spec.healthCheckNodePort().orElse(0) != 0) {
        w.write(LEVEL_0, "HealthCheck NodePort:\t%d\n", spec.healthCheckNodePort().get());
      }
      if (!spec.loadBalancerSourceRanges().isEmpty()) {
        w.write(LEVEL_0, "LoadBalancer Source Ranges:\t%s\n", String.join(",", spec.loadBalancerSourceRanges()));
      }
      EventsSection.write(w, EventsSection.find(ctx, svc, true), ctx.now());
    });
  }

  /** {@code buildIngressString}. */
  private static String ingressString(ServiceStatus status) {
    List<String> parts = new ArrayList<>();
    if (status != null && status.loadBalancer().isPresent()) {
      for (ServiceStatus.LoadBalancerIngress in : status.loadBalancer().get().ingress()) {
        if (in.ip().filter(s -> !s.isEmpty()).isPresent()) {
          parts.add(in.ip().get() + in.ipMode().map(m -> " (" + m + ")").orElse(""));
        } else {
          parts.add(in.hostname().orElse(""));
        }
      }
    }
    return String.join(", ", parts);
  }
}
