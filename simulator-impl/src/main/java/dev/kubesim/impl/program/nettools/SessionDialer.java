package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.HttpPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.net.UdpExchange;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.RunningContainer;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link PodDialer} for a server's container: names resolve as its image's C library resolves
 * them (its {@code /etc/hosts} and {@code /etc/resolv.conf}, queries sent as packets) and
 * connections open from its pod's namespace, all within one session.
 */
public final class SessionDialer implements PodDialer {
  private final PodNetwork pn;

  private SessionDialer(PodNetwork pn) {
    this.pn = pn;
  }

  /**
   * The dialer of {@code container}'s process answering within {@code session}.
   *
   * @param netns the pod's network namespace
   */
  public static SessionDialer of(Network network, RunningContainer container, Netns netns, Session session) {
    ExecContext ctx = new ExecContext(container, container.argv().isEmpty() ? "sh" : container.argv().get(0), container.env(), "/", "", null);
    return new SessionDialer(PodNetwork.within(network, ctx, netns, session));
  }

  @Override
  public Dial dial(String host, int port, Duration timeout) {
    PodNetwork.Lookup found = pn.lookup(host);
    if (!found.found()) {
      return Dial.failed(Failure.unresolved(found.outcome()));
    }
    String ip = found.addresses().get(0);
    long deadline = pn.session().now() + timeout.toNanos();
    TcpConnection.Attempt attempt = TcpConnection.open(pn.network(), pn.session(), pn.netns(), Ip4.parse(ip), port, deadline);
    if (!attempt.connected()) {
      return Dial.failed(Failure.of(attempt.status()));
    }
    TcpConnection c = attempt.connection();
    return Dial.connected(new Connection() {
      @Override
      public String address() {
        return ip;
      }

      @Override
      public Optional<String> exchange(String data) {
        return c.send(new DataPayload(data)).answer()
            .filter(DataPayload.class::isInstance).map(p -> ((DataPayload) p).text());
      }

      @Override
      public Optional<HttpResponse> http(HttpRequest request) {
        return c.send(HttpPayload.request(request)).answer()
            .filter(HttpPayload.class::isInstance).flatMap(p -> ((HttpPayload) p).asResponse());
      }

      @Override
      public void close() {
        c.close();
      }
    });
  }

  @Override
  public Optional<String> datagram(String address, int port, String data, Duration timeout) {
    if (!Ip4.isValid(address)) {
      return Optional.empty();
    }
    UdpExchange.Result r = UdpExchange.request(pn.network(), pn.session(), pn.netns(), Ip4.parse(address), port,
        new DataPayload(data), timeout.toNanos(), null);
    return r.answer().filter(DataPayload.class::isInstance).map(p -> ((DataPayload) p).text());
  }
}
