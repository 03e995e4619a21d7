package dev.kubesim.impl.storage;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.labels.LabelSelectors;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code findMatchingVolume} of the PersistentVolume controller ({@code
 * pkg/controller/volume/persistentvolume/util}): a volume pre-bound to the claim wins; otherwise
 * the smallest available volume of the claim's class, volume mode and selector whose access modes
 * and capacity cover the claim's. With delayed binding (a WaitForFirstConsumer class) only
 * pre-bound volumes match: the scheduler picks the others.
 */
final class VolumeMatcher {
  private VolumeMatcher() {}

  static Optional<GenericObject> findBestMatch(GenericObject claim, List<? extends KubeObject> volumes, boolean delayBinding) {
    BigDecimal requested = StorageObjects.requestedStorage(claim).map(StorageObjects::quantity).orElse(BigDecimal.ZERO);
    String claimClass = StorageObjects.claimClass(claim);
    List<String> wanted = StorageObjects.accessModes(claim);
    String claimMode = mode(claim);
    LabelSelector selector = selector(StorageObjects.map(StorageObjects.section(claim, "spec").get("selector")));
    GenericObject smallest = null;
    for (KubeObject o : volumes.stream().sorted(Comparator.comparing((KubeObject v) -> v.metadata().nameOrEmpty())).toList()) {
      GenericObject pv = (GenericObject) o;
      if (pv.metadata().deletionTimestamp().isPresent()) {
        continue;
      }
      BigDecimal capacity = StorageObjects.capacity(pv).map(StorageObjects::quantity).orElse(BigDecimal.ZERO);
      boolean fits = capacity.compareTo(requested) >= 0 && mode(pv).equals(claimMode)
          && StorageObjects.accessModes(pv).containsAll(wanted);
      if (StorageObjects.claimRef(pv).isPresent()) {
        if (StorageObjects.claimRefIs(pv, claim) && fits) {
          return Optional.of(pv); // pre-bound to this claim: the user or a provisioner chose it
        }
        continue;
      }
      if (delayBinding || !fits || !StorageObjects.volumeClass(pv).equals(claimClass)
          || !StorageObjects.phase(pv).equals("Available")
          || !LabelSelectors.matches(selector, pv.metadata().labels())) {
        continue;
      }
      if (smallest == null
          || capacity.compareTo(StorageObjects.capacity(smallest).map(StorageObjects::quantity).orElse(BigDecimal.ZERO)) < 0) {
        smallest = pv;
      }
    }
    return Optional.ofNullable(smallest);
  }

  /**
   * {@code checkVolumeSatisfyClaim}: why a volume the claim asks for by name cannot be bound to it
   * (a volume being deleted, too small, of another class, volume mode or access modes), or empty.
   */
  static Optional<String> unsatisfied(GenericObject pv, GenericObject claim) {
    if (pv.metadata().deletionTimestamp().isPresent()) {
      return Optional.of("the volume is marked for deletion \"" + pv.metadata().nameOrEmpty() + "\"");
    }
    BigDecimal requested = StorageObjects.requestedStorage(claim).map(StorageObjects::quantity).orElse(BigDecimal.ZERO);
    BigDecimal capacity = StorageObjects.capacity(pv).map(StorageObjects::quantity).orElse(BigDecimal.ZERO);
    if (capacity.compareTo(requested) < 0) {
      return Optional.of("requested PV is too small");
    }
    if (!StorageObjects.volumeClass(pv).equals(StorageObjects.claimClass(claim))) {
      return Optional.of("storageClassName does not match");
    }
    if (!mode(pv).equals(mode(claim))) {
      return Optional.of("incompatible volumeMode");
    }
    if (!StorageObjects.accessModes(pv).containsAll(StorageObjects.accessModes(claim))) {
      return Optional.of("incompatible accessMode");
    }
    return Optional.empty();
  }

  /** A claim's {@code spec.selector} as a label selector; an absent one matches every volume. */
  private static LabelSelector selector(Map<String, Object> s) {
    Map<String, String> labels = new java.util.TreeMap<>();
    StorageObjects.map(s.get("matchLabels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
    List<LabelSelectorRequirement> exprs = new java.util.ArrayList<>();
    if (s.get("matchExpressions") instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> e = StorageObjects.map(o);
        List<String> values = e.get("values") instanceof List<?> vs ? vs.stream().map(String::valueOf).toList() : List.of();
        exprs.add(new LabelSelectorRequirement(Optional.of(StorageObjects.str(e, "key")),
            Optional.of(StorageObjects.str(e, "operator")), values));
      }
    }
    return new LabelSelector(labels, exprs);
  }

  private static String mode(GenericObject o) {
    String m = StorageObjects.str(StorageObjects.section(o, "spec"), "volumeMode");
    return m.isEmpty() ? "Filesystem" : m;
  }
}
