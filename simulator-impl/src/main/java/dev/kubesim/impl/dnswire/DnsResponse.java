package dev.kubesim.impl.dnswire;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A DNS response: the rcode, the answer, authority and additional sections in order, and the
 * header flags a client sees ({@code aa}: authoritative answer, {@code ra}: recursion available).
 * CoreDNS's own zones answer with {@code aa} set and {@code ra} clear; NXDOMAIN and NODATA carry
 * the zone's SOA in the authority section.
 */
public record DnsResponse(
    DnsQuestion question,
    Rcode rcode,
    List<DnsRecord> answer,
    List<DnsRecord> authority,
    List<DnsRecord> additional,
    boolean authoritative,
    boolean recursionAvailable) {
  public DnsResponse {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(rcode, "rcode");
    answer = ImmutableList.copyOf(answer);
    authority = ImmutableList.copyOf(authority);
    additional = ImmutableList.copyOf(additional);
  }

  /** A response with only an rcode, as a server writes for an error it does not explain. */
  public static DnsResponse error(DnsQuestion question, Rcode rcode) {
    return new DnsResponse(question, rcode, List.of(), List.of(), List.of(), false, false);
  }

  /** NOERROR with an empty answer: the name exists, not with records of the asked type. */
  public boolean isNoData() {
    return rcode == Rcode.NOERROR && answer.isEmpty();
  }

  public DnsResponse withAnswer(List<DnsRecord> value) {
    return new DnsResponse(question, rcode, value, authority, additional, authoritative, recursionAvailable);
  }

  /** The same response with every record's TTL set to this value (a cache's view of it). */
  public DnsResponse withTtl(long ttl) {
    return new DnsResponse(question, rcode, retimed(answer, ttl), retimed(authority, ttl), retimed(additional, ttl),
        authoritative, recursionAvailable);
  }

  /** The same response with the authoritative-answer and recursion-available flags set as given. */
  public DnsResponse withFlags(boolean aa, boolean ra) {
    return new DnsResponse(question, rcode, answer, authority, additional, aa, ra);
  }

  private static List<DnsRecord> retimed(List<DnsRecord> records, long ttl) {
    return records.stream().map(r -> r.withTtl(ttl)).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return rcode + " " + question + " answer=" + answer + " authority=" + authority
        + (authoritative ? " aa" : "") + (recursionAvailable ? " ra" : "");
  }
}
