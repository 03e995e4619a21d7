package dev.kubesim.impl.resolver;

import java.util.Optional;

/** glibc's {@code __res_context_search}: the order of candidates and when to stop. */
final class GlibcSearch {
  private GlibcSearch() {}

  /**
   * The h_errno a failed candidate leaves: {@code res_send} gives up on SERVFAIL, NOTIMP, REFUSED
   * and silence alike (TRY_AGAIN); {@code __res_context_query} maps the other rcodes.
   */
  private static Resolution.Outcome failure(Optional<DnsAnswer> a) {
    if (a.isEmpty()) {
      return Resolution.Outcome.TRY_AGAIN;
    }
    return switch (a.get().rcode()) {
      case DnsAnswer.NXDOMAIN -> Resolution.Outcome.NOT_FOUND;
      case DnsAnswer.NOERROR -> Resolution.Outcome.NO_DATA;
      case DnsAnswer.SERVFAIL, DnsAnswer.NOTIMP, DnsAnswer.REFUSED -> Resolution.Outcome.TRY_AGAIN;
      default -> Resolution.Outcome.NO_RECOVERY;
    };
  }

  static Resolution run(Exchange ex, ResolverConfig conf, String name) {
    if (name.isEmpty()) {
      return new Resolution(ex.queries, Resolution.Outcome.NOT_FOUND, Optional.empty());
    }
    int dots = Exchange.dots(name);
    boolean trailingDot = name.endsWith(".");
    Resolution.Outcome savedAsIs = null;
    boolean triedAsIs = false;
    // Enough dots, or a trailing dot: the name as it is goes first.
    if (dots >= conf.ndots() || trailingDot) {
      Optional<DnsAnswer> a = ex.sendInTurn(Exchange.absolute(name));
      if (a.isPresent() && a.get().hasAnswers()) {
        return found(ex, a);
      }
      if (trailingDot) {
        return new Resolution(ex.queries, failure(a), a);
      }
      savedAsIs = failure(a);
      triedAsIs = true;
    }
    boolean searched = false;
    boolean rootOnList = false;
    boolean gotNoData = false;
    boolean gotServfail = false;
    Optional<DnsAnswer> last = Optional.empty();
    Resolution.Outcome lastFailure = Resolution.Outcome.NOT_FOUND;
    // RES_DEFNAMES and RES_DNSRCH are on by default: no dot or some dots, the whole list is walked.
    for (String domain : conf.search()) {
      searched = true;
      String d = domain.startsWith(".") ? domain.substring(1) : domain;
      if (d.isEmpty()) {
        rootOnList = true;
      }
      Optional<DnsAnswer> a = ex.sendInTurn(Exchange.absolute(name + "." + d));
      if (a.isPresent() && a.get().hasAnswers()) {
        return found(ex, a);
      }
      last = a;
      lastFailure = failure(a);
      if (lastFailure == Resolution.Outcome.NO_DATA) {
        gotNoData = true;
      } else if (a.isPresent() && a.get().rcode().equals(DnsAnswer.SERVFAIL)) {
        gotServfail = true; // a server failure: try the next entry
      } else if (lastFailure != Resolution.Outcome.NOT_FOUND) {
        break; // refusal or silence ends the search; the name as it is may still be tried
      }
    }
    if ((dots > 0 || !searched || !conf.noTldQuery()) && !(triedAsIs || rootOnList)) {
      Optional<DnsAnswer> a = ex.sendInTurn(Exchange.absolute(name));
      if (a.isPresent() && a.get().hasAnswers()) {
        return found(ex, a);
      }
      last = a;
      lastFailure = failure(a);
    }
    Resolution.Outcome outcome;
    if (savedAsIs != null) {
      outcome = savedAsIs;
    } else if (gotNoData) {
      outcome = Resolution.Outcome.NO_DATA;
    } else if (gotServfail) {
      outcome = Resolution.Outcome.TRY_AGAIN;
    } else {
      outcome = lastFailure;
    }
    return new Resolution(ex.queries, outcome, last);
  }

  private static Resolution found(Exchange ex, Optional<DnsAnswer> a) {
    return new Resolution(ex.queries, Resolution.Outcome.FOUND, a);
  }
}
