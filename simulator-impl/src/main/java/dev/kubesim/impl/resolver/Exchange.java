package dev.kubesim.impl.resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends one candidate name to the nameservers, as each libc's {@code res_send} does, and keeps the log. */
final class Exchange {
  private final DnsTransport transport;
  private final String fromPod;
  private final ResolverConfig config;
  private final String type;
  final List<Resolution.Query> queries = new ArrayList<>();

  Exchange(DnsTransport transport, String fromPod, ResolverConfig config, String type) {
    this.transport = transport;
    this.fromPod = fromPod;
    this.config = config;
    this.type = type;
  }

  String type() {
    return type;
  }

  private Optional<DnsAnswer> ask(String nameserver, String fqdn) {
    Optional<DnsAnswer> a = transport.query(fromPod, nameserver, fqdn, type);
    queries.add(new Resolution.Query(fqdn, nameserver, a));
    return a;
  }

  /**
   * glibc: nameservers one after another, {@code attempts} rounds; silence, SERVFAIL, NOTIMP and
   * REFUSED move on to the next server. Returns the first other answer, else the last failure
   * received (its rcode still steers the search), else empty.
   */
  Optional<DnsAnswer> sendInTurn(String fqdn) {
    Optional<DnsAnswer> lastFailure = Optional.empty();
    for (int round = 0; round < config.attempts(); round++) {
      for (String ns : config.nameservers()) {
        Optional<DnsAnswer> a = ask(ns, fqdn);
        if (a.isEmpty()) {
          continue;
        }
        String rcode = a.get().rcode();
        if (rcode.equals(DnsAnswer.SERVFAIL) || rcode.equals(DnsAnswer.NOTIMP) || rcode.equals(DnsAnswer.REFUSED)) {
          lastFailure = a;
          continue;
        }
        return a;
      }
    }
    return lastFailure;
  }

  /**
   * musl: every nameserver at once (each gets the query), {@code attempts} rounds; only NOERROR
   * and NXDOMAIN are accepted and the first in nameserver order wins (real musl takes the fastest;
   * the simulated servers answer at once); anything else is ignored, so nothing accepted means
   * empty.
   */
  Optional<DnsAnswer> sendTogether(String fqdn) {
    for (int round = 0; round < config.attempts(); round++) {
      Optional<DnsAnswer> accepted = Optional.empty();
      for (String ns : config.nameservers()) {
        Optional<DnsAnswer> a = ask(ns, fqdn);
        if (accepted.isEmpty() && a.isPresent() && (a.get().isNoError() || a.get().isNxDomain())) {
          accepted = a;
        }
      }
      if (accepted.isPresent()) {
        return accepted;
      }
    }
    return Optional.empty();
  }

  /** The absolute form of a candidate: one trailing dot. */
  static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  static int dots(String name) {
    int n = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }
}
