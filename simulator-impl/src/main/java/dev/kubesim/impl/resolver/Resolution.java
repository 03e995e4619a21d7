package dev.kubesim.impl.resolver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.dnswire.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lookup did and found.
 *
 * @param queries every query sent, in order (a name asked of several nameservers, or again in a
 *     later round, appears once per query)
 * @param outcome how the lookup ended
 * @param answer the answer that ended it, when one did
 */
public record Resolution(List<Query> queries, Outcome outcome, Optional<DnsAnswer> answer) {
  public Resolution {
    queries = ImmutableList.copyOf(queries);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(answer, "answer");
  }

  /**
   * One query.
   *
   * @param fqdn the name asked, with its trailing dot
   * @param nameserver whom it was asked
   * @param answer the response, empty when none came
   */
  public record Query(String fqdn, String nameserver, Optional<DnsAnswer> answer) {}

  /** How a lookup ends, in the libcs' terms ({@code h_errno} / {@code EAI_*}). */
  public enum Outcome {
    /** An answer with records. */
    FOUND,
    /** No such name anywhere tried ({@code HOST_NOT_FOUND}, {@code EAI_NONAME}). */
    NOT_FOUND,
    /** The name exists without records of the type ({@code NO_DATA}, {@code EAI_NODATA}). */
    NO_DATA,
    /** No usable response: server failure or silence ({@code TRY_AGAIN}, {@code EAI_AGAIN}). */
    TRY_AGAIN,
    /** A refusal or other hard error ({@code NO_RECOVERY}, {@code EAI_FAIL}). */
    NO_RECOVERY
  }

  /** The names queried, in order, each once per run of queries for it. */
  public List<String> tried() {
    List<String> names = new ArrayList<>();
    for (Query q : queries) {
      if (names.isEmpty() || !names.get(names.size() - 1).equals(q.fqdn())) {
        names.add(q.fqdn());
      }
    }
    return names;
  }

  /** The rcode of the last query that was answered, if any was. */
  public Optional<String> rcode() {
    for (int i = queries.size() - 1; i >= 0; i--) {
      if (queries.get(i).answer().isPresent()) {
        return queries.get(i).answer().map(DnsAnswer::rcode);
      }
    }
    return Optional.empty();
  }

  /** The first address (A or AAAA record) of the answer that ended the lookup. */
  public Optional<String> address() {
    return answer.flatMap(a -> a.answers().stream()
        .filter(r -> r.type().equals("A") || r.type().equals("AAAA"))
        .map(DnsRecord::data)
        .findFirst());
  }

  /** Every address of the answer that ended the lookup, in answer order. */
  public List<String> addresses() {
    return answer.map(a -> a.answers().stream()
        .filter(r -> r.type().equals("A") || r.type().equals("AAAA"))
        .map(DnsRecord::data)
        .toList()).orElse(List.of());
  }

  public boolean found() {
    return outcome == Outcome.FOUND;
  }
}
