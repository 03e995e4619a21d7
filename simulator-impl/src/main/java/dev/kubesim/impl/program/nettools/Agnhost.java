package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.SctpAssociation;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.UdpExchange;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.images.AgnhostProgram;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.trace.Reason;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /agnhost}, the e2e test image's one binary, run as a process that ends: by {@code kubectl
 * exec}, or as a container's main process for such a sub-command. Its servers ({@code netexec},
 * {@code serve-hostname}) are the image's program, {@code AgnhostProgram}; here run:
 *
 * <ul>
 *   <li>{@code connect HOST:PORT [--timeout=D] [--protocol=tcp|udp|sctp] [--udp-data=S]
 *       [--sctp-data=S]} (test/images/agnhost/connect/connect.go): TCP dials with the timeout (none
 *       when 0) and exits 0 once connected; UDP sends {@code <udp-data>\n} (default {@code
 *       hostname}) on a connected socket and waits for any answer, until the timeout when one is
 *       given (forever otherwise); SCTP associates, sends {@code <sctp-data>\n} and reads the
 *       server's answer, all within the timeout (a timeout of 0 has already expired: {@code
 *       TIMEOUT} at once, as the real client's {@code time.After(0)} wins its race). Failures exit 1
 *       with a fixed first word on standard error: {@code TIMEOUT}, {@code REFUSED} (TCP RST or ICMP
 *       port-unreachable), {@code DNS: <Go's lookup error>}, {@code OTHER: <Go's error>} (e.g. no
 *       route, or an SCTP association refused: {@code OTHER: connection refused}), {@code UNKNOWN:
 *       <error>} (TCP only, a bad {@code HOST:PORT}). A protocol other than {@code tcp}, {@code udp}
 *       or {@code sctp} prints {@code Unsupported protocol} and exits 1.
 *   <li>{@code serve-hostname} with {@code --tcp} or {@code --udp} but without {@code
 *       --http=false}: the process's fatal log line and exit 1; any other serve-hostname would serve
 *       forever and is not simulated as a command.
 * </ul>
 *
 * Names resolve as Go's own resolver does (the binary is static): {@code /etc/hosts}, then the
 * pod's resolv.conf with glibc's search rules. Flag errors are cobra's ({@code Error: unknown flag:
 * --x} and the usage, without the klog flags of {@code Global Flags}), and, since agnhost's {@code
 * main} ignores what {@code Execute} returns, exit 0.
 */
final class Agnhost implements Command {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String CONNECT_LONG = "Tries to open a TCP, UDP or SCTP connection to the given host and port. "
      + "On error it prints an error message prefixed with a specific fixed string that test cases can check for:\n\n"
      + "* UNKNOWN - Generic/unknown (non-network) error (eg, bad arguments)\n"
      + "* TIMEOUT - The connection attempt timed out\n"
      + "* DNS - An error in DNS resolution\n"
      + "* REFUSED - Connection refused\n"
      + "* OTHER - Other networking error (eg, \"no route to host\")";
  private static final String CONNECT_USAGE = "Usage:\n  app connect [host:port] [flags]\n\nFlags:\n"
      + "  -h, --help               help for connect\n"
      + "      --protocol string    The protocol to use to perform the connection, can be tcp, udp or sctp (default \"tcp\")\n"
      + "      --sctp-data string   The SCTP payload send to the server (default \"hostname\")\n"
      + "      --timeout duration   Maximum time before returning an error\n"
      + "      --udp-data string    The UDP payload send to the server (default \"hostname\")\n";
  /** The ports Go knows by name without /etc/services (net/lookup.go). */
  private static final Map<String, Map<String, Integer>> SERVICES = Map.of(
      "tcp", Map.of("ftp", 21, "ftps", 990, "gopher", 70, "http", 80, "https", 443, "imap2", 143, "imap3", 220,
          "imaps", 993, "pop3", 110, "smtp", 25),
      "udp", Map.of("domain", 53));

  private final Network network;

  Agnhost(Network network) {
    this.network = network;
  }

  /**
   * {@code /serve_hostname} of the standalone image, as a process that ends: with {@code -tcp} or
   * {@code -udp} but not {@code -http=false}, its fatal log line and exit 1.
   */
  static Command serveHostname() {
    return (args, ctx) -> AgnhostProgram.ServeHostname.parseGoFlags(args).fatal()
        ? ExecResult.failure(1, LOG_TIME.format(ctx.now()) + " Can't server TCP/UDP mode and HTTP mode at the same time\n")
        : ExecResult.failure(126, "kubesim: serve_hostname: this command is not simulated\n");
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    int sub = 0;
    while (sub < args.size() && args.get(sub).startsWith("-")) {
      sub++;
    }
    String name = sub < args.size() ? args.get(sub) : "";
    List<String> rest = sub < args.size() ? args.subList(sub + 1, args.size()) : List.of();
    return switch (name) {
      case "connect" -> connect(rest, ctx, args);
      case "serve-hostname" -> AgnhostProgram.ServeHostname.parse(rest).fatal()
          ? ExecResult.failure(1, LOG_TIME.format(ctx.now()) + " Can't server TCP/UDP mode and HTTP mode at the same time\n")
          : notSimulated(name);
      default -> notSimulated(name);
    };
  }

  private static ExecResult notSimulated(String sub) {
    return ExecResult.failure(126, "kubesim: agnhost" + (sub.isEmpty() ? "" : " " + sub) + ": this command is not simulated\n");
  }

  /** connect's flags as pflag parses them; {@code error} is cobra's message when they do not parse. */
  private static final class ConnectFlags {
    long timeout;
    String protocol = "tcp";
    String udpData = "hostname";
    String sctpData = "hostname";
    boolean help;
    final List<String> positional = new ArrayList<>();
    String error;

    static ConnectFlags parse(List<String> args) {
      ConnectFlags f = new ConnectFlags();
      for (int i = 0; i < args.size() && f.error == null && !f.help; i++) {
        String a = args.get(i);
        if (a.equals("--")) {
          f.positional.addAll(args.subList(i + 1, args.size()));
          break;
        }
        if (a.equals("-h") || a.equals("--help") || a.equals("--help=true")) {
          f.help = true;
        } else if (a.startsWith("--")) {
          int eq = a.indexOf('=');
          String flag = eq < 0 ? a.substring(2) : a.substring(2, eq);
          if (!List.of("timeout", "protocol", "udp-data", "sctp-data").contains(flag)) {
            f.error = "unknown flag: --" + flag;
            break;
          }
          String value;
          if (eq >= 0) {
            value = a.substring(eq + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            f.error = "flag needs an argument: --" + flag;
            break;
          }
          f.set(flag, value);
        } else if (a.startsWith("-") && a.length() > 1) {
          f.error = "unknown shorthand flag: '" + a.charAt(1) + "' in " + a;
        } else {
          f.positional.add(a);
        }
      }
      if (f.error == null && !f.help && f.positional.size() != 1) {
        f.error = "accepts 1 arg(s), received " + f.positional.size();
      }
      return f;
    }

    private void set(String flag, String value) {
      switch (flag) {
        case "timeout" -> {
          try {
            timeout = GoDuration.parse(value);
          } catch (GoDuration.Invalid e) {
            error = "invalid argument \"" + value + "\" for \"--timeout\" flag: " + e.getMessage();
          }
        }
        case "protocol" -> protocol = value;
        case "udp-data" -> udpData = value;
        default -> sctpData = value;
      }
    }
  }

  private ExecResult connect(List<String> args, ExecContext ctx, List<String> argv) {
    ConnectFlags f = ConnectFlags.parse(args);
    if (f.help) {
      return ExecResult.ok(CONNECT_LONG + "\n\n" + CONNECT_USAGE);
    }
    if (f.error != null) {
      return ExecResult.of("", "Error: " + f.error + "\n" + CONNECT_USAGE + "\n", 0);
    }
    String dest = f.positional.get(0);
    return switch (f.protocol) {
      case "", "tcp" -> probe(true, dest, f, ctx, argv);
      case "udp" -> probe(false, dest, f, ctx, argv);
      case "sctp" -> sctp(dest, f, ctx, argv);
      default -> ExecResult.failure(1, "Unsupported protocol\n" + f.protocol);
    };
  }

  /** A destination that resolved: the address and port to dial. */
  private record Target(String ip, int port) {
    String text() {
      return ip + ":" + port;
    }
  }

  private ExecResult probe(boolean tcp, String dest, ConnectFlags f, ExecContext ctx, List<String> argv) {
    String net = tcp ? "tcp" : "udp";
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, argv);
    if (opened.isEmpty()) {
      return ExecResult.failure(1, "OTHER: dial " + net + " " + dest + ": connect: network is unreachable\n");
    }
    PodNetwork pn = opened.get();
    String[] hostPort;
    try {
      hostPort = splitHostPort(dest);
    } catch (IllegalArgumentException e) {
      // connect.go checks net.SplitHostPort first for TCP only; for UDP the resolver reports it
      return finish(pn, 1, (tcp ? "UNKNOWN: " : "DNS: ") + e.getMessage() + "\n",
          Disposition.of(Disposition.Kind.NO_ROUTE, Cause.MALFORMED_URL, "not HOST:PORT: " + dest));
    }
    Target target;
    try {
      target = resolve(pn, net, hostPort[0], hostPort[1]);
    } catch (IllegalArgumentException e) {
      return finish(pn, 1, "DNS: " + e.getMessage() + "\n",
          Disposition.of(Disposition.Kind.NXDOMAIN, Cause.NXDOMAIN, e.getMessage()));
    }
    Session s = pn.session();
    long start = s.now();
    if (tcp) {
      // net.DialTimeout: no deadline for 0; a negative timeout is a deadline already past
      long deadline = f.timeout == 0 ? Long.MAX_VALUE : start + Math.max(0, f.timeout);
      HttpClient.Result r = HttpClient.connect(network, s, pn.netns(), Ip4.parse(target.ip()), target.port(), deadline);
      return switch (r.outcome()) {
        case CONNECTED -> finish(pn, 0, "", new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.object(), "connected"));
        case REFUSED -> finish(pn, 1, "REFUSED\n", new Disposition(Disposition.Kind.REFUSED, r.cause(), r.object(), r.reason()));
        case NO_ROUTE -> finish(pn, 1, "OTHER: dial tcp " + target.text() + ": connect: network is unreachable\n",
            new Disposition(Disposition.Kind.NO_ROUTE, r.cause(), r.object(), r.reason()));
        default -> finish(pn, 1, "TIMEOUT\n", new Disposition(Disposition.Kind.TIMED_OUT, r.cause(), r.object(), r.reason()));
      };
    }
    // net.Dial("udp") picks the local port; Read waits until the deadline, if the timeout set one
    int sport = network.ephemeralPort();
    String conn = "read udp " + pn.netns().addressText() + ":" + sport + "->" + target.text();
    boolean forever = f.timeout <= 0;
    long wait = forever ? Long.MAX_VALUE - start : f.timeout;
    UdpExchange.Result r = UdpExchange.request(network, s, pn.netns(), sport, Ip4.parse(target.ip()), target.port(),
        new DataPayload(f.udpData + "\n"), wait, Reason.of("agnhost connect --protocol=udp"));
    return switch (r.status()) {
      case ANSWERED -> r.answer().get().length() == 0
          ? finish(pn, 1, "OTHER: No data received from the server. Cannot guarantee the server received the request.\n",
              new Disposition(Disposition.Kind.EMPTY_REPLY, Cause.CONNECTION_CLOSED, r.object(), "an empty datagram came back"))
          : finish(pn, 0, "", new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.object(), "answered"));
      case REFUSED -> finish(pn, 1, "REFUSED: " + conn + ": read: connection refused\n",
          new Disposition(Disposition.Kind.REFUSED, r.cause(), r.object(), r.reason()));
      case NO_ROUTE -> finish(pn, 1, "OTHER: dial udp " + target.text() + ": connect: network is unreachable\n",
          new Disposition(Disposition.Kind.NO_ROUTE, r.cause(), r.object(), r.reason()));
      case TIMED_OUT -> {
        if (forever) {
          pn.publish(new Disposition(Disposition.Kind.TIMED_OUT, Cause.STILL_RUNNING, r.object(),
              "no answer; agnhost connect waits forever without --timeout"));
          yield new ExecResult("", "", 0, ExecResult.FOREVER);
        }
        yield finish(pn, 1, "TIMEOUT: " + conn + ": i/o timeout\n", new Disposition(Disposition.Kind.TIMED_OUT, r.cause(), r.object(), r.reason()));
      }
    };
  }

  /** connectSCTP: associate, write the data, read the answer, all before the timeout fires. */
  private ExecResult sctp(String dest, ConnectFlags f, ExecContext ctx, List<String> argv) {
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, argv);
    if (opened.isEmpty()) {
      return ExecResult.failure(1, "OTHER: network is unreachable\n");
    }
    PodNetwork pn = opened.get();
    Target target;
    try {
      String[] hostPort = splitHostPort(dest);
      target = resolve(pn, "sctp", hostPort[0], hostPort[1]);
    } catch (IllegalArgumentException e) {
      return finish(pn, 1, "DNS: " + e.getMessage() + "\n",
          Disposition.of(Disposition.Kind.NXDOMAIN, Cause.NXDOMAIN, e.getMessage()));
    }
    if (f.timeout <= 0) {
      return finish(pn, 1, "TIMEOUT\n", Disposition.of(Disposition.Kind.TIMED_OUT, Cause.TIMEOUT,
          "agnhost connect --protocol=sctp gives up at once without a positive --timeout"));
    }
    Session s = pn.session();
    long deadline = s.now() + f.timeout;
    SctpAssociation.Attempt a = SctpAssociation.open(network, s, pn.netns(), Ip4.parse(target.ip()), target.port(), deadline);
    switch (a.status()) {
      case CONNECTED -> {
        Optional<Payload> answer = a.association().send(new DataPayload(f.sctpData + "\n"));
        ObjectRef owner = a.association().serverOwner();
        a.association().close();
        if (answer.isEmpty()) {
          s.advanceTo(Math.max(s.now(), deadline));
          return finish(pn, 1, "TIMEOUT\n", new Disposition(Disposition.Kind.TIMED_OUT, Cause.TIMEOUT, Optional.of(owner),
              "the server wrote nothing back before the timeout"));
        }
        return finish(pn, 0, "", new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, Optional.of(owner), "answered"));
      }
      case REFUSED -> {
        return finish(pn, 1, "OTHER: connection refused\n", new Disposition(Disposition.Kind.REFUSED, a.cause(), a.object(),
            a.reason()));
      }
      case NO_ROUTE -> {
        return finish(pn, 1, "OTHER: network is unreachable\n", new Disposition(Disposition.Kind.NO_ROUTE, a.cause(),
            a.object(), a.reason()));
      }
      default -> {
        return finish(pn, 1, "TIMEOUT\n", new Disposition(Disposition.Kind.TIMED_OUT, a.cause(), a.object(), a.reason()));
      }
    }
  }

  private static ExecResult finish(PodNetwork pn, int exit, String stderr, Disposition disposition) {
    pn.publish(disposition);
    return new ExecResult("", stderr, exit, Duration.ofNanos(pn.session().elapsed()));
  }

  /** Go's {@code net.SplitHostPort}, its errors as {@code address DEST: why}. */
  static String[] splitHostPort(String dest) {
    String missingPort = "address " + dest + ": missing port in address";
    if (dest.startsWith("[")) {
      int close = dest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("address " + dest + ": missing ']' in address");
      }
      if (close + 1 == dest.length()) {
        throw new IllegalArgumentException(missingPort);
      }
      if (dest.charAt(close + 1) != ':') {
        throw new IllegalArgumentException(dest.indexOf(']', close + 1) >= 0
            ? "address " + dest + ": unexpected ']' in address"
            : missingPort);
      }
      return new String[] {dest.substring(1, close), dest.substring(close + 2)};
    }
    int colon = dest.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(missingPort);
    }
    String host = dest.substring(0, colon);
    if (host.contains(":")) {
      throw new IllegalArgumentException("address " + dest + ": too many colons in address");
    }
    if (host.contains("[") || dest.substring(colon).contains("[")) {
      throw new IllegalArgumentException("address " + dest + ": unexpected '[' in address");
    }
    if (host.contains("]") || dest.substring(colon).contains("]")) {
      throw new IllegalArgumentException("address " + dest + ": unexpected ']' in address");
    }
    return new String[] {host, dest.substring(colon + 1)};
  }

  /** {@code net.ResolveTCPAddr}/{@code ResolveUDPAddr}: the port, then the host; errors in Go's words. */
  private static Target resolve(PodNetwork pn, String net, String host, String portText) {
    int port;
    if (portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long n = portText.isEmpty() ? 0 : portText.length() > 6 ? Long.MAX_VALUE : Long.parseLong(portText);
      if (n > 0xFFFF) {
        throw new IllegalArgumentException("address " + portText + ": invalid port");
      }
      port = (int) n;
    } else {
      Integer known = SERVICES.getOrDefault(net, Map.of()).get(portText.toLowerCase(Locale.ROOT));
      if (known == null) {
        throw new IllegalArgumentException("lookup " + net + "/" + portText + ": unknown port");
      }
      port = known;
    }
    if (host.isEmpty()) {
      return new Target("127.0.0.1", port); // Go dials the local system
    }
    if (Ip4.isValid(host)) {
      return new Target(host, port);
    }
    PodNetwork.Lookup found = pn.lookup(host, Libc.GLIBC);
    if (found.found()) {
      return new Target(found.addresses().get(0), port);
    }
    List<String> servers = pn.resolverConfig(Libc.GLIBC).nameservers();
    String server = (servers.isEmpty() ? "127.0.0.1" : servers.get(servers.size() - 1)) + ":53";
    String why = switch (found.outcome()) {
      case NOT_FOUND, NO_DATA, FOUND -> "no such host";
      case NO_RECOVERY -> "server misbehaving";
      case TRY_AGAIN -> "i/o timeout";
    };
    throw new IllegalArgumentException("lookup " + host + " on " + server + ": " + why);
  }
}
