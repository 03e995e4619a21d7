package dev.kubesim.impl.dnswire;

import dev.kubesim.impl.net.Payload;
import java.util.Objects;

/**
 * A DNS response as a UDP datagram carries it.
 *
 * @param id the transaction id of the query it answers
 */
public record DnsResponsePayload(int id, DnsResponse response) implements Payload {
  public DnsResponsePayload {
    Objects.requireNonNull(response, "response");
  }

  @Override
  public String summary() {
    StringBuilder b = new StringBuilder("DNS ").append(id).append(' ');
    if (response.rcode() != Rcode.NOERROR) {
      b.append(response.rcode());
    } else {
      b.append(response.answer().size()).append('/').append(response.authority().size()).append('/')
          .append(response.additional().size());
      for (DnsRecord r : response.answer()) {
        b.append(' ').append(r.type()).append(' ').append(r.data());
      }
    }
    return b.toString();
  }

  @Override
  public int length() {
    int n = 12 + response.question().name().length() + 5;
    for (DnsRecord r : response.answer()) {
      n += r.name().length() + 11 + r.data().length();
    }
    return n;
  }
}
