package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;

import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.IngressTLS;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceBackendPort;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.printers.IngressTable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code describeIngressV1}: address, class, default backend, TLS, and the rules table with each
 * path's backend and that Service port's ready endpoints (from its EndpointSlices).
 */
final class IngressDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Ingress ing = (Ingress) object;
    IngressSpec spec = ing.specOrEmpty();
    String ns = ing.metadata().namespace().orElse("");
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", ing.metadata().nameOrEmpty());
      w.printLabelsMultiline("Labels", ing.metadata().labels());
      w.write(LEVEL_0, "Namespace:\t%s\n", ns);
      w.write(LEVEL_0, "Address:\t%s\n", IngressTable.address(ing.status().orElse(null), true));
      w.write(LEVEL_0, "Ingress Class:\t%s\n", spec.ingressClassName().orElse("<none>"));
      String defaultBackend = spec.defaultBackend().map(b -> backend(ctx, ns, b)).orElse("<default>");
      w.write(LEVEL_0, "Default backend:\t%s\n", defaultBackend);
      if (!spec.tls().isEmpty()) {
        w.write(LEVEL_0, "TLS:\n");
        for (IngressTLS t : spec.tls()) {
          if (t.secretName().filter(s -> !s.isEmpty()).isEmpty()) {
            w.write(LEVEL_1, "SNI routes %s\n", String.join(",", t.hosts()));
          } else {
            w.write(LEVEL_1, "%s terminates %s\n", t.secretName().get(), String.join(",", t.hosts()));
          }
        }
      }
      w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      int count = 0;
      for (IngressRule rule : spec.rules()) {
        if (rule.http().isEmpty()) {
          continue;
        }
        count++;
        w.write(LEVEL_1, "%s\t\n", rule.host().filter(h -> !h.isEmpty()).orElse("*"));
        for (HTTPIngressPath path : rule.http().get().paths()) {
          w.write(LEVEL_2, "\t%s \t%s\n", path.path().orElse(""),
              path.backend().map(b -> backend(ctx, ns, b)).orElse(""));
        }
      }
      if (count == 0) {
        w.write(LEVEL_1, "%s\t%s\t%s\n", "*", "*", defaultBackend);
      }
      w.printAnnotationsMultiline("Annotations", ing.metadata().annotations());
      EventsSection.write(w, EventsSection.find(ctx, ing, true), ctx.now());
    });
  }

  /** {@code describeBackendV1}: {@code service:port (endpoints)}, or the resource reference. */
  private static String backend(DescribeContext ctx, String ns, IngressBackend backend) {
    if (backend.service().isPresent()) {
      IngressServiceBackend sb = backend.service().get();
      String name = sb.name().orElse("");
      ServiceBackendPort port = sb.port().orElse(new ServiceBackendPort(Optional.empty(), Optional.empty()));
      String text = name + ":" + (port.number().orElse(0) != 0 ? port.number().get().toString() : port.name().orElse(""));
      Optional<KubeObject> svc = ctx.api().get("Service", ns, name);
      if (svc.isEmpty()) {
        return text + " (<error: services \"" + name + "\" not found>)";
      }
      String spName = "";
      for (ServicePort sp : ((Service) svc.get()).specOrEmpty().ports()) {
        if (port.number().orElse(0) != 0 && port.number().get().equals(sp.port().orElse(0))) {
          spName = sp.name().orElse("");
        } else if (port.name().filter(n -> !n.isEmpty()).isPresent() && port.name().equals(sp.name())) {
          spName = sp.name().orElse("");
        }
      }
      return text + " (" + EndpointSliceFormat.format(EndpointSliceFormat.forService(ctx, ns, name), spName) + ")";
    }
    if (backend.resource().orElse(null) instanceof Map<?, ?> r) {
      return "APIGroup: " + (r.get("apiGroup") == null ? "<none>" : r.get("apiGroup")) + ", Kind: "
          + Objects.toString(r.get("kind"), "") + ", Name: " + Objects.toString(r.get("name"), "");
    }
    return "";
  }
}
