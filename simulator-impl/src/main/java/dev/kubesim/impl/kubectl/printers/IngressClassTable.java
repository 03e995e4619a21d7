package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.IngressClass;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code printIngressClass}: NAME CONTROLLER PARAMETERS AGE. */
public final class IngressClassTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "CONTROLLER", "PARAMETERS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    IngressClass ic = (IngressClass) object;
    String parameters = "<none>";
    if (ic.specOrEmpty().parameters().orElse(null) instanceof Map<?, ?> p) {
      parameters = String.valueOf(p.get("kind"));
      if (p.get("apiGroup") != null) {
        parameters = parameters + "." + p.get("apiGroup");
      }
      parameters = parameters + "/" + p.get("name");
    }
    return List.of(
        ic.metadata().nameOrEmpty(), ic.specOrEmpty().controller().orElse(""), parameters, Cells.age(ic, now));
  }
}
