package dev.kubesim.impl.proxy;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.http.HttpDates;
import dev.kubesim.impl.net.HttpPayload;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.Sockets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * kube-proxy's service health server on one node ({@code healthcheck.ServiceHealthServer}): for
 * every LoadBalancer Service with {@code externalTrafficPolicy: Local} it listens on the Service's
 * {@code healthCheckNodePort}, on all the node's addresses, and answers any HTTP request with the
 * number of the Service's ready endpoints on this node — {@code 200} when there is at least one,
 * {@code 503} otherwise — which is what a cloud load balancer's health check reads. The body is
 * kube-proxy's JSON, tab-indented as it prints it.
 *
 * <p>Not thread-safe: it runs under the cluster's lock like every engine component.
 */
public final class ServiceHealthServer implements Sockets {
  private record Listener(ObjectKey service, int localEndpoints) {}

  private final Supplier<Instant> clock;
  private final Map<Integer, Listener> byPort = new HashMap<>();
  private final Map<ObjectKey, Integer> portOf = new HashMap<>();

  ServiceHealthServer(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /**
   * The Service's listener after a sync: opened, moved or updated when one of its ports has a
   * health-check nodePort, closed otherwise.
   *
   * @param endpoints the Service's endpoints by service port, as kube-proxy merged them
   */
  void sync(ObjectKey service, List<ServicePortInfo> ports, Map<ServicePortName, List<EndpointInfo>> endpoints) {
    int port = 0;
    for (ServicePortInfo p : ports) {
      if (p.healthCheckNodePort() != 0) {
        port = p.healthCheckNodePort();
        break;
      }
    }
    Integer old = portOf.remove(service);
    if (old != null) {
      byPort.remove(old);
    }
    if (port == 0) {
      return;
    }
    // LocalReadyEndpoints: distinct ip:port of ready endpoints on this node, over all the Service's ports.
    Set<String> local = new TreeSet<>();
    for (List<EndpointInfo> list : endpoints.values()) {
      for (EndpointInfo ep : list) {
        if (ep.local() && ep.ready()) {
          local.add(ep.toString());
        }
      }
    }
    byPort.put(port, new Listener(service, local.size()));
    portOf.put(service, port);
  }

  /** The Service whose health check listens on this port, and its local ready endpoints. */
  Optional<Integer> localEndpoints(int port) {
    Listener l = byPort.get(port);
    return l == null ? Optional.empty() : Optional.of(l.localEndpoints());
  }

  @Override
  public boolean listening(IpProtocol protocol, int port) {
    return protocol == IpProtocol.TCP && byPort.containsKey(port);
  }

  @Override
  public Optional<Payload> receive(Session session, Netns at, Packet packet) {
    Listener l = byPort.get(packet.destinationPort());
    if (l == null || !(packet.payload() instanceof HttpPayload http) || http.asRequest().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(HttpPayload.response(answer(l, http.asRequest().get())));
  }

  private HttpResponse answer(Listener l, HttpRequest request) {
    int count = l.localEndpoints();
    String body = "{\n"
        + "\t\"service\": {\n"
        + "\t\t\"namespace\": \"" + l.service().namespace() + "\",\n"
        + "\t\t\"name\": \"" + l.service().name() + "\"\n"
        + "\t},\n"
        + "\t\"localEndpoints\": " + count + ",\n"
        + "\t\"serviceProxyHealthy\": true\n"
        + "}";
    // Go's server writes the handler's headers and its own (Date, Content-Length) sorted by name.
    return HttpResponse.status(count > 0 ? 200 : 503, request.method().equals("HEAD") ? "" : body)
        .withHeader("Content-Length", Integer.toString(body.length()))
        .withHeader("Content-Type", "application/json")
        .withHeader("Date", HttpDates.format(clock.get()))
        .withHeader("X-Content-Type-Options", "nosniff");
  }

  /** kube-proxy is a process of the node, not an object of its own: the node answers. */
  @Override
  public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
    return Optional.empty();
  }
}
