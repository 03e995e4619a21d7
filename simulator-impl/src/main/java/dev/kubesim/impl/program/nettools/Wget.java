package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wget URL}: BusyBox's applet on BusyBox and Alpine images ({@code wget: bad address 'x'},
 * {@code wget: can't connect to remote host (ip): Connection refused}, {@code wget: server returned
 * error: HTTP/1.1 404 Not Found}, exit 1), GNU Wget elsewhere (exit 4 for network failures, 8 for
 * an error response). {@code -q}, {@code -O FILE} ({@code -} for standard output), {@code -T SEC},
 * {@code --header}, {@code -U}, {@code --spider}, {@code -S} ({@code --server-response}: the
 * response's status line and headers on standard error, each indented by two spaces).
 */
final class Wget implements Command {
  private final Network network;

  Wget(Network network) {
    this.network = network;
  }

  private static final class Options {
    boolean quiet;
    String output;
    double timeout;
    boolean spider;
    boolean serverResponse;
    String agent;
    final List<String> headers = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean busybox = ctx.busybox();
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-q") || a.equals("--quiet")) {
        o.quiet = true;
      } else if (a.equals("-qO-") || a.equals("-qO") && i + 1 < args.size()) {
        o.quiet = true;
        o.output = a.equals("-qO-") ? "-" : args.get(++i);
      } else if (a.startsWith("-O") && a.length() > 2) {
        o.output = a.substring(2);
      } else if ((a.equals("-O") || a.equals("--output-document")) && i + 1 < args.size()) {
        o.output = args.get(++i);
      } else if (a.startsWith("--output-document=")) {
        o.output = a.substring("--output-document=".length());
      } else if ((a.equals("-T") || a.equals("--timeout")) && i + 1 < args.size()) {
        o.timeout = parse(args.get(++i));
      } else if (a.startsWith("--timeout=")) {
        o.timeout = parse(a.substring("--timeout=".length()));
      } else if (a.equals("--spider")) {
        o.spider = true;
      } else if (a.equals("-S") || a.equals("--server-response")) {
        o.serverResponse = true;
      } else if ((a.equals("-U") || a.equals("--user-agent")) && i + 1 < args.size()) {
        o.agent = args.get(++i);
      } else if (a.equals("--header") && i + 1 < args.size()) {
        o.headers.add(args.get(++i));
      } else if (a.startsWith("--header=")) {
        o.headers.add(a.substring("--header=".length()));
      } else if (a.startsWith("-") && !a.equals("-")) {
        return busybox
            ? ExecResult.failure(1, "wget: unrecognized option '" + a + "'\n" + ctx.busyboxBanner(true) + "\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n")
            : ExecResult.failure(2, "wget: unrecognized option '" + a + "'\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      } else {
        o.urls.add(a);
      }
    }
    if (o.urls.isEmpty()) {
      return busybox
          ? ExecResult.failure(1, ctx.busyboxBanner(true) + "\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n")
          : ExecResult.failure(1, "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    }
    Optional<PodNetwork> pn = PodNetwork.of(network, ctx, args);
    if (pn.isEmpty()) {
      return ExecResult.failure(busybox ? 1 : 4, busybox ? "wget: can't connect to remote host: Network is unreachable\n" : "");
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int exit = 0;
    Disposition disposition = Disposition.of(Disposition.Kind.NO_ANSWER, Cause.NOTHING_SENT, "nothing sent");
    for (String text : o.urls) {
      Outcome r = fetch(o, pn.get(), text, busybox, out, err);
      exit = r.exit == 0 ? exit : r.exit;
      disposition = r.disposition;
    }
    pn.get().publish(disposition);
    return new ExecResult(out.toString(), err.toString(), exit, Duration.ofNanos(pn.get().session().elapsed()));
  }

  private record Outcome(int exit, Disposition disposition) {}

  private Outcome fetch(Options o, PodNetwork pn, String text, boolean busybox, StringBuilder out, StringBuilder err) {
    Url url;
    try {
      url = Url.parse(text);
    } catch (Url.Malformed e) {
      err.append(busybox ? "wget: bad port spec '" + text + "'\n" : text + ": Invalid URL\n");
      return new Outcome(1, Disposition.of(Disposition.Kind.NO_ROUTE, Cause.MALFORMED_URL, "malformed URL"));
    }
    if (!url.scheme().equals("http")) {
      err.append(busybox ? "wget: not an http or ftp url: " + text + "\n" : text + ": Unsupported scheme.\n");
      return new Outcome(1, Disposition.of(Disposition.Kind.NO_ROUTE, Cause.UNSUPPORTED_PROTOCOL, "unsupported scheme"));
    }
    if (!o.quiet && !busybox) {
      err.append("--").append(GnuClock.stamp(pn)).append("--  ").append(url.text()).append('\n');
    }
    PodNetwork.Lookup lookup = pn.lookup(url.host());
    Disposition unresolved = lookup.unresolved(url.host());
    if (!lookup.found()) {
      if (busybox) {
        err.append("wget: bad address '").append(url.host()).append("'\n");
        return new Outcome(1, unresolved);
      }
      if (!o.quiet) {
        err.append("Resolving ").append(url.host()).append(" (").append(url.host()).append(")... failed: Name or service not known.\n");
        err.append("wget: unable to resolve host address '").append(url.host()).append("'\n");
      }
      return new Outcome(4, unresolved);
    }
    String ip = lookup.addresses().get(0);
    if (!o.quiet) {
      if (busybox) {
        err.append("Connecting to ").append(url.hostHeader()).append(" (").append(ip).append(':').append(url.port()).append(")\n");
      } else {
        if (!Ip4.isValid(url.host())) {
          err.append("Resolving ").append(url.host()).append(" (").append(url.host()).append(")... ").append(ip).append('\n');
        }
        err.append("Connecting to ").append(url.host()).append(Ip4.isValid(url.host()) ? "" : " (" + url.host() + ")")
            .append('|').append(ip).append("|:").append(url.port()).append("... ");
      }
    }
    List<HttpHeader> headers = new ArrayList<>();
    headers.add(HttpHeader.of("Host", url.hostHeader()));
    headers.add(HttpHeader.of("User-Agent", o.agent != null ? o.agent : busybox ? "Wget" : "Wget/1.21.3"));
    if (!busybox) {
      headers.add(HttpHeader.of("Accept", "*/*"));
      headers.add(HttpHeader.of("Accept-Encoding", "identity"));
    }
    headers.add(HttpHeader.of("Connection", busybox ? "close" : "Keep-Alive"));
    for (String h : o.headers) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.add(HttpHeader.of(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
      }
    }
    HttpRequest request = new HttpRequest(o.spider ? "HEAD" : "GET", url.target(), headers, "", "0.0.0.0:0", "0.0.0.0:0");
    long start = pn.session().now();
    long deadline = o.timeout > 0 ? start + (long) (o.timeout * 1e9) : busybox ? start + 900_000_000_000L : Long.MAX_VALUE;
    HttpClient.Result r = HttpClient.fetch(pn.network(), pn.session(), pn.netns(), Ip4.parse(ip), url.port(), request,
        deadline, Long.MAX_VALUE);
    Disposition.Kind failed = switch (r.outcome()) {
      case REFUSED -> Disposition.Kind.REFUSED;
      case NO_ROUTE -> Disposition.Kind.NO_ROUTE;
      case EMPTY_REPLY -> Disposition.Kind.EMPTY_REPLY;
      case RESPONSE -> Disposition.Kind.DELIVERED;
      default -> Disposition.Kind.TIMED_OUT;
    };
    if (r.outcome() != HttpClient.Outcome.RESPONSE) {
      Disposition d = new Disposition(failed, r.cause(), r.object(), r.reason());
      String errno = switch (r.outcome()) {
        case REFUSED -> "Connection refused";
        case NO_ROUTE -> "Network is unreachable";
        case EMPTY_REPLY -> "";
        default -> "Connection timed out";
      };
      if (busybox) {
        err.append(r.outcome() == HttpClient.Outcome.EMPTY_REPLY ? "wget: error getting response: Connection reset by peer\n"
            : r.outcome() == HttpClient.Outcome.CONNECT_TIMEOUT || r.outcome() == HttpClient.Outcome.TRANSFER_TIMEOUT
            ? "wget: download timed out\n" : "wget: can't connect to remote host (" + ip + "): " + errno + "\n");
        return new Outcome(1, d);
      }
      if (!o.quiet) {
        err.append(r.outcome() == HttpClient.Outcome.EMPTY_REPLY ? "connected.\nHTTP request sent, awaiting response... No data received.\n"
            : "failed: " + errno + ".\n");
      }
      return new Outcome(4, d);
    }
    HttpResponse response = r.response().orElseThrow();
    Disposition ok = new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.answeredBy(), r.summary());
    if (!busybox && !o.quiet) {
      err.append("connected.\nHTTP request sent, awaiting response... ");
      if (!o.serverResponse) {
        err.append(response.status()).append(' ').append(response.reason());
      }
      err.append('\n');
    }
    if (o.serverResponse) {
      err.append("  ").append(response.statusLine()).append('\n');
      for (HttpHeader h : response.headers()) {
        err.append("  ").append(h.name()).append(": ").append(h.value()).append('\n');
      }
    }
    if (response.status() >= 400) {
      if (busybox) {
        err.append("wget: server returned error: ").append(response.statusLine()).append('\n');
        return new Outcome(1, ok);
      }
      if (!o.quiet) {
        err.append(GnuClock.stamp(pn)).append(" ERROR ").append(response.status()).append(": ").append(response.reason()).append(".\n\n");
      }
      return new Outcome(8, ok);
    }
    if (o.spider) {
      if (busybox && !o.quiet) {
        err.append("remote file exists\n");
      }
      return new Outcome(0, ok);
    }
    String target = o.output != null ? o.output : fileName(url);
    int size = response.body().getBytes(StandardCharsets.UTF_8).length;
    if (target.equals("-")) {
      if (!o.quiet) {
        err.append(busybox ? "writing to stdout\n" : "Length: unspecified\nSaving to: 'STDOUT'\n\n");
      }
      out.append(response.body());
    } else {
      if (!o.quiet) {
        err.append(busybox ? "saving to '" + target + "'\n" : "Length: unspecified\nSaving to: '" + target + "'\n\n");
      }
      try {
        pn.ctx().fs().write(pn.ctx().resolve(target), response.body());
      } catch (FsException e) {
        if (e.errno() == dev.kubesim.impl.program.Errno.ENOSPC) {
          // the file was opened; the disk filled up while writing it
          err.append(busybox ? "wget: write error: " + e.errno().message() + "\n"
              : "Cannot write to '" + target + "' (" + e.errno().message() + ").\n");
          return new Outcome(busybox ? 1 : 3, ok);
        }
        err.append(busybox ? "wget: can't open '" + target + "': " + e.errno().message() + "\n"
            : target + ": " + e.errno().message() + "\n");
        return new Outcome(busybox ? 1 : 3, ok);
      }
    }
    if (!o.quiet) {
      if (busybox) {
        err.append(String.format("%-20s 100%% |********************************| %5d  0:00:00 ETA\n",
            target.equals("-") ? "-" : target, size));
        err.append(target.equals("-") ? "written to stdout\n" : "'" + target + "' saved\n");
      } else {
        err.append("     0K                                                        100%\n\n");
        err.append(GnuClock.stamp(pn)).append(" - ").append(target.equals("-") ? "written to stdout" : "'" + target + "' saved")
            .append(" [").append(size).append("]\n\n");
      }
    }
    return new Outcome(0, ok);
  }

  private static String fileName(Url url) {
    String path = url.target();
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? "index.html" : name;
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** GNU Wget's timestamps, from the virtual clock. */
  private static final class GnuClock {
    static String stamp(PodNetwork pn) {
      return pn.ctx().now().toString().replace('T', ' ').substring(0, 19);
    }
  }
}
