package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.api.model.SessionAffinityConfig;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Service into the service ports kube-proxy programs ({@code newBaseServiceInfo} in
 * pkg/proxy/service.go): none for headless and ExternalName Services or those handed to another
 * proxy by {@code service.kubernetes.io/service-proxy-name}.
 */
final class ServicePortInfos {
  /** Services carrying this label belong to another service proxy (kube-proxy's informer filter). */
  static final String SERVICE_PROXY_NAME_LABEL = "service.kubernetes.io/service-proxy-name";
  /** {@code sessionAffinityConfig.clientIP.timeoutSeconds} when unset (3 hours). */
  static final int DEFAULT_STICKY_SECONDS = 10800;

  private ServicePortInfos() {}

  static List<ServicePortInfo> of(Service service) {
    if (service.metadata().labels().containsKey(SERVICE_PROXY_NAME_LABEL)) {
      return List.of();
    }
    ServiceSpec spec = service.specOrEmpty();
    String type = spec.typeOrDefault();
    Optional<String> clusterIP = ipv4ClusterIP(spec);
    if (type.equals("ExternalName") || clusterIP.isEmpty()) {
      return List.of();
    }
    String namespace = service.metadata().namespace().orElse("default");
    String name = service.metadata().nameOrEmpty();
    List<String> externalIPs = spec.externalIPs().stream().map(ServicePortInfos::canonicalIPv4).flatMap(Optional::stream).toList();
    List<String> vips = loadBalancerVIPs(service, type);
    List<Cidr> ranges = sourceRanges(spec);
    boolean externalLocal = (type.equals("LoadBalancer") || type.equals("NodePort"))
        && spec.externalTrafficPolicy().filter("Local"::equals).isPresent();
    boolean internalLocal = spec.internalTrafficPolicy().filter("Local"::equals).isPresent();
    int healthCheck = type.equals("LoadBalancer") && externalLocal ? spec.healthCheckNodePort().orElse(0) : 0;
    boolean affinity = spec.sessionAffinity().filter("ClientIP"::equals).isPresent();
    int sticky = spec.sessionAffinityConfig()
        .flatMap(SessionAffinityConfig::clientIP)
        .flatMap(SessionAffinityConfig.ClientIPConfig::timeoutSeconds)
        .orElse(DEFAULT_STICKY_SECONDS);
    List<ServicePortInfo> out = new ArrayList<>();
    for (ServicePort p : spec.ports()) {
      Optional<IpProtocol> protocol = IpProtocol.tryParse(p.protocol().orElse("TCP"));
      if (protocol.isEmpty() || p.port().isEmpty()) {
        continue;
      }
      ServicePortName spn = new ServicePortName(namespace, name, p.name().orElse(""), protocol.get());
      out.add(new ServicePortInfo(spn, clusterIP.get(), p.port().get(), p.nodePort().orElse(0), externalIPs, vips,
          ranges, healthCheck, affinity, sticky, externalLocal, internalLocal));
    }
    return out;
  }

  private static Optional<String> ipv4ClusterIP(ServiceSpec spec) {
    // One parse per address: every Service version on every sync passes through here.
    for (String ip : spec.clusterIPs()) {
      Optional<String> v4 = canonicalIPv4(ip);
      if (v4.isPresent()) {
        return v4;
      }
    }
    return spec.clusterIP().flatMap(ServicePortInfos::canonicalIPv4);
  }

  /**
   * {@code status.loadBalancer.ingress[].ip} in VIP mode. Until a cloud controller fills the status,
   * a LoadBalancer's {@code spec.loadBalancerIP} stands in for it, as the cloud would assign it.
   */
  private static List<String> loadBalancerVIPs(Service service, String type) {
    List<String> out = new ArrayList<>();
    service.status().flatMap(ServiceStatus::loadBalancer).ifPresent(lb -> {
      for (ServiceStatus.LoadBalancerIngress ing : lb.ingress()) {
        boolean vipMode = ing.ipMode().map("VIP"::equals).orElse(true);
        ing.ip().filter(ip -> vipMode && isIPv4(ip)).map(ServicePortInfos::canonical).ifPresent(out::add);
      }
    });
    if (out.isEmpty() && type.equals("LoadBalancer")) {
      service.specOrEmpty().loadBalancerIP().filter(ServicePortInfos::isIPv4).map(ServicePortInfos::canonical).ifPresent(out::add);
    }
    return out;
  }

  /** Parsed ranges; kube-proxy trims whitespace and ignores what does not parse. */
  private static List<Cidr> sourceRanges(ServiceSpec spec) {
    List<Cidr> out = new ArrayList<>();
    for (String r : spec.loadBalancerSourceRanges()) {
      Cidr.tryParse(r.trim()).filter(Cidr::isIPv4).ifPresent(out::add);
    }
    return out;
  }

  static boolean isIPv4(String ip) {
    return InetAddresses.isInetAddress(ip) && InetAddresses.forString(ip) instanceof Inet4Address;
  }

  /** The canonical text of an IPv4 address, or empty when the text is no IPv4 address. */
  static Optional<String> canonicalIPv4(String ip) {
    InetAddress address;
    try {
      address = InetAddresses.forString(ip);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return address instanceof Inet4Address ? Optional.of(InetAddresses.toAddrString(address)) : Optional.empty();
  }

  static String canonical(String ip) {
    return InetAddresses.toAddrString(InetAddresses.forString(ip));
  }
}
