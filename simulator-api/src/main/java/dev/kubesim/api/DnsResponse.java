package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The response to one DNS query ({@link RunningPod#queryDns}, {@link NodeHandle#queryDns}).
 *
 * @param rcode the response code: {@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL}, {@code
 *     REFUSED}, ...
 * @param answers the answer section's records, in the order the server sent them
 */
public record DnsResponse(String rcode, List<DnsRecord> answers) {
  /**
   * Copies the list immutable and checks that no field is {@code null}.
   *
   * @param rcode the response code
   * @param answers the answer section's records, in order
   */
  public DnsResponse {
    Objects.requireNonNull(rcode, "rcode");
    answers = ImmutableList.copyOf(answers);
  }
}
