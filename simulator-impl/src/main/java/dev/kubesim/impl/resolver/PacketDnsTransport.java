package dev.kubesim.impl.resolver;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.dnswire.DnsQueryPayload;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.DnsResponsePayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.UdpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DNS queries as UDP packets: from the pod's namespace to the nameserver's port 53, through the
 * node's kube-proxy rules (the kube-dns Service's address is DNAT'd to a CoreDNS pod) and back
 * through conntrack, each hop in the session's trace. Silence costs the resolver's timeout (5 s,
 * glibc's and musl's default) in the session's virtual time.
 */
public final class PacketDnsTransport implements DnsTransport {
  /** {@code RES_TIMEOUT}: the libcs' default per-query timeout. */
  public static final long TIMEOUT_NANOS = 5_000_000_000L;

  private final Network network;
  private final Session session;
  private final Netns from;
  private final long timeoutNanos;
  private final List<Exchange> exchanges = new ArrayList<>();

  /**
   * One query and what came back.
   *
   * @param server who answered ({@code pod/kube-system/coredns-...}, {@code host/192.168.49.1}), or what
   *     decided that nothing did, if an object did
   */
  public record Exchange(String nameserver, DnsQuestion question, Optional<DnsResponse> response,
      Optional<ObjectRef> server, UdpExchange.Status status) {}

  public PacketDnsTransport(Network network, Session session, Netns from, long timeoutNanos) {
    this.network = network;
    this.session = session;
    this.from = from;
    this.timeoutNanos = timeoutNanos;
  }

  public PacketDnsTransport(Network network, Session session, Netns from) {
    this(network, session, from, TIMEOUT_NANOS);
  }

  @Override
  public Optional<DnsAnswer> query(String fromPod, String nameserver, String fqdn, String type) {
    return exchange(nameserver, DnsQuestion.of(fqdn, type), true).response().map(PacketDnsTransport::answer);
  }

  /** Sends one question to a nameserver and returns the whole exchange (for nslookup and dig). */
  public Exchange exchange(String nameserver, DnsQuestion question, boolean recursionDesired) {
    OptionalInt ns = Ip4.tryParse(nameserver);
    if (ns.isEmpty()) {
      Exchange e = new Exchange(nameserver, question, Optional.empty(), Optional.empty(), UdpExchange.Status.NO_ROUTE);
      exchanges.add(e);
      return e;
    }
    DnsQueryPayload query = new DnsQueryPayload(network.randomId(), question, recursionDesired);
    UdpExchange.Result r = UdpExchange.request(network, session, from, ns.getAsInt(), 53, query, timeoutNanos,
        () -> "DNS query to nameserver " + nameserver);
    Optional<DnsResponse> response = r.answer()
        .filter(DnsResponsePayload.class::isInstance)
        .map(p -> ((DnsResponsePayload) p).response());
    Exchange e = new Exchange(nameserver, question, response, r.object(), r.status());
    exchanges.add(e);
    return e;
  }

  /** Every exchange so far, in order. */
  public List<Exchange> exchanges() {
    return exchanges;
  }

  static DnsAnswer answer(DnsResponse response) {
    return new DnsAnswer(response.rcode().name(), response.answer());
  }
}
