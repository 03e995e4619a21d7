package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.DnsAnswer;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.commands.Words;
import dev.kubesim.impl.resolver.HostsFile;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import dev.kubesim.impl.resolver.Resolution;
import dev.kubesim.impl.resolver.Resolver;
import dev.kubesim.impl.resolver.ResolverConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A network command's view of its pod's network (or, for a client outside the cluster, its host's):
 * the pod's namespace, a traced session starting
 * now, and name look-ups as the C library does them ({@code /etc/hosts} first, then the resolver
 * reading {@code /etc/resolv.conf}, its queries sent as packets).
 */
final class PodNetwork {
  private static final Function<String, HostsFile> HOSTS = HostsFile::read;
  private final Network network;
  private final ExecContext ctx;
  private final Netns netns;
  private final Session session;
  private PacketDnsTransport transport;

  private PodNetwork(Network network, ExecContext ctx, Netns netns, Session session) {
    this.network = network;
    this.ctx = ctx;
    this.netns = netns;
    this.session = session;
  }

  /** The container's network, or empty when its pod has no namespace on the network. */
  static Optional<PodNetwork> of(Network network, ExecContext ctx, List<String> args) {
    Optional<Netns> ns = network.at(ctx.container().podIp());
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder command = new StringBuilder(ctx.argv0());
    for (String a : args) {
      command.append(' ').append(Words.quotedIfNeeded(a)); // as typed: curl -H 'Host: x' ...
    }
    String title = command
        + (ns.get().kind() == Netns.Kind.EXTERNAL
            ? " from outside the cluster (" + ns.get().addressText() + ")"
            : " in pod " + ctx.container().namespace() + "/" + ctx.container().podName());
    return Optional.of(new PodNetwork(network, ctx, ns.get(), network.session(title)));
  }

  /**
   * The network of a server's container answering a request: its pod's namespace and the request's
   * session, so that what the server dials shows in the client's trace.
   */
  static PodNetwork within(Network network, ExecContext ctx, Netns netns, Session session) {
    return new PodNetwork(network, ctx, netns, session);
  }

  Network network() {
    return network;
  }

  Netns netns() {
    return netns;
  }

  Session session() {
    return session;
  }

  ExecContext ctx() {
    return ctx;
  }

  /** The C library of the container's image: musl on Alpine, glibc elsewhere. */
  Libc libc() {
    return ctx.baseImage() == BaseImage.ALPINE ? Libc.MUSL : Libc.GLIBC;
  }

  /** {@code /etc/resolv.conf} as {@code libc} reads it (once for each version of the file). */
  ResolverConfig resolverConfig(Libc libc) {
    return ctx.fs().readParsed("/etc/resolv.conf", libc.reader()).orElseGet(() -> libc.read(""));
  }

  /** The transport the resolver's queries go through (shared by the command's look-ups). */
  PacketDnsTransport transport() {
    if (transport == null) {
      transport = new PacketDnsTransport(network, session, netns);
    }
    return transport;
  }

  /**
   * How a host name resolved.
   *
   * @param addresses the IPv4 addresses found, in order
   * @param outcome FOUND, or why not
   * @param name the name that answered (after the search list), or the name as given
   * @param server who gave the final answer ({@code pod/kube-system/coredns-...}), if a server did
   * @param cause {@link Cause#ANSWERED}, or why the name did not resolve
   */
  record Lookup(List<String> addresses, Resolution.Outcome outcome, String name, Optional<ObjectRef> server, Cause cause) {
    /** A name resolved without asking a server (an address, {@code /etc/hosts}, localhost). */
    static Lookup local(List<String> addresses, String name) {
      return new Lookup(addresses, Resolution.Outcome.FOUND, name, Optional.empty(), Cause.ANSWERED);
    }

    boolean found() {
      return outcome == Resolution.Outcome.FOUND && !addresses.isEmpty();
    }

    Disposition.Kind failureKind() {
      return outcome == Resolution.Outcome.NOT_FOUND ? Disposition.Kind.NXDOMAIN : Disposition.Kind.NO_ANSWER;
    }

    /** How a command that could not resolve {@code host} ends. */
    Disposition unresolved(String host) {
      return new Disposition(failureKind(), cause, server, host + ": " + outcome);
    }
  }

  /** Resolves a host: an IPv4 literal as is, then {@code /etc/hosts}, then DNS as the image's C library does. */
  Lookup lookup(String host) {
    return lookup(host, libc());
  }

  /**
   * Resolves a host with the search rules of {@code libc}: a static Go binary (agnhost) brings its
   * own resolver, whose search list and ndots follow glibc's whatever the image's C library.
   */
  Lookup lookup(String host, Libc libc) {
    if (Ip4.isValid(host)) {
      return Lookup.local(List.of(host), host);
    }
    List<String> fromHosts = hostsFile(host);
    if (!fromHosts.isEmpty()) {
      session.resolved(netns, "resolver", new DnsAnswer(host, host, fromHosts),
          host + " is in /etc/hosts: " + String.join(", ", fromHosts));
      return Lookup.local(fromHosts, host);
    }
    if (!host.contains(".") && host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return Lookup.local(List.of("127.0.0.1"), host);
    }
    session.note(netns, "resolver", Action.RESOLVE, "looking up " + host + " (" + libc.name().toLowerCase(Locale.ROOT)
        + " reading /etc/resolv.conf)");
    Resolution r = new Resolver(libc, transport()).lookup(netns.name(), resolverConfig(libc), host, "A");
    List<String> v4 = r.addresses().stream().filter(Ip4::isValid).toList();
    List<PacketDnsTransport.Exchange> exchanges = transport().exchanges();
    Optional<ObjectRef> server = exchanges.isEmpty() ? Optional.empty() : exchanges.get(exchanges.size() - 1).server();
    String answered = r.tried().isEmpty() ? host : r.tried().get(r.tried().size() - 1);
    Resolution.Outcome outcome = r.outcome() == Resolution.Outcome.FOUND && v4.isEmpty() ? Resolution.Outcome.NO_DATA : r.outcome();
    if (outcome == Resolution.Outcome.FOUND) {
      session.resolved(netns, "resolver", new DnsAnswer(host, answered, v4), host + " is " + answered + ": " + String.join(", ", v4));
    } else {
      session.note(netns, "resolver", Action.RESOLVE, host + ": " + outcome + " after trying " + String.join(", ", r.tried()));
    }
    return new Lookup(v4, outcome, answered, server, cause(outcome, r));
  }

  /** Why a look-up ended so: a server's answer, or none at all. */
  private static Cause cause(Resolution.Outcome outcome, Resolution r) {
    return switch (outcome) {
      case FOUND -> Cause.ANSWERED;
      case NOT_FOUND -> Cause.NXDOMAIN;
      case NO_DATA -> Cause.NO_DNS_RECORDS;
      case NO_RECOVERY -> Cause.DNS_SERVER_FAILURE;
      case TRY_AGAIN -> r.rcode().isPresent() ? Cause.DNS_SERVER_FAILURE : Cause.NO_DNS_SERVER;
    };
  }

  /** The IPv4 addresses {@code /etc/hosts} gives a name (every line naming it, in order). */
  private List<String> hostsFile(String host) {
    return ctx.fs().readParsed("/etc/hosts", HOSTS).map(h -> h.addresses(host)).orElse(List.of());
  }

  /** Ends the session: its trace goes to the running exec's result. */
  void publish(Disposition disposition) {
    network.traces().publish(session.finish(disposition));
  }

  /** Milliseconds of virtual time since the command started, as curl counts them. */
  long elapsedMillis() {
    return session.elapsed() / 1_000_000L;
  }
}
