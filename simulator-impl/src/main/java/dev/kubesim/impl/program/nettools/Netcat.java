package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.net.UdpExchange;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.trace.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nc [-zvun] [-w SECS] [-q SECS] HOST PORT...}: connects over TCP (UDP with {@code -u}),
 * sends its standard input and prints what comes back; {@code -z} only tests the connection. Two
 * flavours, each with its own words: BusyBox's (networking/nc_bloaty.c, netcat 1.10's behaviour:
 * {@code -v} prints {@code HOST (IP:PORT) open}, a refusal only with {@code -vv}, other failures as
 * {@code nc: HOST (IP:PORT): why}, a name that does not resolve {@code nc: bad address 'HOST'}) in
 * BusyBox userlands, and OpenBSD's (netcat.c as Debian ships it: {@code Connection to HOST (IP) PORT
 * port [tcp/SERVICE] succeeded!}, {@code nc: connect to HOST (IP) port PORT (tcp) failed: why}, both
 * only with {@code -v}) elsewhere.
 * A request on standard input that reads as HTTP reaches an HTTP server as one, and its response
 * comes back as the server writes it. Listening ({@code -l}) is not simulated.
 */
final class Netcat implements Command {
  /** The entries of {@code /etc/services} a cluster's clients meet, for OpenBSD's {@code [tcp/http]}. */
  private static final Map<Integer, String> SERVICES = Map.ofEntries(Map.entry(21, "ftp"), Map.entry(22, "ssh"),
      Map.entry(25, "smtp"), Map.entry(53, "domain"), Map.entry(80, "http"), Map.entry(443, "https"),
      Map.entry(3306, "mysql"), Map.entry(5432, "postgresql"), Map.entry(6379, "redis"), Map.entry(8080, "http-alt"),
      Map.entry(9090, "websm"), Map.entry(11211, "memcache"), Map.entry(27017, "mongodb"));
  private static final String BUSYBOX_USAGE = "\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n";
  private static final String OPENBSD_USAGE = "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
      + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
      + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
      + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
      + "\t  [destination] [port]\n";
  private static final long SECOND = 1_000_000_000L;

  private final Network network;

  Netcat(Network network) {
    this.network = network;
  }

  /** The command line, read as getopt reads it. */
  private static final class Options {
    boolean zero;
    int verbose;
    boolean udp;
    boolean listen;
    long waitSeconds = -1;
    long quitSeconds = -1;
    final List<String> operands = new ArrayList<>();
    String error;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean busybox = ctx.busybox();
    Options o = parse(args);
    if (o.error != null) {
      return ExecResult.failure(1, "nc: " + o.error + "\n" + (busybox ? ctx.busyboxBanner(true) + BUSYBOX_USAGE : OPENBSD_USAGE));
    }
    if (o.listen) {
      return ExecResult.failure(126, "kubesim: nc -l: listening is not simulated\n");
    }
    if (o.operands.size() < 2 || (busybox && o.operands.size() > 2)) {
      return ExecResult.failure(1, busybox ? ctx.busyboxBanner(true) + BUSYBOX_USAGE : OPENBSD_USAGE);
    }
    String host = o.operands.get(0);
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, args);
    if (opened.isEmpty()) {
      return ExecResult.failure(1, "nc: " + unreachable(Libc.GLIBC) + "\n");
    }
    PodNetwork pn = opened.get();
    List<Integer> ports = new ArrayList<>();
    for (String p : o.operands.subList(1, o.operands.size())) {
      Optional<List<Integer>> parsed = ports(p, busybox);
      if (parsed.isEmpty()) {
        pn.publish(Disposition.of(Disposition.Kind.NO_ROUTE, Cause.MALFORMED_URL, "not a port: " + p));
        return ExecResult.failure(1, busybox ? "nc: bad port '" + p + "'\n" : "nc: port range not valid\n");
      }
      ports.addAll(parsed.get());
    }
    PodNetwork.Lookup found = pn.lookup(host);
    if (!found.found()) {
      pn.publish(found.unresolved(host));
      String why = switch (found.outcome()) {
        case TRY_AGAIN -> "Temporary failure in name resolution";
        default -> pn.libc() == Libc.MUSL ? "Name does not resolve" : "Name or service not known";
      };
      return finish(pn, "", busybox ? "nc: bad address '" + host + "'\n"
          : "nc: getaddrinfo for host \"" + host + "\" port " + ports.get(0) + ": " + why + "\n", 1);
    }
    String ip = found.addresses().get(0);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    boolean anyConnected = false;
    Disposition last = null;
    for (int port : ports) {
      Probe p = o.udp ? udp(pn, o, ip, port, ctx.stdin()) : tcp(pn, o, ip, port, ctx.stdin());
      last = p.disposition;
      if (p.forever) {
        pn.publish(p.disposition);
        return new ExecResult(out.append(p.received).toString(), err.toString(), 0, ExecResult.FOREVER);
      }
      if (p.failure == null) {
        anyConnected = true;
        if (o.verbose > 0) {
          err.append(busybox ? host + " (" + ip + ":" + port + ") open\n" : succeeded(host, ip, port, o.udp));
        }
        out.append(p.received);
      } else {
        status = 1;
        boolean refused = p.failure.equals("Connection refused");
        if (busybox ? o.verbose > 1 || (o.verbose > 0 && !refused) : o.verbose > 0 && !p.silent) {
          // OpenBSD's warn(): the address only when it says more than the host, then strerror(errno),
          // which after a timed-out non-blocking connect is still EINPROGRESS
          err.append(busybox ? "nc: " + host + " (" + ip + ":" + port + "): " + p.failure + "\n"
              : "nc: connect to " + host + (host.equals(ip) ? "" : " (" + ip + ")") + " port " + port + " ("
                  + (o.udp ? "udp" : "tcp") + ") "
                  + (p.failure.equals(timedOut(pn)) ? "timed out: Operation now in progress" : "failed: " + p.failure)
                  + "\n");
        }
      }
    }
    if (busybox && o.verbose > 1) {
      err.append("sent ").append(o.zero ? 0 : bytes(ctx.stdin())).append(", rcvd ").append(bytes(out.toString())).append('\n');
    }
    pn.publish(last);
    // OpenBSD's nc exits 0 when any port connected; BusyBox tries its one port
    return finish(pn, out.toString(), err.toString(), busybox ? status : anyConnected ? 0 : 1);
  }

  private static String succeeded(String host, String ip, int port, boolean udp) {
    String proto = udp ? "udp" : "tcp";
    return "Connection to " + host + (host.equals(ip) ? "" : " (" + ip + ")") + " " + port + " port [" + proto + "/"
        + SERVICES.getOrDefault(port, "*") + "] succeeded!\n";
  }

  /** How one port went: the data that came back, or why it failed (an errno's words). */
  private record Probe(String received, String failure, boolean silent, boolean forever, Disposition disposition) {
    static Probe ok(String received, Disposition d) {
      return new Probe(received, null, false, false, d);
    }

    static Probe failed(String why, boolean silent, Disposition d) {
      return new Probe("", why, silent, false, d);
    }
  }

  private Probe tcp(PodNetwork pn, Options o, String ip, int port, String stdin) {
    Session s = pn.session();
    long deadline = o.waitSeconds > 0 ? s.now() + o.waitSeconds * SECOND : Long.MAX_VALUE;
    TcpConnection.Attempt a = TcpConnection.open(network, s, pn.netns(), Ip4.parse(ip), port, deadline);
    if (!a.connected()) {
      return switch (a.status()) {
        case REFUSED -> Probe.failed("Connection refused", false,
            new Disposition(Disposition.Kind.REFUSED, a.cause(), a.object(), a.reason()));
        case NO_ROUTE -> Probe.failed(unreachable(pn.libc()), false,
            new Disposition(Disposition.Kind.NO_ROUTE, a.cause(), a.object(), a.reason()));
        default -> Probe.failed(timedOut(pn), false,
            new Disposition(Disposition.Kind.TIMED_OUT, a.cause(), a.object(), a.reason()));
      };
    }
    TcpConnection c = a.connection();
    Disposition connected = new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, Optional.of(c.serverOwner()),
        "connected");
    if (o.zero) {
      c.close();
      return Probe.ok("", connected);
    }
    // standard input, then its end: the server reads the data and answers it (or closes)
    TcpConnection.Reply reply = c.send(NetcatData.request(stdin));
    if (reply.lost().isPresent()) {
      // nothing comes back: nc waits out its idle timeout (BusyBox twice), or as long as TCP retries
      long idle = o.waitSeconds > 0 ? o.waitSeconds * SECOND * (pn.ctx().busybox() ? 2 : 1) : 924_600_000_000L;
      s.advanceTo(s.now() + idle);
      return Probe.ok("", new Disposition(Disposition.Kind.TIMED_OUT, reply.lost().get().cause(),
          reply.lost().get().object(), reply.lost().get().reason()));
    }
    c.close();
    String received = reply.answer().map(NetcatData::text).orElse("");
    return Probe.ok(received, new Disposition(reply.answer().isPresent() ? Disposition.Kind.DELIVERED
        : Disposition.Kind.EMPTY_REPLY, reply.answer().isPresent() ? Cause.ANSWERED : Cause.CONNECTION_CLOSED,
        Optional.of(c.serverOwner()), reply.answer().isPresent() ? "answered" : "the server closed without an answer"));
  }

  private Probe udp(PodNetwork pn, Options o, String ip, int port, String stdin) {
    Session s = pn.session();
    boolean busybox = pn.ctx().busybox();
    // -z sends a probe byte and waits for an ICMP refusal (BusyBox waits -w, or a round trip)
    long wait;
    boolean forever = false;
    if (o.zero) {
      wait = o.waitSeconds > 0 ? o.waitSeconds * SECOND : SECOND;
    } else if (o.waitSeconds > 0) {
      wait = o.waitSeconds * SECOND * (busybox ? 2 : 1);
    } else if (o.quitSeconds >= 0) {
      wait = o.quitSeconds * SECOND;
    } else {
      forever = true;
      wait = Long.MAX_VALUE - s.now();
    }
    Payload data = new DataPayload(o.zero ? "X" : stdin);
    UdpExchange.Result r = UdpExchange.request(network, s, pn.netns(), network.ephemeralPort(), Ip4.parse(ip), port,
        data, wait, Reason.of(o.zero ? "nc -z -u probe" : "nc -u"));
    return switch (r.status()) {
      case ANSWERED -> {
        String text = o.zero ? "" : r.answer().map(NetcatData::text).orElse("");
        Disposition d = new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.object(), "answered");
        // without a timeout the reply is printed and nc waits on for more until it is stopped
        yield forever ? new Probe(text, null, false, true, d) : Probe.ok(text, d);
      }
      // a UDP refusal shows as the next write's or read's ECONNREFUSED, which OpenBSD's nc does not word
      case REFUSED -> Probe.failed("Connection refused", true,
          new Disposition(Disposition.Kind.REFUSED, r.cause(), r.object(), r.reason()));
      case NO_ROUTE -> Probe.failed(unreachable(pn.libc()), false,
          new Disposition(Disposition.Kind.NO_ROUTE, r.cause(), r.object(), r.reason()));
      case TIMED_OUT -> forever
          ? new Probe("", null, false, true, new Disposition(Disposition.Kind.TIMED_OUT, Cause.STILL_RUNNING, r.object(),
              "no answer; nc -u waits for one until it is stopped"))
          // no refusal came back: as far as nc can tell, the port is open
          : Probe.ok("", new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, r.object(), "no refusal"));
    };
  }

  private static String timedOut(PodNetwork pn) {
    return pn.libc() == Libc.MUSL ? "Operation timed out" : "Connection timed out";
  }

  private static String unreachable(Libc libc) {
    return libc == Libc.MUSL ? "Network unreachable" : "Network is unreachable";
  }

  private static ExecResult finish(PodNetwork pn, String out, String err, int status) {
    return new ExecResult(out, err, status, Duration.ofNanos(pn.session().elapsed()));
  }

  private static int bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** A port, a service name or (OpenBSD) a range {@code LOW-HIGH}. */
  private static Optional<List<Integer>> ports(String text, boolean busybox) {
    for (Map.Entry<Integer, String> e : SERVICES.entrySet()) {
      if (e.getValue().equals(text)) {
        return Optional.of(List.of(e.getKey()));
      }
    }
    String[] range = busybox ? new String[] {text} : text.split("-", 2);
    List<Integer> out = new ArrayList<>();
    try {
      int low = Integer.parseInt(range[0]);
      int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
      if (low < 0 || high > 65535 || low > high) {
        return Optional.empty();
      }
      for (int p = low; p <= high; p++) {
        out.add(p);
      }
      return Optional.of(out);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Options parse(List<String> args) {
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-") || a.equals("-")) {
        o.operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        switch (c) {
          case 'z' -> o.zero = true;
          case 'v' -> o.verbose++;
          case 'u' -> o.udp = true;
          case 'l', 'k' -> o.listen = true;
          case 'n', 'N', '4', 'd', 'D', 'C', 'b' -> { }
          case 'w', 'q', 'p', 's', 'i', 'W', 'I', 'O', 'T', 'M', 'm' -> {
            String value = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
              o.error = "option requires an argument -- '" + c + "'";
              return o;
            }
            if (c == 'w' || c == 'q') {
              try {
                long n = Long.parseLong(value);
                if (c == 'w') {
                  o.waitSeconds = n;
                } else {
                  o.quitSeconds = n;
                }
              } catch (NumberFormatException e) {
                o.error = "invalid number '" + value + "'";
                return o;
              }
            }
            j = a.length();
          }
          default -> {
            o.error = "invalid option -- '" + c + "'";
            return o;
          }
        }
      }
    }
    return o;
  }
}
