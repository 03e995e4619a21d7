package dev.kubesim.api;

import java.util.Objects;

/**
 * One resource record of a DNS response's answer section.
 *
 * @param name the owner name, fully qualified ({@code kubia.default.svc.cluster.local.})
 * @param type the record type ({@code A}, {@code AAAA}, {@code SRV}, {@code PTR}, {@code CNAME}, ...)
 * @param ttl the time to live, in seconds
 * @param data the data as a zone file writes it: an address for A and AAAA, {@code priority weight
 *     port target} for SRV, the target name for PTR and CNAME, the text for TXT
 */
public record DnsRecord(String name, String type, long ttl, String data) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param name the owner name, fully qualified
   * @param type the record type
   * @param ttl the time to live, in seconds
   * @param data the data as a zone file writes it
   */
  public DnsRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
