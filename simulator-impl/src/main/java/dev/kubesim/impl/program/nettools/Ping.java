package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.IcmpEcho;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ping [-c COUNT] [-W SEC] [-i SEC] [-s SIZE] [-q] HOST}: ICMP echoes through the network,
 * one a second, in BusyBox's words on BusyBox and Alpine images and iputils' elsewhere. A
 * ClusterIP answers nothing (it is virtual): 100% packet loss, exit 1. Without {@code -c} ping
 * never ends by itself; at an interactive exec's terminal the user stops it with Ctrl-C ({@link
 * ExecContext#interruptAfter()}), and it prints its statistics.
 */
final class Ping implements Command {
  private final Network network;

  Ping(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean busybox = ctx.busybox();
    int count = -1;
    double wait = 10;
    double interval = 1;
    int size = 56;
    boolean quiet = false;
    String host = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      char opt = 0;
      if (a.length() >= 2 && a.charAt(0) == '-' && "cWiswq".indexOf(a.charAt(1)) >= 0) {
        opt = a.charAt(1);
        if (opt != 'q') {
          value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
          if (value == null) {
            return usage(ctx, busybox, "option requires an argument -- '" + opt + "'");
          }
        }
      } else if (a.startsWith("-") && a.length() > 1) {
        return usage(ctx, busybox, "invalid option -- '" + a.charAt(1) + "'");
      } else {
        host = a;
        continue;
      }
      try {
        switch (opt) {
          case 'c' -> count = Integer.parseInt(value);
          case 'W', 'w' -> wait = Double.parseDouble(value);
          case 'i' -> interval = Double.parseDouble(value);
          case 's' -> size = Integer.parseInt(value);
          case 'q' -> quiet = true;
          default -> { }
        }
      } catch (NumberFormatException e) {
        return ExecResult.failure(busybox ? 1 : 2, busybox ? "ping: invalid number '" + value + "'\n"
            : "ping: invalid argument: '" + value + "'\n");
      }
    }
    if (host == null) {
      return usage(ctx, busybox, null);
    }
    Optional<PodNetwork> pn = PodNetwork.of(network, ctx, args);
    if (pn.isEmpty()) {
      return ExecResult.failure(busybox ? 1 : 2, "ping: sendto: Network unreachable\n");
    }
    PodNetwork.Lookup lookup = pn.get().lookup(host);
    if (!lookup.found()) {
      pn.get().publish(lookup.unresolved(host));
      return busybox
          ? ExecResult.failure(1, "ping: bad address '" + host + "'\n")
          : ExecResult.failure(2, "ping: " + host + ": Name or service not known\n");
    }
    String ip = lookup.addresses().get(0);
    // iputils names the host by its canonical name (gethostbyname's h_name: the name the search
    // list found, kubia.default.svc.cluster.local); BusyBox as given
    String shown = busybox || Ip4.isValid(host) ? host : canonical(lookup.name());
    StringBuilder out = new StringBuilder();
    out.append(busybox
        ? "PING " + shown + " (" + ip + "): " + size + " data bytes\n"
        : "PING " + shown + " (" + ip + ") " + size + "(" + (size + 28) + ") bytes of data.\n");
    // ping without -c runs until it is stopped: at an interactive exec's terminal the user presses
    // Ctrl-C, and ping prints its statistics (SIGINT's handler in iputils and BusyBox alike)
    Optional<Duration> interrupt = count <= 0 ? ctx.interruptAfter() : Optional.empty();
    if (count <= 0 && interrupt.isEmpty()) {
      // the first replies are shown, the rest never ends
      pn.get().publish(Disposition.of(Disposition.Kind.TIMED_OUT, Cause.STILL_RUNNING, "ping runs until stopped"));
      return new ExecResult(out.toString(), "", 0, ExecResult.FOREVER);
    }
    int identifier = pn.get().network().randomId();
    long start = pn.get().session().now();
    long stepNanos = (long) (interval * 1e9);
    // Ctrl-C comes so long after the command started (its name lookup included)
    long interruptAt = pn.get().session().start() + interrupt.map(Duration::toNanos).orElse(0L);
    if (interrupt.isPresent()) {
      // one echo an interval until the interrupt
      count = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (interruptAt - start + stepNanos - 1) / Math.max(1, stepNanos)));
    }
    long timeout = (long) (wait * 1e9);
    int received = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    long sum = 0;
    long sumSq = 0;
    IcmpEcho.Result last = null;
    for (int seq = 0; seq < count; seq++) {
      pn.get().session().advanceTo(start + seq * stepNanos);
      boolean lastOne = seq == count - 1;
      IcmpEcho.Result r = IcmpEcho.ping(pn.get().network(), pn.get().session(), pn.get().netns(), Ip4.parse(ip), identifier,
          seq, size, interrupt.isPresent() ? Math.max(0, Math.min(timeout, Math.min(stepNanos, interruptAt - start - seq * stepNanos)))
              : lastOne ? timeout : Math.min(timeout, stepNanos));
      last = r;
      if (r.noRoute()) {
        pn.get().publish(new Disposition(Disposition.Kind.NO_ROUTE, r.cause(), r.object(), r.reason()));
        return new ExecResult(out.toString(), busybox ? "ping: sendto: Network is unreachable\n" : "ping: connect: Network is unreachable\n",
            busybox ? 1 : 2, Duration.ofNanos(pn.get().session().elapsed()));
      }
      if (r.replied()) {
        received++;
        min = Math.min(min, r.rttNanos());
        max = Math.max(max, r.rttNanos());
        sum += r.rttNanos();
        sumSq += r.rttNanos() * r.rttNanos() / 1000;
        if (!quiet) {
          out.append(r.replyBytes()).append(" bytes from ").append(ip).append(": ")
              .append(busybox ? "seq=" + seq : "icmp_seq=" + (seq + 1)).append(" ttl=").append(r.ttl())
              .append(" time=").append(ms(r.rttNanos())).append(" ms\n");
        }
      }
    }
    if (interrupt.isPresent()) {
      pn.get().session().advanceTo(interruptAt);
      out.append("^C"); // the terminal's echo of Ctrl-C, before ping's statistics
    }
    int loss = (count - received) * 100 / count;
    out.append('\n').append("--- ").append(shown).append(" ping statistics ---\n");
    if (busybox) {
      out.append(count).append(" packets transmitted, ").append(received).append(" packets received, ").append(loss)
          .append("% packet loss\n");
      if (received > 0) {
        out.append("round-trip min/avg/max = ").append(ms(min)).append('/').append(ms(sum / received)).append('/')
            .append(ms(max)).append(" ms\n");
      }
    } else {
      out.append(count).append(" packets transmitted, ").append(received).append(" received, ").append(loss)
          .append("% packet loss, time ").append((count - 1) * (long) (interval * 1000)).append("ms\n");
      if (received > 0) {
        long avg = sum / received;
        double mdev = Math.sqrt(Math.max(0, (double) sumSq * 1000 / received - (double) avg * avg));
        out.append("rtt min/avg/max/mdev = ").append(ms(min)).append('/').append(ms(avg)).append('/').append(ms(max))
            .append('/').append(ms((long) mdev)).append(" ms\n");
      } else {
        out.append('\n');
      }
    }
    Disposition d = received > 0
        ? new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, last.replied() ? last.object() : Optional.empty(),
            received + " of " + count + " echoes answered")
        : new Disposition(Disposition.Kind.TIMED_OUT, last.cause(), last.object(), last.reason());
    pn.get().publish(d);
    return new ExecResult(out.toString(), "", received > 0 ? 0 : 1, Duration.ofNanos(pn.get().session().elapsed()));
  }

  /** A resolved name without the root's trailing dot, as the C library reports it. */
  private static String canonical(String name) {
    return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  private static ExecResult usage(ExecContext ctx, boolean busybox, String problem) {
    if (busybox) {
      return ExecResult.failure(1, (problem == null ? "" : "ping: " + problem + "\n")
          + ctx.busyboxBanner(true) + "\n\nUsage: ping [OPTIONS] HOST\n");
    }
    return ExecResult.failure(2, (problem == null ? "ping: usage error: Destination address required\n" : "ping: " + problem + "\n"));
  }
}
