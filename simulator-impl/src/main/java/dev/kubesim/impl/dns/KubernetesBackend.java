package dev.kubesim.impl.dns;

import dev.kubesim.impl.dns.KubernetesIndex.AddressEntry;
import dev.kubesim.impl.dns.KubernetesIndex.PortEntry;
import dev.kubesim.impl.dns.KubernetesIndex.ServiceEntry;
import dev.kubesim.impl.dns.KubernetesIndex.SliceEntry;
import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.RrType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubernetes plugin's lookups (CoreDNS {@code kubernetes.go}, {@code reverse.go}, {@code
 * ns.go}) over the {@link KubernetesIndex}: what a name in the cluster zone or a reverse zone
 * stands for, before it becomes records. Configured as kubeadm's Corefile does: {@code pods
 * insecure}, {@code ttl 30}, every namespace exposed.
 */
final class KubernetesBackend {
  /** The TXT record naming the schema version implemented. */
  static final String DNS_VERSION_LABEL = "dns-version";
  static final String SCHEMA_VERSION = "1.1.0";
  static final long DNS_VERSION_TTL = 28800;
  private static final String DEFAULT_NS = "ns.dns.";

  private final KubernetesIndex index;
  private final String primaryZone;
  private final long ttl;
  private final List<String> localIps;

  /**
   * @param primaryZone the cluster zone, lower case, fully qualified
   * @param localIps the addresses of the CoreDNS pod answering (for its NS records)
   */
  KubernetesBackend(KubernetesIndex index, String primaryZone, long ttl, List<String> localIps) {
    this.index = index;
    this.primaryZone = primaryZone;
    this.ttl = ttl;
    this.localIps = List.copyOf(localIps);
  }

  long ttl() {
    return ttl;
  }

  /** The SOA serial: when a Service or its endpoints last changed. */
  long serial() {
    return index.modified() & 0xffffffffL;
  }

  /**
   * The entries of a lower-case name for a question type ({@code Kubernetes.Services}): TXT only
   * for {@code dns-version} (NODATA for another name with records, NXDOMAIN otherwise), NS and {@code ns.dns.<zone>} from the DNS Service, otherwise {@link
   * #records}; SRV never answers an ExternalName Service.
   */
  BackendLookup services(String name, String type, String zone) {
    if (type.equals(RrType.TXT)) {
      List<String> segs = DnsNames.labels(DnsNames.trimZone(name, zone));
      if (segs.size() == 1 && segs.get(0).equals(DNS_VERSION_LABEL)) {
        return BackendLookup.of(List.of(ServiceRecord.text(name, SCHEMA_VERSION, DNS_VERSION_TTL)));
      }
      // No other TXT exists: a name with records of another type has no data, any other name does not exist.
      return records(name, zone).entries().isEmpty() ? BackendLookup.NAME_ERROR : BackendLookup.NONE;
    }
    if (type.equals(RrType.NS)) {
      return BackendLookup.of(nameServers(zone, null));
    }
    if (name.equals(DEFAULT_NS + zone)) {
      return BackendLookup.of(nameServers(zone, type));
    }
    BackendLookup found = records(name, zone);
    if (!type.equals(RrType.SRV)) {
      return found;
    }
    List<ServiceRecord> internal = found.entries().stream().filter(s -> !s.hostType().equals(RrType.CNAME)).toList();
    return new BackendLookup(internal, found.nameError());
  }

  /** The Services, endpoints or pods a lower-case name in a zone stands for ({@code Kubernetes.Records}). */
  BackendLookup records(String name, String zone) {
    Optional<RecordRequest> parsed = RecordRequest.parse(name, zone);
    if (parsed.isEmpty()) {
      return BackendLookup.NAME_ERROR;
    }
    RecordRequest r = parsed.get();
    if (r.podOrSvc().isEmpty()) {
      return BackendLookup.NONE;
    }
    if (Addresses.reverseKind(name) > 0 || !index.namespaceExists(r.namespace())) {
      return BackendLookup.NAME_ERROR;
    }
    return r.podOrSvc().equals(RecordRequest.POD) ? findPod(r, zone) : findServices(r, zone);
  }

  /** {@code pods insecure}: a dashed address in an existing namespace is that address, unverified. */
  private BackendLookup findPod(RecordRequest r, String zone) {
    if (r.service().isEmpty()) {
      return BackendLookup.NONE;
    }
    Optional<String> ip = Addresses.fromDashed(r.service());
    if (ip.isEmpty()) {
      return BackendLookup.NAME_ERROR;
    }
    String domain = DnsNames.join(r.service(), r.namespace(), RecordRequest.POD, zone);
    return BackendLookup.of(List.of(ServiceRecord.address(domain, ip.get(), 0, ttl)));
  }

  private BackendLookup findServices(RecordRequest r, String zone) {
    if (r.service().isEmpty()) {
      return BackendLookup.NONE;
    }
    Optional<ServiceEntry> found = index.service(r.namespace(), r.service());
    if (found.isEmpty()) {
      return BackendLookup.NAME_ERROR;
    }
    ServiceEntry svc = found.get();
    String svcDomain = DnsNames.join(svc.name(), svc.namespace(), RecordRequest.SVC, zone);
    List<ServiceRecord> out = new ArrayList<>();
    boolean matched = false;
    if (svc.externalName().isPresent()) {
      // External services have no endpoints and no ports: an endpoint, port or protocol label names nothing.
      ServiceRecord cname = ServiceRecord.address(svcDomain, svc.externalName().get(), 0, ttl);
      boolean plain = r.endpoint().isEmpty() && r.port().isEmpty() && r.protocol().isEmpty();
      if (plain && cname.hostType().equals(RrType.CNAME)) {
        out.add(cname);
        matched = true;
      }
    } else if (svc.headless() || !r.endpoint().isEmpty()) {
      for (SliceEntry slice : index.slicesOf(svc.namespace(), svc.name())) {
        for (AddressEntry addr : slice.addresses()) {
          String host = endpointHostname(addr);
          if (!r.endpoint().isEmpty() && !r.endpoint().equalsIgnoreCase(host)) {
            continue;
          }
          for (PortEntry p : slice.ports()) {
            if (matchPortAndProtocol(r, p)) {
              out.add(ServiceRecord.address(DnsNames.join(host, svcDomain), addr.ip(), p.port(), ttl));
              matched = true;
            }
          }
        }
      }
    } else {
      for (PortEntry p : svc.ports()) {
        if (matchPortAndProtocol(r, p)) {
          matched = true;
          for (String ip : svc.clusterIPs()) {
            out.add(ServiceRecord.address(svcDomain, ip, p.port(), ttl));
          }
        }
      }
    }
    return matched ? BackendLookup.of(out) : BackendLookup.NAME_ERROR;
  }

  /** An empty port or protocol in the question matches any. */
  private static boolean matchPortAndProtocol(RecordRequest r, PortEntry p) {
    return (r.port().isEmpty() || r.port().equalsIgnoreCase(p.name()))
        && (r.protocol().isEmpty() || r.protocol().equalsIgnoreCase(p.protocol()));
  }

  /** The endpoint's hostname, or its address with dashes. */
  static String endpointHostname(AddressEntry addr) {
    return addr.hostname().isEmpty() ? Addresses.dashed(addr.ip()) : addr.hostname();
  }

  /**
   * The names a reverse name points to ({@code Kubernetes.Reverse}): the Service holding the
   * address as a ClusterIP, else every ready endpoint holding it (one per Service); a name error
   * when neither does, or when the name is not a complete reverse name.
   */
  BackendLookup reverse(String name, String zone) {
    Optional<String> ip = Addresses.fromReverse(name);
    if (ip.isEmpty()) {
      BackendLookup r = records(name, zone);
      return new BackendLookup(List.of(), r.nameError());
    }
    List<ServiceEntry> byClusterIp = index.servicesWithClusterIp(ip.get());
    if (!byClusterIp.isEmpty()) {
      ServiceEntry svc = byClusterIp.get(0);
      String target = DnsNames.join(svc.name(), svc.namespace(), RecordRequest.SVC, primaryZone);
      return BackendLookup.of(List.of(ServiceRecord.address(DnsNames.lower(name), target, 0, ttl)));
    }
    List<ServiceRecord> out = new ArrayList<>();
    for (SliceEntry slice : index.slicesWithReadyIp(ip.get())) {
      for (AddressEntry addr : slice.addresses()) {
        if (addr.ip().equals(ip.get())) {
          String target = DnsNames.join(endpointHostname(addr), slice.serviceName(), slice.namespace(), RecordRequest.SVC,
              primaryZone);
          out.add(ServiceRecord.address(DnsNames.lower(name), target, 0, ttl));
        }
      }
    }
    return out.isEmpty() ? BackendLookup.NAME_ERROR : BackendLookup.of(out);
  }

  /**
   * The DNS server's own names ({@code nsAddrs}): the Services whose endpoints hold this pod's
   * addresses (kube-dns), or {@code ns.dns.<zone>} with the pod's address when none does.
   *
   * @param type A or AAAA to keep only that family under the queried name; null for NS entries
   *     named by the Service
   */
  private List<ServiceRecord> nameServers(String zone, String type) {
    Map<String, String> byIp = new LinkedHashMap<>();
    for (String local : localIps) {
      for (SliceEntry slice : index.slicesWithReadyIp(local)) {
        Optional<ServiceEntry> svc = index.service(slice.namespace(), slice.serviceName());
        if (svc.isEmpty()) {
          continue;
        }
        String svcName = DnsNames.join(svc.get().name(), svc.get().namespace(), RecordRequest.SVC, zone);
        if (svc.get().headless()) {
          for (AddressEntry a : slice.addresses()) {
            byIp.putIfAbsent(a.ip(), DnsNames.join(endpointHostname(a), svcName));
          }
        } else {
          svc.get().clusterIPs().forEach(ip -> byIp.putIfAbsent(ip, svcName));
        }
      }
    }
    if (byIp.isEmpty()) {
      localIps.forEach(ip -> byIp.putIfAbsent(ip, DEFAULT_NS + zone));
    }
    List<ServiceRecord> out = new ArrayList<>();
    for (Map.Entry<String, String> e : byIp.entrySet()) {
      boolean v4 = Addresses.isIPv4(e.getKey());
      if (type == null) {
        out.add(ServiceRecord.address(e.getValue(), e.getKey(), 0, ttl));
      } else if (type.equals(v4 ? RrType.A : RrType.AAAA)) {
        out.add(ServiceRecord.address(DEFAULT_NS + zone, e.getKey(), 0, ttl));
      }
    }
    return out;
  }
}
