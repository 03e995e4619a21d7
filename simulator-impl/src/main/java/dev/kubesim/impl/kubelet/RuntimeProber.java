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
import dev.kubesim.impl.program.RunningContainer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Probes a container through its runtime: an exec probe runs its command and succeeds on exit
 * code 0; an httpGet probe sends the request to the container's listener and succeeds on a status
 * from 200 to 399; a tcpSocket probe succeeds when something listens on the port. (The probes reach
 * the container directly; the packet path from the node comes with the network.)
 */
public final class RuntimeProber implements Prober {
  @Override
  public Result probe(Pod pod, RunningContainer container, Probe probe) {
    if (probe.exec().isPresent()) {
      ExecResult r = container.exec(probe.exec().get().command());
      return r.exitCode() == 0 ? Result.ok() : Result.failure(r.stdout() + r.stderr());
    }
    if (probe.httpGet().isPresent()) {
      return httpGet(pod, container, probe.httpGet().get());
    }
    if (probe.tcpSocket().isPresent()) {
      TCPSocketAction tcp = probe.tcpSocket().get();
      OptionalInt port = resolvePort(container.config().container(), tcp.port().orElse(IntOrString.of(0)));
      if (port.isPresent() && container.listensOn("TCP", port.getAsInt())) {
        return Result.ok();
      }
      return Result.failure("dial tcp " + container.podIp() + ":" + portText(port) + ": connect: connection refused");
    }
    return Result.ok();
  }

  private Result httpGet(Pod pod, RunningContainer container, HTTPGetAction get) {
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
