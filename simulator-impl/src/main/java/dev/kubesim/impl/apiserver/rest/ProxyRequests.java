package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The {@code proxy} subresources of pods and Services ({@code /api/v1/namespaces/NS/pods/NAME[:PORT]/proxy/PATH},
 * {@code .../services/[SCHEME:]NAME[:PORT]/proxy/PATH}, what {@code kubectl get --raw} and {@code
 * kubectl proxy} reach): the API server forwards the request from its own host to the pod's IP and
 * port — for a Service, to one of its ready endpoints for that port, picked at random as the API
 * server's {@code ResourceLocation} picks it — and relays the answer.
 */
final class ProxyRequests {
  private final RestHost host;

  ProxyRequests(RestHost host) {
    this.host = host;
  }

  /** Where the request goes: an IP and port, and the pod or Service it stands for. */
  private record Location(String ip, int port) {}

  /**
   * Proxies one request.
   *
   * @param resource {@code pods} or {@code services}
   * @param id the path's {@code [SCHEME:]NAME[:PORT]}
   * @param path what follows {@code /proxy}, with its leading slash (or empty)
   */
  void serve(RestExchange exchange, String resource, String namespace, String id, String path) throws IOException {
    String[] parts = id.split(":", -1);
    String name;
    String port;
    if (parts.length == 3) {
      name = parts[1];
      port = parts[2];
    } else if (parts.length == 2) {
      name = parts[0];
      port = parts[1];
    } else {
      name = id;
      port = "";
    }
    Location location = host.locked(() -> {
      host.settle();
      return resource.equals("pods") ? podLocation(namespace, name, port) : serviceLocation(namespace, name, port);
    });
    String query = exchange.rawQuery();
    HttpRequest request = HttpRequest.get((path.isEmpty() ? "/" : path) + (query.isEmpty() ? "" : "?" + query))
        .withMethod(exchange.method())
        .withHeader("Host", location.ip() + ":" + location.port());
    for (String h : List.of("Accept", "Content-Type", "User-Agent")) {
      Optional<String> v = exchange.header(h);
      if (v.isPresent()) {
        request = request.withHeader(h, v.get());
      }
    }
    byte[] body = exchange.body();
    if (body.length > 0) {
      request = request.withBody(new String(body, StandardCharsets.UTF_8));
    }
    RestHost.ProxyAnswer answer = host.proxyHttp(location.ip(), location.port(), request);
    if (answer.response().isEmpty()) {
      // the API server's proxy reports a backend it cannot reach as an error of its own
      exchange.send(500, json(StatusObjects.failure(500, "", "error trying to reach service: " + answer.failure())),
          "application/json", List.of());
      return;
    }
    HttpResponse response = answer.response().get();
    String type = "text/plain; charset=utf-8";
    for (HttpHeader h : response.headers()) {
      if (h.name().equalsIgnoreCase("Content-Type")) {
        type = h.value();
      }
    }
    exchange.send(response.status(), response.body().getBytes(StandardCharsets.UTF_8), type, List.of());
  }

  private Location podLocation(String namespace, String name, String port) {
    Pod pod = (Pod) host.api().getOrThrow(Pod.KIND, namespace, name);
    int number = port.isEmpty() ? firstContainerPort(pod) : number(port);
    String ip = pod.status().flatMap(s -> s.podIP()).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new dev.kubesim.api.BadRequestException("address not allowed"));
    return new Location(ip, number);
  }

  private static int firstContainerPort(Pod pod) {
    for (Container c : pod.specOrEmpty().containers()) {
      for (ContainerPort p : c.ports()) {
        return p.containerPort().orElse(80);
      }
    }
    return 80;
  }

  private Location serviceLocation(String namespace, String name, String port) {
    Service service = (Service) host.api().getOrThrow(Service.KIND, namespace, name);
    String portName = port;
    if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
      int wanted = Integer.parseInt(port);
      portName = null;
      for (ServicePort sp : service.specOrEmpty().ports()) {
        if (sp.port().orElse(0) == wanted) {
          portName = sp.name().orElse("");
        }
      }
      if (portName == null) {
        throw new KubeSimException("ServiceUnavailable", 503, "no service port " + wanted + " found for service \"" + name + "\"");
      }
    }
    Optional<Endpoints> endpoints = host.api().get(Endpoints.KIND, namespace, name).map(Endpoints.class::cast);
    List<EndpointSubset> subsets = endpoints.map(Endpoints::subsets).orElse(List.of());
    SplittableRandom random = host.loop().random().stream("apiserver/service-proxy");
    if (!subsets.isEmpty()) {
      int start = random.nextInt(subsets.size());
      for (int i = 0; i < subsets.size(); i++) {
        EndpointSubset subset = subsets.get((start + i) % subsets.size());
        List<String> ips = new ArrayList<>();
        for (EndpointAddress a : subset.addresses()) {
          a.ip().ifPresent(ips::add);
        }
        if (ips.isEmpty()) {
          continue;
        }
        for (EndpointPort p : subset.ports()) {
          if (p.name().orElse("").equals(portName)) {
            return new Location(ips.get(random.nextInt(ips.size())), p.port().orElse(0));
          }
        }
      }
    }
    throw new KubeSimException("ServiceUnavailable", 503, "no endpoints available for service \"" + name + "\"");
  }

  private static int number(String port) {
    try {
      int n = Integer.parseInt(port);
      if (n > 0 && n < 65536) {
        return n;
      }
    } catch (NumberFormatException e) {
      // a named port of a pod: the proxy takes numbers only
    }
    throw new dev.kubesim.api.BadRequestException("invalid port: " + port.toLowerCase(Locale.ROOT));
  }

  private static byte[] json(com.fasterxml.jackson.databind.JsonNode node) {
    return dev.kubesim.impl.codec.CompactJson.bytes(node);
  }
}
