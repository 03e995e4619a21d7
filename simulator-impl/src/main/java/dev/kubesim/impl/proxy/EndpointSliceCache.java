package dev.kubesim.impl.proxy;

import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kube-proxy's {@code EndpointSliceCache}: the EndpointSlices of each Service, found by the label
 * {@code kubernetes.io/service-name}, merged into one endpoint list per service port (port name and
 * protocol), deduplicated by {@code ip:port} and sorted by it.
 */
final class EndpointSliceCache {
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  /** Slices of headless Services are not kube-proxy's business (its informer filters them out). */
  static final String HEADLESS_LABEL = "service.kubernetes.io/headless";

  private final String nodeName;
  /** Service → slice name → slice; slices in name order so merges are deterministic. */
  private final Map<ObjectKey, TreeMap<String, EndpointSlice>> slices = new HashMap<>();

  EndpointSliceCache(String nodeName) {
    this.nodeName = nodeName;
  }

  /** The Service a slice belongs to, if it is labelled with one. */
  static Optional<ObjectKey> serviceOf(EndpointSlice slice) {
    String svc = slice.metadata().labels().get(SERVICE_NAME_LABEL);
    if (svc == null || svc.isEmpty() || slice.metadata().labels().containsKey(HEADLESS_LABEL)) {
      return Optional.empty();
    }
    return Optional.of(new ObjectKey(slice.metadata().namespace().orElse(""), svc));
  }

  void put(ObjectKey service, EndpointSlice slice) {
    slices.computeIfAbsent(service, k -> new TreeMap<>()).put(slice.metadata().nameOrEmpty(), slice);
  }

  void remove(ObjectKey service, String sliceName) {
    TreeMap<String, EndpointSlice> bySlice = slices.get(service);
    if (bySlice != null) {
      bySlice.remove(sliceName);
      if (bySlice.isEmpty()) {
        slices.remove(service);
      }
    }
  }

  /** The merged endpoints of every port of a Service, each list sorted by {@code ip:port}. */
  Map<ServicePortName, List<EndpointInfo>> endpointsOf(ObjectKey service) {
    TreeMap<String, EndpointSlice> bySlice = slices.get(service);
    if (bySlice == null) {
      return Map.of();
    }
    Map<ServicePortName, TreeMap<String, EndpointInfo>> merged = new LinkedHashMap<>();
    for (EndpointSlice slice : bySlice.values()) {
      if (!"IPv4".equals(slice.addressType().orElse(""))) {
        continue;
      }
      for (EndpointSlicePort port : slice.ports()) {
        Optional<IpProtocol> protocol = IpProtocol.tryParse(port.protocol().orElse("TCP"));
        int number = port.port().orElse(0);
        if (protocol.isEmpty() || number == 0) {
          continue;
        }
        ServicePortName spn = new ServicePortName(service.namespace(), service.name(), port.name().orElse(""), protocol.get());
        TreeMap<String, EndpointInfo> set = merged.computeIfAbsent(spn, k -> new TreeMap<>());
        for (EndpointSliceEndpoint ep : slice.endpoints()) {
          if (ep.addresses().isEmpty() || !ServicePortInfos.isIPv4(ep.addresses().get(0))) {
            continue;
          }
          EndpointInfo info = endpoint(ep, number);
          EndpointInfo existing = set.get(info.toString());
          // The same endpoint in two slices (during a controller's rewrite): a ready copy wins.
          if (existing == null || !existing.ready() || info.ready()) {
            set.put(info.toString(), info);
          }
        }
      }
    }
    Map<ServicePortName, List<EndpointInfo>> out = new HashMap<>();
    merged.forEach((spn, set) -> {
      if (!set.isEmpty()) {
        out.put(spn, List.copyOf(new ArrayList<>(set.values())));
      }
    });
    return out;
  }

  private EndpointInfo endpoint(EndpointSliceEndpoint ep, int port) {
    Optional<EndpointConditions> c = ep.conditions();
    boolean ready = c.flatMap(EndpointConditions::ready).orElse(true);
    boolean serving = c.flatMap(EndpointConditions::serving).orElse(true);
    boolean terminating = c.flatMap(EndpointConditions::terminating).orElse(false);
    boolean local = ep.nodeName().filter(nodeName::equals).isPresent();
    return new EndpointInfo(ServicePortInfos.canonical(ep.addresses().get(0)), port, local, ready, serving, terminating);
  }
}
