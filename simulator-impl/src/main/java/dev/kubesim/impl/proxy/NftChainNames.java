package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.ServicePortName;

/**
 * The names kube-proxy's nftables mode gives its per-service-port and per-endpoint chains and
 * affinity sets ({@code servicePortChainNameBase} and {@code servicePortEndpointChainNameBase} in
 * pkg/proxy/nftables/proxier.go): {@code PREFIX<hash>-<ns>/<svc>/<proto>/<port name>}, the hash the
 * first 8 characters of base32 of SHA-256 of what follows it, the whole base cut to 240 characters
 * with {@code ...} at the end when longer.
 */
final class NftChainNames {
  static final String SERVICE_PREFIX = "service-";
  static final String LOCAL_PREFIX = "local-";
  static final String EXTERNAL_PREFIX = "external-";
  static final String FIREWALL_PREFIX = "firewall-";
  static final String ENDPOINT_PREFIX = "endpoint-";
  static final String AFFINITY_PREFIX = "affinity-";
  private static final int BASE_LENGTH_MAX = 256 - 16;

  private NftChainNames() {}

  /** {@code <hash>-<ns>/<svc>/<proto>/<port name>}, shared by the port's four chains. */
  static String portBase(ServicePortName name) {
    return hashAndTruncate(portText(name));
  }

  /** {@code <hash>-<ns>/<svc>/<proto>/<port name>__<ip>/<port>}, shared by an endpoint's chain and affinity set. */
  static String endpointBase(ServicePortName name, EndpointInfo endpoint) {
    return hashAndTruncate(portText(name) + "__" + endpoint.ip() + "/" + endpoint.port());
  }

  private static String portText(ServicePortName name) {
    return name.namespace() + "/" + name.name() + "/" + name.protocol().lower() + "/" + name.port();
  }

  private static String hashAndTruncate(String text) {
    String base = ChainNames.hash16(text).substring(0, 8) + "-" + text;
    return base.length() > BASE_LENGTH_MAX ? base.substring(0, BASE_LENGTH_MAX - 3) + "..." : base;
  }
}
