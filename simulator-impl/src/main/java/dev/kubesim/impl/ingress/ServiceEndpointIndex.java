package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.ObjectReference;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The upstreams ingress-nginx proxies to: the ready endpoints of a Service port, read from the
 * Service's EndpointSlices ({@code serviceEndpoints} and {@code getEndpointsFromSlices}) — the pods
 * themselves, not the ClusterIP.
 */
final class ServiceEndpointIndex {
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** One upstream server: {@code ip:port}, and the pod and node behind it when the slice says. */
  record Endpoint(String address, int port, Optional<String> pod, Optional<String> node) {
    String hostPort() {
      return address + ":" + port;
    }
  }

  /** Service → slice name → slice. */
  private final Map<ObjectKey, TreeMap<String, EndpointSlice>> slices = new HashMap<>();

  void onSlice(WatchEvent e) {
    e.previous().map(EndpointSlice.class::cast).ifPresent(old -> serviceOf(old).ifPresent(svc -> {
      TreeMap<String, EndpointSlice> bySlice = slices.get(svc);
      if (bySlice != null) {
        bySlice.remove(old.metadata().nameOrEmpty());
        if (bySlice.isEmpty()) {
          slices.remove(svc);
        }
      }
    }));
    if (e.type() != WatchEvent.Type.DELETED) {
      EndpointSlice slice = (EndpointSlice) e.object();
      serviceOf(slice).ifPresent(svc -> slices.computeIfAbsent(svc, k -> new TreeMap<>()).put(slice.metadata().nameOrEmpty(), slice));
    }
  }

  /**
   * The ready endpoints of the Service port the backend names — by port number, target port or
   * port name, as ingress-nginx matches it — deduplicated and in {@code ip:port} order.
   */
  List<Endpoint> endpoints(Service service, String backendPort) {
    Optional<ServicePort> port = service.specOrEmpty().ports().stream()
        .filter(sp -> String.valueOf(sp.port().orElse(0)).equals(backendPort)
            || sp.targetPort().map(Object::toString).filter(backendPort::equals).isPresent()
            || sp.name().filter(backendPort::equals).isPresent())
        .findFirst();
    if (port.isEmpty()) {
      return List.of();
    }
    String portName = port.get().name().orElse("");
    ObjectKey key = new ObjectKey(service.metadata().namespace().orElse(""), service.metadata().nameOrEmpty());
    TreeMap<String, Endpoint> out = new TreeMap<>();
    for (EndpointSlice slice : slices.getOrDefault(key, new TreeMap<>()).values()) {
      for (EndpointSlicePort sp : slice.ports()) {
        if (!sp.name().orElse("").equals(portName) || !sp.protocol().orElse("TCP").equals("TCP") || sp.port().isEmpty()) {
          continue;
        }
        for (EndpointSliceEndpoint ep : slice.endpoints()) {
          if (!ep.conditions().flatMap(EndpointConditions::ready).orElse(true) || ep.addresses().isEmpty()) {
            continue;
          }
          Endpoint e = new Endpoint(ep.addresses().get(0), sp.port().get(),
              ep.targetRef().map(ServiceEndpointIndex::podOf), ep.nodeName());
          out.putIfAbsent(e.hostPort(), e);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String podOf(ObjectReference ref) {
    return ref.namespace().orElse("") + "/" + ref.name().orElse("");
  }

  private static Optional<ObjectKey> serviceOf(EndpointSlice slice) {
    String svc = slice.metadata().labels().get(SERVICE_NAME_LABEL);
    return svc == null || svc.isEmpty()
        ? Optional.empty()
        : Optional.of(new ObjectKey(slice.metadata().namespace().orElse(""), svc));
  }
}
