package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printEndpointSlice}: NAME ADDRESSTYPE PORTS ENDPOINTS AGE; ports and addresses each the
 * first three then {@code + N more...}, {@code <unset>} when empty.
 */
public final class EndpointSliceTable implements TablePrinter {
  private static final int MAX = 3;

  @Override
  public List<String> headers() {
    return List.of("NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    EndpointSlice slice = (EndpointSlice) object;
    return List.of(
        slice.metadata().nameOrEmpty(),
        slice.addressType().orElse(""),
        ports(slice.ports()),
        endpoints(slice.endpoints()),
        Cells.age(slice, now));
  }

  private static String ports(List<EndpointSlicePort> ports) {
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (EndpointSlicePort p : ports) {
      if (list.size() < MAX) {
        list.add(p.port().map(String::valueOf).orElse(p.name().orElse("*")));
      } else if (list.size() == MAX) {
        more = true;
      }
      count++;
    }
    return listWithMore(list, more, count);
  }

  private static String endpoints(List<EndpointSliceEndpoint> endpoints) {
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (EndpointSliceEndpoint e : endpoints) {
      for (String address : e.addresses()) {
        if (list.size() < MAX) {
          list.add(address);
        } else if (list.size() == MAX) {
          more = true;
        }
        count++;
      }
    }
    return listWithMore(list, more, count);
  }

  private static String listWithMore(List<String> list, boolean more, int count) {
    String ret = String.join(",", list);
    if (more) {
      return ret + " + " + (count - MAX) + " more...";
    }
    return ret.isEmpty() ? "<unset>" : ret;
  }
}
