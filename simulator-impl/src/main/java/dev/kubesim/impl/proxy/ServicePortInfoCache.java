package dev.kubesim.impl.proxy;

import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ObjectKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service ports of each Service version, computed once for all the nodes' kube-proxies: the
 * watch hands every node the same Service object, so a version is recognised by identity.
 * Not thread-safe: it runs under the cluster's lock like every engine component.
 */
final class ServicePortInfoCache {
  private record Entry(Service service, List<ServicePortInfo> ports) {}

  private final Map<ObjectKey, Entry> entries = new HashMap<>();

  /** {@link ServicePortInfos#of} for this version of the Service; {@code null} for a deleted one. */
  List<ServicePortInfo> ports(ObjectKey key, Service service) {
    if (service == null) {
      entries.remove(key);
      return List.of();
    }
    Entry e = entries.get(key);
    if (e == null || e.service() != service) {
      e = new Entry(service, ServicePortInfos.of(service));
      entries.put(key, e);
    }
    return e.ports();
  }
}
