package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.RrType;
import dev.kubesim.impl.net.Ip4;
import java.util.Optional;

/**
 * What the kubernetes backend finds for a name before it becomes records (CoreDNS's {@code
 * msg.Service}): a host that is an address (A/AAAA) or a name (CNAME), or a text (TXT); the port
 * for SRV ({@code -1} when the endpoints declare none); and the name this entry is known by, the
 * SRV target of an address.
 *
 * @param domain the entry's own name, fully qualified, lower case
 * @param host an address in canonical form or a target name; empty for a text
 */
record ServiceRecord(String domain, String host, int port, long ttl, Optional<String> text) {
  static ServiceRecord address(String domain, String host, int port, long ttl) {
    return new ServiceRecord(domain, host, port, ttl, Optional.empty());
  }

  static ServiceRecord text(String domain, String text, long ttl) {
    return new ServiceRecord(domain, "", 0, ttl, Optional.of(text));
  }

  /** The record type the host makes ({@code msg.Service.HostType}): A, AAAA, CNAME or TXT. */
  String hostType() {
    if (Ip4.isCanonical(host)) {
      return RrType.A; // the index keeps addresses canonical: the usual IPv4 host needs no parsing
    }
    Optional<String> ip = Addresses.canonical(host);
    if (ip.isEmpty()) {
      return text.isPresent() ? RrType.TXT : RrType.CNAME;
    }
    return Addresses.isIPv4(ip.get()) ? RrType.A : RrType.AAAA;
  }
}
