package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.PodSpec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code qos.GetPodQOS}: a pod's QoS class from its containers' cpu and memory figures. */
final class PodQos {
  private PodQos() {}

  /** {@code qos.GetPodQOS}: Guaranteed, Burstable or BestEffort from the cpu and memory figures. */
  static String qosClass(PodSpec spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    for (Container c : ContainerValidation.allContainers(spec)) {
      Map<String, Object> r = c.resources().flatMap(Generic::map).orElse(Map.of());
      sumPositive(Generic.map(r, "requests").orElse(Map.of()), requests);
      Set<String> found = sumPositive(Generic.map(r, "limits").orElse(Map.of()), limits);
      if (!found.containsAll(Set.of("cpu", "memory"))) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
        BigDecimal lim = limits.get(e.getKey());
        if (lim == null || lim.compareTo(e.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
  }

  private static Set<String> sumPositive(Map<String, Object> list, Map<String, BigDecimal> into) {
    Set<String> found = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : list.entrySet()) {
      if (!e.getKey().equals("cpu") && !e.getKey().equals("memory")) {
        continue;
      }
      Optional<BigDecimal> q = Quantity.parse(e.getValue());
      if (q.isPresent() && q.get().signum() > 0) {
        found.add(e.getKey());
        into.merge(e.getKey(), q.get(), BigDecimal::add);
      }
    }
    return found;
  }
}
