package dev.kubesim.impl.resolver;

import java.util.Optional;

/** musl's {@code name_from_dns_search} and {@code name_from_dns}: candidates and when to stop. */
final class MuslSearch {
  /** Names are at most 255 bytes in musl's buffers. */
  private static final int MAX_NAME = 256;

  private MuslSearch() {}

  static Resolution run(Exchange ex, ResolverConfig conf, String name) {
    int dots = Exchange.dots(name);
    // At least ndots dots, or a trailing dot (a request for global scope): no search at all.
    boolean search = dots < conf.ndots() && !name.endsWith(".");
    String base = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (base.isEmpty() || base.endsWith(".") || base.length() >= MAX_NAME) {
      return new Resolution(ex.queries, Resolution.Outcome.NOT_FOUND, Optional.empty());
    }
    if (search) {
      for (String domain : conf.search()) {
        if (domain.length() >= MAX_NAME - base.length() - 1) {
          continue; // the candidate would not fit: skipped
        }
        Optional<Resolution> r = ask(ex, base + "." + domain);
        if (r.isPresent()) {
          return r.get();
        }
      }
    }
    return ask(ex, base).orElseGet(() ->
        new Resolution(ex.queries, Resolution.Outcome.NOT_FOUND, ex.queries.get(ex.queries.size() - 1).answer()));
  }

  /** One candidate: a result that ends the lookup, or empty for NXDOMAIN (keep searching). */
  private static Optional<Resolution> ask(Exchange ex, String candidate) {
    Optional<DnsAnswer> a = ex.sendTogether(Exchange.absolute(candidate));
    if (a.isEmpty()) {
      return Optional.of(new Resolution(ex.queries, Resolution.Outcome.TRY_AGAIN, a));
    }
    if (a.get().isNxDomain()) {
      return Optional.empty();
    }
    boolean hasAddress = a.get().answers().stream().anyMatch(r -> r.type().equals(ex.type()));
    // NOERROR without an address of the type is EAI_NODATA, and it ends the search too.
    return Optional.of(new Resolution(ex.queries, hasAddress ? Resolution.Outcome.FOUND : Resolution.Outcome.NO_DATA, a));
  }
}
