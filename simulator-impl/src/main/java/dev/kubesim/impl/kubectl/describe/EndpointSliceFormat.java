package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.printers.Cells;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code formatEndpointSlices}: the ready endpoints of a Service's EndpointSlices for one port
 * name, as {@code ip:port}, the first three then {@code + N more...}; {@code <none>} when the
 * Service has no slice at all.
 */
final class EndpointSliceFormat {
  private static final int MAX = 3;

  private EndpointSliceFormat() {}

  /** The slices labelled {@code kubernetes.io/service-name=<service>} in the namespace. */
  static List<EndpointSlice> forService(DescribeContext ctx, String namespace, String service) {
    List<EndpointSlice> slices = new ArrayList<>();
    for (KubeObject o : ctx.list("EndpointSlice", namespace)) {
      if (service.equals(o.metadata().labels().get("kubernetes.io/service-name"))) {
        slices.add((EndpointSlice) o);
      }
    }
    return slices;
  }

  static String format(List<EndpointSlice> slices, String portName) {
    if (slices.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (EndpointSlice slice : slices) {
      if (slice.ports().isEmpty()) {
        // It's possible to have headless services with no ports.
        for (EndpointSliceEndpoint e : slice.endpoints()) {
          if (list.size() == MAX) {
            more = true;
          }
          if (!ready(e) || e.addresses().isEmpty()) {
            continue;
          }
          if (!more) {
            list.add(e.addresses().get(0));
          }
          count++;
        }
        continue;
      }
      for (EndpointSlicePort port : slice.ports()) {
        if (!port.name().orElse("").equals(portName)) {
          continue;
        }
        for (EndpointSliceEndpoint e : slice.endpoints()) {
          if (list.size() == MAX) {
            more = true;
          }
          if (!ready(e) || e.addresses().isEmpty()) {
            continue;
          }
          if (!more) {
            list.add(Cells.joinHostPort(e.addresses().get(0), port.port().orElse(0)));
          }
          count++;
        }
      }
    }
    String ret = String.join(",", list);
    return more ? ret + " + " + (count - MAX) + " more..." : ret;
  }

  /** A nil ready condition means unknown, which consumers treat as ready. */
  private static boolean ready(EndpointSliceEndpoint e) {
    return e.conditions().flatMap(c -> c.ready()).orElse(true);
  }
}
