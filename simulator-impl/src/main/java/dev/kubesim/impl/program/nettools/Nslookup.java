package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import dev.kubesim.impl.resolver.Resolution;
import dev.kubesim.impl.resolver.Resolver;
import dev.kubesim.impl.resolver.ResolverConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code nslookup [-type=T] NAME [SERVER]}. BIND's nslookup (Debian, Ubuntu: dnsutils) walks the
 * search list as the resolver does and prints {@code Server:}, {@code Address: ip#53}, then {@code
 * Name:}/{@code Address:} pairs ({@code Non-authoritative answer:} first when the answer is not
 * authoritative); BusyBox's resolves by itself, asking under each search domain (see {@link
 * #busybox}), and writes {@code ip:53}; BusyBox 1.28 and older ({@code busybox:1.28}) ask the C
 * library and print {@code Address 1: IP NAME} lines. Failures: {@code ** server can't find NAME: NXDOMAIN}, {@code ;; connection timed out; no
 * servers could be reached}; exit 1.
 */
final class Nslookup implements Command {
  private final Network network;

  Nslookup(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    return run(args, ctx, ctx.busybox() && !bindTools(ctx));
  }

  /**
   * Whether BIND's tools replace BusyBox's applet: an Alpine image with {@code bind-tools} (agnhost,
   * the docs' {@code dnsutils} pod), whose {@code dig} comes with BIND's {@code nslookup}.
   */
  private static boolean bindTools(ExecContext ctx) {
    return ctx.fs().exists("/usr/bin/dig");
  }

  private ExecResult run(List<String> args, ExecContext ctx, boolean busybox) {
    String type = "A";
    String name = null;
    String server = null;
    for (String a : args) {
      if (a.startsWith("-type=") || a.startsWith("-query=") || a.startsWith("-q=") || a.startsWith("-t=")) {
        type = a.substring(a.indexOf('=') + 1).toUpperCase(Locale.ROOT);
      } else if (a.startsWith("-")) {
        continue;
      } else if (name == null) {
        name = a;
      } else if (server == null) {
        server = a;
      }
    }
    if (name == null) {
      return busybox
          ? ExecResult.failure(1, ctx.busyboxBanner(true) + "\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n")
          : ExecResult.failure(1, "");
    }
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, args);
    if (opened.isEmpty()) {
      return ExecResult.failure(1, ";; connection timed out; no servers could be reached\n");
    }
    PodNetwork pn = opened.get();
    ResolverConfig conf = pn.resolverConfig(Libc.GLIBC);
    String ns = server != null ? server : conf.nameservers().isEmpty() ? "127.0.0.1" : conf.nameservers().get(0);
    String header = "Server:\t\t" + ns + "\nAddress:\t" + ns + "#53\n\n";
    ExecResult r = busybox && libcBusybox(ctx) ? libcBusybox(pn, ns, name)
        : busybox ? busybox(pn, conf, ns, name, type) : bind(pn, conf, ns, name, type, header);
    return new ExecResult(r.stdout(), r.stderr(), r.exitCode(), Duration.ofNanos(pn.session().elapsed()));
  }

  /**
   * BIND: one look-up through the search list, against the one server; an address is looked up as
   * its PTR name ({@code nslookup 10.96.0.10}, {@code -q=ptr 10.96.0.10}).
   */
  private static ExecResult bind(PodNetwork pn, ResolverConfig conf, String ns, String name, String type, String header) {
    ResolverConfig one = new ResolverConfig(List.of(ns), conf.search(), conf.ndots(), conf.attempts(), conf.noTldQuery());
    PacketDnsTransport transport = pn.transport();
    Optional<String> reverse = ptrName(name).filter(p -> type.equals("A") || type.equals("PTR"));
    Resolution r = new Resolver(Libc.GLIBC, transport).lookup(pn.netns().name(), one,
        reverse.map(p -> p + ".").orElse(name), reverse.isPresent() ? "PTR" : type);
    Optional<PacketDnsTransport.Exchange> last = transport.exchanges().stream()
        .filter(e -> e.response().isPresent()).reduce((a, b) -> b);
    if (last.isEmpty()) {
      pn.publish(Disposition.of(Disposition.Kind.NO_ANSWER, Cause.NO_DNS_SERVER, "no DNS server answered"));
      return ExecResult.of(";; connection timed out; no servers could be reached\n\n", "", 1);
    }
    DnsResponse response = finalResponse(transport, r).orElse(last.get().response().get());
    Optional<ObjectRef> server = last.get().server();
    StringBuilder out = new StringBuilder(header);
    if (r.outcome() == Resolution.Outcome.FOUND) {
      if (!response.authoritative()) {
        out.append("Non-authoritative answer:\n");
      }
      for (DnsRecord rec : response.answer()) {
        out.append(record(rec));
      }
      out.append('\n');
      pn.publish(new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, server, "answered " + name));
      return ExecResult.ok(out.toString());
    }
    if (r.outcome() == Resolution.Outcome.NO_DATA) {
      out.append("*** Can't find ").append(name).append(": No answer\n\n");
      pn.publish(new Disposition(Disposition.Kind.NO_ANSWER, Cause.NO_DNS_RECORDS, server, name + " has no " + type + " records"));
      return ExecResult.of(out.toString(), "", 1);
    }
    String rcode = r.rcode().orElse("SERVFAIL");
    out.append("** server can't find ").append(name).append(": ").append(rcode).append("\n\n");
    boolean nxdomain = rcode.equals("NXDOMAIN");
    pn.publish(new Disposition(nxdomain ? Disposition.Kind.NXDOMAIN : Disposition.Kind.NO_ANSWER,
        nxdomain ? Cause.NXDOMAIN : Cause.DNS_SERVER_FAILURE, server, name + ": " + rcode));
    return ExecResult.of(out.toString(), "", 1);
  }

  /** The response that ended the look-up: the first with records, in the order asked. */
  private static Optional<DnsResponse> finalResponse(PacketDnsTransport transport, Resolution r) {
    for (PacketDnsTransport.Exchange e : transport.exchanges()) {
      if (e.response().isPresent() && e.response().get().rcode() == Rcode.NOERROR && !e.response().get().answer().isEmpty()
          && r.outcome() == Resolution.Outcome.FOUND) {
        return e.response();
      }
    }
    return Optional.empty();
  }

  /**
   * BusyBox 1.36 (networking/nslookup.c, its own resolver): a name without a dot is asked under
   * every domain of {@code /etc/resolv.conf}'s search line, never alone; a name with a dot only as
   * given; an address as its PTR name. Every query (A then AAAA for each name, or the one type asked)
   * goes out at once and each reply is printed as it comes: a failure as {@code ** server can't find
   * NAME: RCODE}, an answer with {@code Non-authoritative answer:} when not authoritative, each
   * followed by an empty line. Any failed reply makes the status 1, even when another found the
   * name; a query without reply is {@code *** Can't find NAME: No answer}.
   */
  private static ExecResult busybox(PodNetwork pn, ResolverConfig conf, String ns, String name, String type) {
    List<DnsQuestion> queries = new java.util.ArrayList<>();
    Optional<String> ptr = ptrName(name);
    if (ptr.isPresent() && type.equals("A")) {
      queries.add(DnsQuestion.of(ptr.get() + ".", "PTR"));
    } else {
      for (String t : type.equals("A") ? List.of("A", "AAAA") : List.of(type)) {
        for (String n : t.equals("PTR") || name.contains(".") || conf.search().isEmpty()
            ? List.of(name) : conf.search().stream().map(d -> name + "." + d).toList()) {
          queries.add(DnsQuestion.of(n.endsWith(".") ? n : n + ".", t));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    StringBuilder unanswered = new StringBuilder();
    boolean anyReply = false;
    boolean found = false;
    boolean failed = false;
    Optional<ObjectRef> server = Optional.empty();
    for (DnsQuestion q : queries) {
      PacketDnsTransport.Exchange e = pn.transport().exchange(ns, q, true);
      String asked = q.name().substring(0, q.name().length() - 1);
      if (e.response().isEmpty()) {
        unanswered.append("*** Can't find ").append(asked).append(": No answer\n");
        continue;
      }
      if (!anyReply) {
        out.append("Server:\t\t").append(ns).append("\nAddress:\t").append(ns).append(":53\n\n");
        anyReply = true;
      }
      server = e.server();
      DnsResponse resp = e.response().get();
      if (resp.rcode() != Rcode.NOERROR) {
        out.append("** server can't find ").append(asked).append(": ").append(resp.rcode()).append('\n');
        failed = true;
      } else {
        if (!resp.authoritative()) {
          out.append("Non-authoritative answer:\n");
        }
        for (DnsRecord rec : resp.answer()) {
          out.append(busyboxRecord(rec));
        }
        found |= !resp.answer().isEmpty();
      }
      out.append('\n');
    }
    if (!anyReply) {
      pn.publish(Disposition.of(Disposition.Kind.NO_ANSWER, Cause.NO_DNS_SERVER, "no DNS server answered"));
      return ExecResult.of(";; connection timed out; no servers could be reached\n\n", "", 1);
    }
    if (unanswered.length() > 0) {
      out.append(unanswered).append('\n');
    }
    pn.publish(found ? new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, server, "answered " + name)
        : failed ? new Disposition(Disposition.Kind.NXDOMAIN, Cause.NXDOMAIN, server, name)
        : new Disposition(Disposition.Kind.NO_ANSWER, Cause.NO_DNS_RECORDS, server, name));
    return ExecResult.of(out.toString(), "", failed || unanswered.length() > 0 ? 1 : 0);
  }

  /**
   * Whether the image's BusyBox is 1.28 or older, whose nslookup asks the C library (the {@code
   * busybox:1.28} of Kubernetes' DNS debugging guide, {@code radial/busyboxplus}, {@code
   * gcr.io/google-containers/busybox}) rather than
   * resolving by itself.
   */
  private static boolean libcBusybox(ExecContext ctx) {
    String image = ctx.container().image().familiarName();
    if (image.equals("radial/busyboxplus") || image.equals("gcr.io/google-containers/busybox")
        || image.equals("gcr.io/google_containers/busybox")) {
      return true; // BusyBoxes of 2014: Buildroot's, and the one kubernetes.io's "Debug Services" runs
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("1\\.(\\d+)(?:[.-].*)?")
        .matcher(ctx.container().image().tag().orElse(""));
    return (image.equals("busybox") || image.endsWith("library/busybox")
        || image.equals("registry.k8s.io/busybox") || image.equals("k8s.gcr.io/busybox"))
        && m.matches() && Integer.parseInt(m.group(1)) <= 28;
  }

  /**
   * BusyBox 1.28 (networking/nslookup.c before its own resolver): {@code Server:} and {@code Name:}
   * as {@code %-10s %s}, each address as {@code Address N: IP NAME} with the name its PTR record
   * gives, the name looked up through the C library's search list; a name that does not resolve is
   * {@code nslookup: can't resolve 'NAME'} on standard error, status 1.
   */
  private static ExecResult libcBusybox(PodNetwork pn, String ns, String name) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "%-10s %s", "Server:", ns)).append('\n');
    out.append(addressLine(pn, ns, 1, ns)).append('\n');
    PodNetwork.Lookup found = pn.lookup(name);
    if (!found.found()) {
      pn.publish(found.unresolved(name));
      return ExecResult.of(out.toString(), "nslookup: can't resolve '" + name + "'\n", 1);
    }
    out.append(String.format(java.util.Locale.ROOT, "%-10s %s", "Name:", name)).append('\n');
    for (int i = 0; i < found.addresses().size(); i++) {
      out.append(addressLine(pn, ns, i + 1, found.addresses().get(i)));
    }
    pn.publish(new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, found.server(), "answered " + name));
    return ExecResult.ok(out.toString());
  }

  /** {@code Address N: IP NAME}, the name from the address's PTR record when the server has one. */
  private static String addressLine(PodNetwork pn, String ns, int n, String ip) {
    Optional<String> ptr = ptrName(ip);
    String reverse = "";
    if (ptr.isPresent()) {
      PacketDnsTransport.Exchange e = pn.transport().exchange(ns, DnsQuestion.of(ptr.get() + ".", "PTR"), true);
      reverse = e.response().stream().flatMap(r -> r.answer().stream())
          .filter(rec -> rec.type().equals("PTR")).findFirst().map(rec -> " " + noDot(rec.data())).orElse("");
    }
    return "Address " + n + ": " + ip + reverse + "\n";
  }

  /** The {@code in-addr.arpa} name of an IPv4 address, which BusyBox asks a PTR for. */
  private static Optional<String> ptrName(String name) {
    if (!dev.kubesim.impl.net.Ip4.isValid(name)) {
      return Optional.empty();
    }
    String[] p = name.split("\\.");
    return Optional.of(p[3] + "." + p[2] + "." + p[1] + "." + p[0] + ".in-addr.arpa");
  }

  /** A record as BusyBox's parse_reply prints it: names uncompressed, without their last dot. */
  private static String busyboxRecord(DnsRecord rec) {
    String owner = noDot(rec.name());
    return switch (rec.type()) {
      case "A", "AAAA" -> "Name:\t" + owner + "\nAddress: " + rec.data() + "\n";
      case "CNAME" -> owner + "\tcanonical name = " + noDot(rec.data()) + "\n";
      case "NS" -> owner + "\tnameserver = " + noDot(rec.data()) + "\n";
      case "PTR" -> owner + "\tname = " + noDot(rec.data()) + "\n";
      case "SRV" -> owner + "\tservice = " + noDot(rec.data()) + "\n";
      case "TXT" -> owner + "\ttext = \"" + rec.data() + "\"\n";
      default -> "";
    };
  }

  private static String noDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static String record(DnsRecord rec) {
    String owner = rec.name().endsWith(".") ? rec.name().substring(0, rec.name().length() - 1) : rec.name();
    return switch (rec.type()) {
      case "A", "AAAA" -> "Name:\t" + owner + "\nAddress: " + rec.data() + "\n";
      case "CNAME" -> owner + "\tcanonical name = " + rec.data() + "\n";
      case "PTR" -> owner + "\tname = " + rec.data() + "\n";
      case "SRV" -> owner + "\tservice = " + rec.data() + "\n";
      case "TXT" -> owner + "\ttext = \"" + rec.data() + "\"\n";
      default -> owner + "\t" + rec.type().toLowerCase(Locale.ROOT) + " = " + rec.data() + "\n";
    };
  }
}
