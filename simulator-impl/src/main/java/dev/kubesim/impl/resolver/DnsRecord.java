package dev.kubesim.impl.resolver;

import java.util.Objects;

/**
 * One resource record of an answer section.
 *
 * @param name the owner name, fully qualified with its trailing dot
 * @param type {@code A}, {@code AAAA}, {@code CNAME}, {@code SRV}, {@code PTR}, {@code TXT}
 * @param ttl seconds
 * @param data as in a zone file: an address, a target name, {@code priority weight port target}
 */
public record DnsRecord(String name, String type, long ttl, String data) {
  public DnsRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
