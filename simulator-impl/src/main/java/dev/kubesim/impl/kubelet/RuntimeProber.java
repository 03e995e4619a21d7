package dev.kubesim.impl.kubelet;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.HTTPHeader;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import dev.kubesim.api.model.TCPSocketAction;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.NodeHost;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.sim.Steady;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Probes a container: an exec probe runs its command and succeeds on exit code 0; an httpGet probe
 * sends its request and succeeds on a status from 200 to 399; a tcpSocket probe succeeds when the
 * connection opens. With a network, httpGet and tcpSocket probes go from the node's own namespace
 * to the pod over the packet network (untraced), as the kubelet's do, within the probe's {@code
 * timeoutSeconds}; without one they reach the container directly.
 */
public final class RuntimeProber implements Prober {
  private final Network network;

  /** A prober that reaches containers directly (no network). */
  public RuntimeProber() {
    this.network = null;
  }

  /** A prober whose httpGet and tcpSocket probes travel the network from the pod's node. */
  public RuntimeProber(Network network) {
    this.network = network;
  }

  /**
   * Probes once and tells, when it can, what probing again does while nothing in the cluster
   * changes: a probe is repeatable when it ran only kubesim's own programs and commands, left the
   * container as it was (no file written, no log line, no exit, no look at the server's own state)
   * but for a request served or process ids used, and drew nothing from the network's ports (an
   * httpGet or tcpSocket probe to the container's own address uses a port of its own).
   */
  @Override
  public Result probe(Pod pod, RunningContainer container, Probe probe) {
    RunningContainer.Traces before = container.traces();
    long draws = network == null ? 0 : network.draws();
    Result result = run(pod, container, probe);
    RunningContainer.Traces after = container.traces();
    boolean own = container.builtinProgram() && !container.commands().hasUserCommands();
    boolean quiet = before.files() == after.files() && before.logLines() == after.logLines()
        && before.stateReads() == after.stateReads() && before.exited() == after.exited() && !after.exited()
        && (network == null || network.draws() == draws);
    if (!own || !quiet || !result.repeat().isPresent()) {
      return new Result(result.success(), result.message(), Optional.empty());
    }
    long requests = after.requests() - before.requests();
    long pids = after.pids() - before.pids();
    long commands = container.commands().version();
    return result.repeating(new Steady() {
      /** A command registered since (not through the cluster's calls) may answer differently. */
      @Override
      public boolean holds() {
        return container.commands().version() == commands;
      }

      @Override
      public void skip(long runs) {
        container.repeated(requests * runs, pids * runs);
      }
    });
  }

  /** Runs the probe; a result that repeats is marked with an empty model, filled in by {@link #probe}. */
  private Result run(Pod pod, RunningContainer container, Probe probe) {
    if (probe.exec().isPresent()) {
      ExecResult r = container.exec(probe.exec().get().command());
      return repeatable(r.exitCode() == 0 ? Result.ok() : Result.failure(r.stdout() + r.stderr()));
    }
    if (probe.httpGet().isPresent()) {
      return httpGet(pod, container, probe.httpGet().get(), probe);
    }
    if (probe.tcpSocket().isPresent()) {
      TCPSocketAction tcp = probe.tcpSocket().get();
      OptionalInt port = resolvePort(container.config().container(), tcp.port().orElse(IntOrString.of(0)));
      Optional<Netns> node = nodeNetns(pod);
      String host = container.podIp();
      if (node.isPresent() && port.isPresent() && Ip4.isValid(host)) {
        Result r = tcpOverNetwork(node.get(), host, port.getAsInt(), probe);
        return container.listensOn("TCP", port.getAsInt()) ? repeatable(r) : r;
      }
      if (port.isPresent() && container.listensOn("TCP", port.getAsInt())) {
        return Result.ok();
      }
      return Result.failure("dial tcp " + container.podIp() + ":" + portText(port) + ": connect: connection refused");
    }
    return Result.ok();
  }

  private Result httpGet(Pod pod, RunningContainer container, HTTPGetAction get, Probe probe) {
    OptionalInt port = resolvePort(container.config().container(), get.port().orElse(IntOrString.of(0)));
    String scheme = get.scheme().orElse("HTTP").toLowerCase();
    String host = get.host().orElse(container.podIp());
    String url = scheme + "://" + host + ":" + portText(port) + get.path().orElse("/");
    if (port.isEmpty()) {
      return Result.failure("Get \"" + url + "\": dial tcp: unknown port");
    }
    HttpRequest request = HttpRequest.get(get.path().orElse("/"))
        .withHeader("Host", host + ":" + port.getAsInt())
        .withHeader("User-Agent", "kube-probe/1.34")
        .withHeader("Accept", "*/*");
    for (HTTPHeader h : get.httpHeaders()) {
      request = request.withHeader(h.name().orElse(""), h.value().orElse(""));
    }
    Optional<Netns> node = nodeNetns(pod);
    if (node.isPresent() && Ip4.isValid(host)) {
      Result r = httpOverNetwork(node.get(), host, port.getAsInt(), url, request, probe);
      // Only a probe of the container's own port is known to reach this container alone.
      return host.equals(container.podIp()) && container.listensOn("TCP", port.getAsInt()) ? repeatable(r) : r;
    }
    request = request
        .withClientAddress(pod.status().flatMap(s -> s.hostIP()).orElse("127.0.0.1") + ":40000")
        .withServerAddress(container.podIp() + ":" + port.getAsInt());
    Optional<HttpResponse> response = container.serveHttp(request);
    if (response.isEmpty()) {
      return Result.failure("Get \"" + url + "\": dial tcp " + container.podIp() + ":" + port.getAsInt() + ": connect: connection refused");
    }
    int status = response.get().status();
    return status >= 200 && status < 400 ? Result.ok() : Result.failure("HTTP probe failed with statuscode: " + status);
  }

  /** The namespace of the pod's node, when probes go over the network. */
  private Optional<Netns> nodeNetns(Pod pod) {
    return network == null ? Optional.empty() : network.node(PodStates.nodeName(pod)).map(NodeHost::netns);
  }

  /** {@code timeoutSeconds} (default 1) in virtual nanoseconds. */
  private static long timeout(Probe probe) {
    return probe.timeoutSeconds().orElse(1) * 1_000_000_000L;
  }

  /** Marks a result as one the same probe gives again while nothing changes (the effects come later). */
  private static Result repeatable(Result r) {
    return r.repeating(Steady.NOTHING);
  }

  /**
   * The source port of a probe's connection: drawn from no stream (a probe leaves the ports of
   * everything else as they were), a hash of the instant and the address, within the ephemeral range.
   */
  private static int probePort(long now, String host, int port) {
    long h = now * 0x9E3779B97F4A7C15L ^ ((long) host.hashCode() << 16) ^ port;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return 32768 + (int) Math.floorMod(h, 60999 - 32768 + 1);
  }

  private Result httpOverNetwork(Netns node, String host, int port, String url, HttpRequest request, Probe probe) {
    Session s = network.probeSession(probePort(network.now(), host, port));
    long deadline = s.now() + timeout(probe);
    HttpClient.Result r = HttpClient.fetch(network, s, node, Ip4.parse(host), port,
        request.withHeader("Connection", "close"), deadline, deadline);
    String dial = "Get \"" + url + "\": dial tcp " + host + ":" + port + ": ";
    return switch (r.outcome()) {
      case RESPONSE -> {
        int status = r.response().orElseThrow().status();
        yield status >= 200 && status < 400 ? Result.ok() : Result.failure("HTTP probe failed with statuscode: " + status);
      }
      case REFUSED -> Result.failure(dial + "connect: connection refused");
      case NO_ROUTE -> Result.failure(dial + "connect: network is unreachable");
      case EMPTY_REPLY -> Result.failure("Get \"" + url + "\": EOF");
      case NOT_HTTP -> Result.failure("Get \"" + url + "\": net/http: HTTP/1.x transport connection broken: malformed HTTP response "
          + goQuoted(r.notHttp().orElse("")));
      default -> Result.failure("Get \"" + url + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
    };
  }

  private Result tcpOverNetwork(Netns node, String host, int port, Probe probe) {
    Session s = network.probeSession(probePort(network.now(), host, port));
    TcpConnection.Attempt a = TcpConnection.open(network, s, node, Ip4.parse(host), port, s.now() + timeout(probe));
    String dial = "dial tcp " + host + ":" + port + ": ";
    return switch (a.status()) {
      case CONNECTED -> {
        a.connection().close();
        yield Result.ok();
      }
      case REFUSED -> Result.failure(dial + "connect: connection refused");
      case NO_ROUTE -> Result.failure(dial + "connect: network is unreachable");
      default -> Result.failure(dial + "i/o timeout");
    };
  }

  /** Go's %q of the first line a server wrote, as net/http quotes a malformed status line. */
  private static String goQuoted(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    StringBuilder q = new StringBuilder("\"");
    for (char c : line.toCharArray()) {
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c == '\r') {
        q.append("\\r");
      } else if (c < 0x20 || c == 0x7f) {
        q.append(String.format("\\x%02x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private static String portText(OptionalInt port) {
    return port.isPresent() ? Integer.toString(port.getAsInt()) : "";
  }

  /** A probe's port: a number, or the name of one of the container's ports. */
  static OptionalInt resolvePort(Container container, IntOrString port) {
    if (port.isInt()) {
      return port.intValue();
    }
    for (ContainerPort cp : container.ports()) {
      if (cp.name().filter(port.stringValue()::equals).isPresent()) {
        return OptionalInt.of(cp.containerPort().orElse(0));
      }
    }
    return OptionalInt.empty();
  }
}
