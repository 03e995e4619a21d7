package dev.kubesim.impl.dns;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.ObjectReference;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.sim.VirtualClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What CoreDNS's {@code dnsControl} keeps from its informers: Services by name and by ClusterIP,
 * EndpointSlices by Service and by ready address, and the namespaces, all kept current from watch
 * events so that a lookup never scans the cluster. Endpoints are kept as CoreDNS converts them:
 * only ready addresses (an unset {@code ready} counts as ready), the slice's ports, or a sentinel
 * port {@code -1} when the slice has none.
 */
public final class KubernetesIndex {
  /** The EndpointSlice label naming the slice's Service. */
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final long EPOCH_SECONDS = VirtualClock.EPOCH.getEpochSecond();

  private final VirtualClock clock;
  private final Set<String> namespaces = new HashSet<>();
  private final Map<ObjectKey, ServiceEntry> services = new HashMap<>();
  private final Map<String, SortedSet<ObjectKey>> servicesByIp = new HashMap<>();
  private final Map<ObjectKey, SliceEntry> slices = new HashMap<>();
  private final Map<ObjectKey, SortedSet<String>> slicesByService = new HashMap<>();
  private final Map<String, SortedSet<ObjectKey>> slicesByReadyIp = new HashMap<>();
  private long modified;

  private KubernetesIndex(VirtualClock clock) {
    this.clock = clock;
  }

  /** Lists the current objects and watches for changes, as an informer does. */
  public static KubernetesIndex start(ApiServer api) {
    KubernetesIndex index = new KubernetesIndex(api.loop().clock());
    for (KubeObject o : api.list(Namespace.KIND, Optional.empty())) {
      index.namespaces.add(o.metadata().nameOrEmpty());
    }
    for (KubeObject o : api.list(Service.KIND, Optional.empty())) {
      index.putService((Service) o);
    }
    for (KubeObject o : api.list(EndpointSlice.KIND, Optional.empty())) {
      index.putSlice((EndpointSlice) o);
    }
    api.store().watch(Namespace.KIND, index::onNamespace);
    api.store().watch(Service.KIND, index::onService);
    api.store().watch(EndpointSlice.KIND, index::onSlice);
    return index;
  }

  /** A Service port as CoreDNS reads it. */
  public record PortEntry(String name, String protocol, int port) {}

  /**
   * A Service as CoreDNS reads it.
   *
   * @param clusterIPs canonical addresses, empty for headless and ExternalName Services
   * @param externalName the target of an ExternalName Service, else empty
   */
  public record ServiceEntry(String namespace, String name, boolean headless, List<String> clusterIPs,
      Optional<String> externalName, List<PortEntry> ports) {}

  /** A ready endpoint address of a slice. */
  public record AddressEntry(String ip, String hostname, String targetRefName) {}

  /** An EndpointSlice as CoreDNS converts it: ready addresses and the ports (a {@code -1} sentinel when none). */
  public record SliceEntry(String namespace, String name, String serviceName, List<PortEntry> ports,
      List<AddressEntry> addresses) {}

  public boolean namespaceExists(String namespace) {
    return namespaces.contains(namespace);
  }

  public Optional<ServiceEntry> service(String namespace, String name) {
    return Optional.ofNullable(services.get(new ObjectKey(namespace, name)));
  }

  /** The Services whose ClusterIPs hold this canonical address, in (namespace, name) order. */
  public List<ServiceEntry> servicesWithClusterIp(String ip) {
    SortedSet<ObjectKey> keys = servicesByIp.get(ip);
    return keys == null ? List.of() : keys.stream().map(services::get).toList();
  }

  /** The slices of a Service, in slice-name order. */
  public List<SliceEntry> slicesOf(String namespace, String service) {
    SortedSet<String> names = slicesByService.get(new ObjectKey(namespace, service));
    return names == null ? List.of() : names.stream().map(n -> slices.get(new ObjectKey(namespace, n))).toList();
  }

  /** The slices that list this canonical address as a ready endpoint, in (namespace, slice name) order. */
  public List<SliceEntry> slicesWithReadyIp(String ip) {
    SortedSet<ObjectKey> keys = slicesByReadyIp.get(ip);
    return keys == null ? List.of() : keys.stream().map(slices::get).toList();
  }

  /** The Unix time of the last change to a Service or its endpoints (CoreDNS's SOA serial). */
  public long modified() {
    return modified;
  }

  private void touch() {
    modified = EPOCH_SECONDS + clock.elapsed().getSeconds();
  }

  private void onNamespace(WatchEvent e) {
    String name = e.object().metadata().nameOrEmpty();
    if (e.type() == WatchEvent.Type.DELETED) {
      namespaces.remove(name);
    } else {
      namespaces.add(name);
    }
  }

  private void onService(WatchEvent e) {
    e.previous().ifPresent(old -> removeService(ObjectStore.keyOf(old)));
    if (e.type() != WatchEvent.Type.DELETED) {
      putService((Service) e.object());
    }
    touch();
  }

  private void onSlice(WatchEvent e) {
    e.previous().ifPresent(old -> removeSlice(ObjectStore.keyOf(old)));
    if (e.type() != WatchEvent.Type.DELETED) {
      putSlice((EndpointSlice) e.object());
    }
    touch();
  }

  private void putService(Service svc) {
    ObjectKey key = ObjectStore.keyOf(svc);
    ServiceEntry entry = toEntry(key, svc.specOrEmpty());
    services.put(key, entry);
    for (String ip : entry.clusterIPs()) {
      servicesByIp.computeIfAbsent(ip, k -> new TreeSet<>()).add(key);
    }
  }

  private void removeService(ObjectKey key) {
    ServiceEntry old = services.remove(key);
    if (old != null) {
      for (String ip : old.clusterIPs()) {
        removeFrom(servicesByIp, ip, key);
      }
    }
  }

  private static ServiceEntry toEntry(ObjectKey key, ServiceSpec spec) {
    boolean externalName = spec.typeOrDefault().equals("ExternalName");
    List<String> ips = new ArrayList<>();
    if (!externalName && !spec.isHeadless()) {
      List<String> given = spec.clusterIPs().isEmpty() ? spec.clusterIP().stream().toList() : spec.clusterIPs();
      given.forEach(ip -> Addresses.canonical(ip).ifPresent(ips::add));
    }
    List<PortEntry> ports = new ArrayList<>();
    for (ServicePort p : spec.ports()) {
      ports.add(new PortEntry(p.name().orElse(""), p.protocol().orElse("TCP"), p.port().orElse(0)));
    }
    return new ServiceEntry(key.namespace(), key.name(), spec.isHeadless(), ImmutableList.copyOf(ips),
        externalName ? spec.externalName() : Optional.empty(), ImmutableList.copyOf(ports));
  }

  private void putSlice(EndpointSlice slice) {
    String service = slice.metadata().labels().get(SERVICE_NAME_LABEL);
    if (service == null || slice.addressType().filter("FQDN"::equals).isPresent()) {
      return;
    }
    ObjectKey key = ObjectStore.keyOf(slice);
    List<PortEntry> ports = new ArrayList<>();
    for (EndpointSlicePort p : slice.ports()) {
      ports.add(new PortEntry(p.name().orElse(""), p.protocol().orElse(""), p.port().orElse(-1)));
    }
    if (ports.isEmpty()) {
      ports.add(new PortEntry("", "", -1));
    }
    List<AddressEntry> addresses = new ArrayList<>();
    for (EndpointSliceEndpoint ep : slice.endpoints()) {
      boolean ready = ep.conditions().flatMap(c -> c.ready()).orElse(true);
      if (!ready) {
        continue;
      }
      String target = ep.targetRef().flatMap(ObjectReference::name).filter(n -> n.length() < 64).orElse("");
      for (String address : ep.addresses()) {
        Addresses.canonical(address).ifPresent(ip ->
            addresses.add(new AddressEntry(ip, ep.hostname().orElse(""), target)));
      }
    }
    SliceEntry entry = new SliceEntry(key.namespace(), key.name(), service, ImmutableList.copyOf(ports),
        ImmutableList.copyOf(addresses));
    slices.put(key, entry);
    slicesByService.computeIfAbsent(new ObjectKey(key.namespace(), service), k -> new TreeSet<>()).add(key.name());
    for (AddressEntry a : addresses) {
      slicesByReadyIp.computeIfAbsent(a.ip(), k -> new TreeSet<>()).add(key);
    }
  }

  private void removeSlice(ObjectKey key) {
    SliceEntry old = slices.remove(key);
    if (old == null) {
      return;
    }
    removeFrom(slicesByService, new ObjectKey(key.namespace(), old.serviceName()), key.name());
    for (AddressEntry a : old.addresses()) {
      removeFrom(slicesByReadyIp, a.ip(), key);
    }
  }

  private static <K, V> void removeFrom(Map<K, SortedSet<V>> index, K key, V value) {
    SortedSet<V> set = index.get(key);
    if (set != null) {
      set.remove(value);
      if (set.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
