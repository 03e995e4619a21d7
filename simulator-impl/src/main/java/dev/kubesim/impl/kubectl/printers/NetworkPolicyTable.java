package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.NetworkPolicy;
import java.time.Instant;
import java.util.List;

/**
 * {@code printNetworkPolicy}: NAME POD-SELECTOR AGE, the pod selector as {@code
 * metav1.FormatLabelSelector} prints it ({@code <none>} when empty). {@code -o wide} adds nothing.
 */
public final class NetworkPolicyTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "POD-SELECTOR", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    NetworkPolicy np = (NetworkPolicy) object;
    return List.of(
        np.metadata().nameOrEmpty(),
        LabelSelectorFormat.formatLabelSelector(np.specOrEmpty().podSelector()),
        Cells.age(np, now));
  }
}
