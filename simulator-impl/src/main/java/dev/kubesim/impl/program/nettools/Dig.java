package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.DnsResponsePayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import dev.kubesim.impl.resolver.ResolverConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dig [@SERVER] NAME [TYPE] [+short] [+search] [+norec] [-x ADDR] [-t TYPE]}: one query (no
 * search list unless {@code +search}), printed as BIND's dig does: the header with status, id and
 * flags, the question, answer, authority and additional sections, query time, server, when and
 * size. {@code +short} prints the answers' data alone. No reply: {@code ;; connection timed out; no
 * servers could be reached}, exit 9.
 */
final class Dig implements Command {
  private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "PTR", "SRV", "TXT", "NS", "SOA", "MX", "ANY");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Network network;

  Dig(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String server = null;
    String name = null;
    String type = null;
    boolean shortForm = false;
    boolean search = false;
    boolean recurse = true;
    StringBuilder warnings = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("@")) {
        server = a.substring(1);
      } else if (a.equals("+short")) {
        shortForm = true;
      } else if (a.equals("+search")) {
        search = true;
      } else if (a.equals("+norecurse") || a.equals("+norec")) {
        recurse = false;
      } else if (a.startsWith("+")) {
        continue;
      } else if (a.startsWith("-t")) {
        type = (a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : "A").toUpperCase(Locale.ROOT);
      } else if (a.startsWith("-q")) {
        name = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : name;
      } else if (a.equals("-x") && i + 1 < args.size()) {
        name = reverse(args.get(++i));
        type = "PTR";
      } else if (a.equals("-p") || a.equals("-c")) {
        i++; // port and class: the cluster's servers listen on 53, and every record is IN
      } else if (TYPES.contains(a.toUpperCase(Locale.ROOT))) {
        // dig.c's parse_args: any word that reads as a type is the type, before or after the name
        if (type != null) {
          warnings.append(";; Warning, extra type option\n");
        }
        type = a.toUpperCase(Locale.ROOT);
      } else if (a.equalsIgnoreCase("IN")) {
        continue;
      } else if (name == null) {
        name = a;
      }
    }
    if (name == null) {
      name = ".";
      type = type == null ? "NS" : type;
    }
    type = type == null ? "A" : type;
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, args);
    String banner = "\n; <<>> DiG " + version(ctx.baseImage()) + " <<>> " + String.join(" ", args) + "\n;; global options: +cmd\n";
    if (opened.isEmpty()) {
      return ExecResult.of(shortForm ? "" : banner, ";; connection timed out; no servers could be reached\n", 9);
    }
    PodNetwork pn = opened.get();
    ResolverConfig conf = pn.resolverConfig(Libc.GLIBC);
    String ns = server != null ? server : conf.nameservers().isEmpty() ? "127.0.0.1" : conf.nameservers().get(0);
    List<String> candidates = new ArrayList<>();
    if (search && !name.endsWith(".") && dots(name) < conf.ndots()) {
      for (String s : conf.search()) {
        candidates.add(name + "." + s + ".");
      }
    }
    candidates.add(name.endsWith(".") ? name : name + ".");
    PacketDnsTransport transport = pn.transport();
    PacketDnsTransport.Exchange e = null;
    for (String candidate : candidates) {
      e = transport.exchange(ns, DnsQuestion.of(candidate, type), recurse);
      if (e.response().isEmpty() || e.response().get().rcode() != dev.kubesim.impl.dnswire.Rcode.NXDOMAIN) {
        break;
      }
    }
    long elapsed = pn.session().elapsed();
    if (e == null || e.response().isEmpty()) {
      pn.publish(Disposition.of(Disposition.Kind.NO_ANSWER, Cause.NO_DNS_SERVER, "no DNS server answered"));
      return new ExecResult(shortForm ? "" : banner + ";; connection timed out; no servers could be reached\n", "", 9,
          Duration.ofNanos(elapsed));
    }
    DnsResponse r = e.response().get();
    boolean nxdomain = r.rcode() == dev.kubesim.impl.dnswire.Rcode.NXDOMAIN;
    Cause cause = nxdomain ? Cause.NXDOMAIN : !r.answer().isEmpty() ? Cause.ANSWERED
        : r.rcode() == dev.kubesim.impl.dnswire.Rcode.NOERROR ? Cause.NO_DNS_RECORDS : Cause.DNS_SERVER_FAILURE;
    pn.publish(new Disposition(nxdomain ? Disposition.Kind.NXDOMAIN
        : r.answer().isEmpty() ? Disposition.Kind.NO_ANSWER : Disposition.Kind.DELIVERED, cause, e.server(),
        r.rcode() + " " + r.question()));
    if (shortForm) {
      StringBuilder b = new StringBuilder();
      for (DnsRecord rec : r.answer()) {
        b.append(rec.data()).append('\n');
      }
      return new ExecResult(b.toString(), warnings.toString(), 0, Duration.ofNanos(elapsed));
    }
    StringBuilder b = new StringBuilder(banner);
    b.append(";; Got answer:\n");
    b.append(";; ->>HEADER<<- opcode: QUERY, status: ").append(r.rcode()).append(", id: ").append(network.randomId()).append('\n');
    b.append(";; flags: qr").append(r.authoritative() ? " aa" : "").append(recurse ? " rd" : "")
        .append(r.recursionAvailable() ? " ra" : "").append("; QUERY: 1, ANSWER: ").append(r.answer().size())
        .append(", AUTHORITY: ").append(r.authority().size()).append(", ADDITIONAL: ").append(r.additional().size()).append('\n');
    if (recurse && !r.recursionAvailable()) {
      b.append(";; WARNING: recursion requested but not available\n");
    }
    b.append("\n;; QUESTION SECTION:\n");
    StringBuilder q = new StringBuilder(";").append(r.question().name());
    tab(q, 32);
    q.append("IN");
    tab(q, 40);
    q.append(r.question().type());
    b.append(q).append('\n');
    section(b, "ANSWER", r.answer());
    section(b, "AUTHORITY", r.authority());
    section(b, "ADDITIONAL", r.additional());
    b.append("\n;; Query time: ").append(elapsed / 1_000_000).append(" msec\n");
    b.append(";; SERVER: ").append(ns).append("#53(").append(ns).append(")\n");
    b.append(";; WHEN: ").append(WHEN.format(ctx.now())).append('\n');
    b.append(";; MSG SIZE  rcvd: ").append(new DnsResponsePayload(0, r).length()).append("\n\n");
    return new ExecResult(b.toString(), warnings.toString(), 0, Duration.ofNanos(elapsed));
  }

  private static void section(StringBuilder b, String title, List<DnsRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    b.append("\n;; ").append(title).append(" SECTION:\n");
    for (DnsRecord rec : records) {
      StringBuilder line = new StringBuilder(rec.name());
      tab(line, 24);
      line.append(rec.ttl());
      tab(line, 32);
      line.append("IN");
      tab(line, 40);
      line.append(rec.type());
      tab(line, 48);
      line.append(rec.data());
      b.append(line).append('\n');
    }
  }

  /** BIND's column layout: tabs up to the column, or one space when the text already reaches it. */
  private static void tab(StringBuilder line, int column) {
    // the column as a terminal shows it: a tab already written counts up to its stop
    int col = 0;
    for (int i = line.lastIndexOf("\n") + 1; i < line.length(); i++) {
      col = line.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
    }
    if (col >= column) {
      line.append(' ');
      return;
    }
    while (col < column) {
      line.append('\t');
      col = (col / 8 + 1) * 8;
    }
  }

  private static String version(BaseImage base) {
    return switch (base) {
      case UBUNTU_TRUSTY -> "9.9.5-3ubuntu0.19-Ubuntu";
      case DEBIAN_JESSIE -> "9.9.5-9+deb8u19-Debian";
      case DEBIAN -> "9.18.28-1~deb12u2-Debian";
      default -> "9.18.27";
    };
  }

  private static String reverse(String ip) {
    if (!Ip4.isValid(ip)) {
      return ip;
    }
    String[] p = ip.split("\\.");
    return p[3] + "." + p[2] + "." + p[1] + "." + p[0] + ".in-addr.arpa.";
  }

  private static int dots(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }
}
