package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_3;

import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;

/**
 * {@code describeEndpointSliceV1}: name, namespace, labels, annotations, the address type, the
 * ports as a table ({@code <unset>} for a port without a name), each endpoint's addresses, its
 * readiness, hostname, target, node and zone ({@code <unset>} where not set), then the events.
 */
final class EndpointSliceDescriber implements ObjectDescriber {
  private static final String UNSET = "<unset>";

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    EndpointSlice slice = (EndpointSlice) object;
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "AddressType:\t%s\n", slice.addressType().orElse(""));
      if (slice.ports().isEmpty()) {
        w.write(LEVEL_0, "Ports: <unset>\n");
      } else {
        w.write(LEVEL_0, "Ports:\n");
        w.write(LEVEL_1, "Name\tPort\tProtocol\n");
        w.write(LEVEL_1, "----\t----\t--------\n");
        for (EndpointSlicePort p : slice.ports()) {
          w.write(LEVEL_1, "%s\t%s\t%s\n", p.name().filter(n -> !n.isEmpty()).orElse(UNSET),
              p.port().map(String::valueOf).orElse(UNSET), p.protocol().orElse("TCP"));
        }
      }
      if (slice.endpoints().isEmpty()) {
        w.write(LEVEL_0, "Endpoints: <none>\n");
      } else {
        w.write(LEVEL_0, "Endpoints:\n");
        for (EndpointSliceEndpoint e : slice.endpoints()) {
          String addresses = String.join(", ", e.addresses());
          w.write(LEVEL_1, "- Addresses:\t%s\n", addresses.isEmpty() ? "<none>" : addresses);
          w.write(LEVEL_2, "Conditions:\n");
          w.write(LEVEL_3, "Ready:\t%s\n", e.conditions().flatMap(EndpointConditions::ready).map(String::valueOf).orElse(UNSET));
          w.write(LEVEL_2, "Hostname:\t%s\n", e.hostname().orElse(UNSET));
          e.targetRef().ifPresent(ref -> w.write(LEVEL_2, "TargetRef:\t%s/%s\n", ref.kind().orElse(""), ref.name().orElse("")));
          w.write(LEVEL_2, "NodeName:\t%s\n", e.nodeName().orElse(UNSET));
          w.write(LEVEL_2, "Zone:\t%s\n", e.zone().orElse(UNSET));
        }
      }
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }
}
