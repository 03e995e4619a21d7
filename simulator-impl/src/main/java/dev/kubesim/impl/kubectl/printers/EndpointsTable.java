package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printEndpoints}: NAME ENDPOINTS AGE. ENDPOINTS lists the ready addresses as {@code
 * ip:port}, the first three then {@code + N more...}; {@code <none>} without subsets, and empty
 * when there are only not-ready addresses.
 */
public final class EndpointsTable implements TablePrinter {
  private static final int MAX = 3;

  @Override
  public List<String> headers() {
    return List.of("NAME", "ENDPOINTS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Endpoints ep = (Endpoints) object;
    return List.of(ep.metadata().nameOrEmpty(), formatEndpoints(ep), Cells.age(ep, now));
  }

  /** {@code formatEndpoints(endpoints, nil)}. */
  static String formatEndpoints(Endpoints endpoints) {
    if (endpoints.subsets().isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (EndpointSubset ss : endpoints.subsets()) {
      if (ss.ports().isEmpty()) {
        // It's possible to have headless services with no ports.
        count += ss.addresses().size();
        for (EndpointAddress a : ss.addresses()) {
          if (list.size() == MAX) {
            more = true;
            break;
          }
          list.add(a.ip().orElse(""));
        }
        continue;
      }
      for (EndpointPort port : ss.ports()) {
        count += ss.addresses().size();
        for (EndpointAddress a : ss.addresses()) {
          if (list.size() == MAX) {
            more = true;
            break;
          }
          list.add(Cells.joinHostPort(a.ip().orElse(""), port.port().orElse(0)));
        }
      }
    }
    String ret = String.join(",", list);
    return more ? ret + " + " + (count - MAX) + " more..." : ret;
  }
}
