package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;

import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.List;
import java.util.stream.Collectors;

/** {@code describeEndpoints}: each subset's ready and not-ready addresses and its ports, then events. */
final class EndpointsDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Endpoints ep = (Endpoints) object;
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", ep.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", ep.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", ep.metadata().labels());
      w.printAnnotationsMultiline("Annotations", ep.metadata().annotations());
      w.write(LEVEL_0, "Subsets:\n");
      for (EndpointSubset subset : ep.subsets()) {
        w.write(LEVEL_1, "Addresses:\t%s\n", ips(subset.addresses()));
        w.write(LEVEL_1, "NotReadyAddresses:\t%s\n", ips(subset.notReadyAddresses()));
        if (!subset.ports().isEmpty()) {
          w.write(LEVEL_1, "Ports:\n");
          w.write(LEVEL_2, "Name\tPort\tProtocol\n");
          w.write(LEVEL_2, "----\t----\t--------\n");
          for (EndpointPort p : subset.ports()) {
            w.write(LEVEL_2, "%s\t%d\t%s\n", p.name().filter(n -> !n.isEmpty()).orElse("<unset>"), p.port().orElse(0),
                p.protocol().orElse("TCP"));
          }
        }
        w.write(LEVEL_0, "\n");
      }
      EventsSection.write(w, EventsSection.find(ctx, ep, true), ctx.now());
    });
  }

  /** The addresses' IPs joined by commas, or {@code <none>}. */
  private static String ips(List<EndpointAddress> addresses) {
    String joined = addresses.stream().map(a -> a.ip().orElse("")).collect(Collectors.joining(","));
    return joined.isEmpty() ? "<none>" : joined;
  }
}
