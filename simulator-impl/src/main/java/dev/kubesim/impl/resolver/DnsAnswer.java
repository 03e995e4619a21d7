package dev.kubesim.impl.resolver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.dnswire.DnsRecord;
import java.util.List;
import java.util.Objects;

/**
 * A DNS response as a stub resolver sees it: the rcode and the answer section in order.
 *
 * @param rcode {@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL}, {@code REFUSED}, {@code
 *     NOTIMP}, {@code FORMERR}
 * @param answers the answer section (a CNAME chain comes before the records it leads to)
 */
public record DnsAnswer(String rcode, List<DnsRecord> answers) {
  public static final String NOERROR = "NOERROR";
  public static final String NXDOMAIN = "NXDOMAIN";
  public static final String SERVFAIL = "SERVFAIL";
  public static final String REFUSED = "REFUSED";
  public static final String NOTIMP = "NOTIMP";

  public DnsAnswer {
    Objects.requireNonNull(rcode, "rcode");
    answers = ImmutableList.copyOf(answers);
  }

  /** A NOERROR answer with these records. */
  public static DnsAnswer of(DnsRecord... records) {
    return new DnsAnswer(NOERROR, List.of(records));
  }

  /** An answer with this rcode and no records. */
  public static DnsAnswer rcode(String rcode) {
    return new DnsAnswer(rcode, List.of());
  }

  public boolean isNoError() {
    return rcode.equals(NOERROR);
  }

  public boolean isNxDomain() {
    return rcode.equals(NXDOMAIN);
  }

  /** NOERROR with at least one record: what {@code res_query} counts as a result. */
  public boolean hasAnswers() {
    return isNoError() && !answers.isEmpty();
  }
}
