package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import java.time.Instant;
import java.util.List;

/** {@code printNamespace}: NAME STATUS AGE. */
public final class NamespaceTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "STATUS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Namespace ns = (Namespace) object;
    return List.of(ns.metadata().nameOrEmpty(), phase(ns), Cells.age(ns, now));
  }

  /** The phase; the API server's namespace strategy makes every new namespace {@code Active}. */
  public static String phase(Namespace ns) {
    if (ns.metadata().deletionTimestamp().isPresent() && ns.status().flatMap(s -> s.phase()).isEmpty()) {
      return "Terminating";
    }
    return ns.status().flatMap(s -> s.phase()).orElse("Active");
  }
}
