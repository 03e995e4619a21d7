package dev.kubesim.impl.proxy;

import com.google.common.io.BaseEncoding;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.sim.Sha256;

/**
 * The names kube-proxy's iptables mode gives its per-service-port and per-endpoint chains
 * ({@code portProtoHash} and {@code servicePortEndpointChainName} in proxier.go): SHA-256 of the
 * hash input, RFC 4648 base32 with the standard alphabet, first 16 characters. iptables limits
 * chain names to 28 characters, hence the hash.
 */
public final class ChainNames {
  /** Dispatches Cluster-policy traffic to the endpoints. */
  public static final String SERVICE_PREFIX = "KUBE-SVC-";
  /** Dispatches Local-policy traffic to the node's own endpoints. */
  public static final String LOCAL_PREFIX = "KUBE-SVL-";
  /** Entry for external destinations (nodePort, externalIP, LoadBalancer IP). */
  public static final String EXTERNAL_PREFIX = "KUBE-EXT-";
  /** loadBalancerSourceRanges filtering. */
  public static final String FIREWALL_PREFIX = "KUBE-FW-";
  /** One endpoint: hairpin masquerade and the DNAT. */
  public static final String ENDPOINT_PREFIX = "KUBE-SEP-";

  private ChainNames() {}

  /** The 16-character hash of {@code servicePortName + protocol} (protocol lower-case). */
  public static String portProtoHash(String servicePortName, String protocol) {
    return hash16(servicePortName + protocol);
  }

  /** {@code KUBE-SVC-<hash>}. */
  public static String service(ServicePortName name) {
    return portChains(name).service();
  }

  /** {@code KUBE-SVL-<hash>}. */
  public static String local(ServicePortName name) {
    return portChains(name).local();
  }

  /** {@code KUBE-EXT-<hash>}. */
  public static String external(ServicePortName name) {
    return portChains(name).external();
  }

  /** {@code KUBE-FW-<hash>}. */
  public static String firewall(ServicePortName name) {
    return portChains(name).firewall();
  }

  /** The four chains of one service port, which share one hash. */
  private record PortChains(String service, String local, String external, String firewall) {}

  // Every node's kube-proxy asks for them on every sync of the Service: made once per service port.
  private static final java.util.concurrent.ConcurrentHashMap<ServicePortName, PortChains> PORT_CHAINS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static PortChains portChains(ServicePortName name) {
    PortChains known = PORT_CHAINS.get(name);
    if (known != null) {
      return known;
    }
    String hash = portProtoHash(name.toString(), name.protocol().lower());
    PortChains made = new PortChains(SERVICE_PREFIX + hash, LOCAL_PREFIX + hash, EXTERNAL_PREFIX + hash, FIREWALL_PREFIX + hash);
    if (PORT_CHAINS.size() > 100_000) {
      PORT_CHAINS.clear();
    }
    PORT_CHAINS.put(name, made);
    return made;
  }

  /** {@code KUBE-SEP-<hash>} of {@code servicePortName + protocol + "ip:port"}. */
  public static String endpoint(String servicePortName, String protocol, String endpoint) {
    return ENDPOINT_PREFIX + hash16(servicePortName + protocol + endpoint);
  }

  /** {@code KUBE-SEP-<hash>} of an endpoint of a service port. */
  public static String endpoint(ServicePortName name, String endpoint) {
    return endpoint(name.toString(), name.protocol().lower(), endpoint);
  }

  /** The first 16 characters of RFC 4648 base32 (standard alphabet) of SHA-256 of the input. */
  static String hash16(String input) {
    // A pure function of its input, asked again on every resync of a Service: remember recent ones.
    String cached = HASHES.get(input);
    if (cached != null) {
      return cached;
    }
    byte[] digest = Sha256.of(input);
    String hash = BaseEncoding.base32().encode(digest).substring(0, 16);
    if (HASHES.size() > 100_000) {
      HASHES.clear();
    }
    HASHES.put(input, hash);
    return hash;
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String> HASHES = new java.util.concurrent.ConcurrentHashMap<>();
}
