package dev.kubesim.impl.dnswire;

import dev.kubesim.impl.net.Payload;
import java.util.Objects;

/**
 * A DNS query as a UDP datagram carries it.
 *
 * @param id the query's transaction id
 * @param recursionDesired the RD flag (stub resolvers set it; {@code dig +norec} clears it)
 */
public record DnsQueryPayload(int id, DnsQuestion question, boolean recursionDesired) implements Payload {
  public DnsQueryPayload {
    Objects.requireNonNull(question, "question");
  }

  @Override
  public String summary() {
    return "DNS " + id + "+ " + question.type() + "? " + question.name();
  }

  @Override
  public int length() {
    // header, the name in labels, type and class
    return 12 + question.name().length() + 1 + 4;
  }
}
