package dev.kubesim.samples.conformance;

import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.ingress.IngressController;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.proxy.KubeProxy;
import dev.kubesim.impl.proxy.PacketDecision;
import dev.kubesim.impl.proxy.Protocol;
import dev.kubesim.impl.proxy.ServicePortName;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.util.Optional;

/**
 * The hops of an outside request that the packet network does not carry from outside yet — to a
 * load balancer address delivered to a node as is ({@code allocateLoadBalancerNodePorts: false})
 * and to a Service's externalIP — evaluated directly: kube-proxy's decision on the node ({@link
 * KubeProxy#decide}: DNAT, masquerade to the node's address, REJECT, DROP, the health-check
 * nodePort), then the endpoint pod's container. No trace is recorded for them.
 */
final class DirectExternalHops {
  private final SimCluster sim;

  DirectExternalHops(SimCluster sim) {
    this.sim = sim;
  }

  /**
   * The request arriving at {@code node} for {@code destination:port} from {@code client}.
   *
   * @param request the request, its client address the client's
   */
  HttpResult arrive(String node, String destination, int port, dev.kubesim.api.program.HttpRequest request, String client,
      int sourcePort) {
    return atNode(new Hop(node, destination, port), request, client, sourcePort);
  }

  private record Hop(String node, String destination, int port) {}

  private HttpResult atNode(Hop hop, dev.kubesim.api.program.HttpRequest request, String client, int sourcePort) {
    if (!sim.kubelet(hop.node()).map(Kubelet::isRunning).orElse(false)) {
      return HttpResult.failed("timeout"); // the node is down
    }
    KubeProxy proxy = sim.kubeProxy(hop.node()).orElseThrow();
    PacketDecision d = proxy.decide(proxy.packet(client, hop.destination(), Protocol.TCP, sourcePort, hop.port()));
    switch (d.verdict()) {
      case DNAT -> {
        String seenSource = d.masquerade() ? proxy.config().nodeIP() : client;
        dev.kubesim.api.program.HttpRequest atPod = request
            .withClientAddress(seenSource + ":" + sourcePort)
            .withServerAddress(d.destination() + ":" + d.destinationPort());
        Optional<String> backend = d.servicePort().flatMap(this::servicePortText);
        return atPod(atPod, backend);
      }
      case REJECT -> {
        return HttpResult.failed("connection refused");
      }
      case ACCEPT -> {
        return healthCheck(hop.node(), hop.port());
      }
      case DROP -> {
        return HttpResult.failed("timeout");
      }
      default -> {
        // Nothing of kube-proxy's: the node's own stack answers with a RST, a foreign VIP goes nowhere.
        return proxy.isLocalAddress(hop.destination()) ? HttpResult.failed("connection refused") : HttpResult.failed("timeout");
      }
    }
  }

  /** The endpoint pod answers; an ingress controller pod's nginx proxies on to a backend pod. */
  private HttpResult atPod(dev.kubesim.api.program.HttpRequest request, Optional<String> backend) {
    Optional<Pod> pod = podAt(hostOf(request.serverAddress()));
    if (pod.isEmpty()) {
      return HttpResult.failed("timeout");
    }
    String podKey = key(pod.get());
    Optional<IngressController> ingress = IngressController.of(sim.api())
        .filter(c -> c.isControllerPod(pod.get().metadata().namespace().orElse(""), pod.get().metadata().nameOrEmpty()));
    long before = ingress.map(IngressController::servedCount).orElse(0L);
    Optional<RunningContainer> c = container(pod.get(), request.serverPort());
    Optional<HttpResponse> response = c.flatMap(x -> x.serveHttp(request));
    if (response.isEmpty()) {
      return HttpResult.failed("connection refused");
    }
    HttpResult result = new HttpResult(Optional.empty(), response.get().status(), backend, response.get().body(), Optional.of(podKey));
    return ingress.map(ic -> ExternalHttp.throughIngress(ic, before, result)).orElse(result);
  }

  /** kube-proxy's health-check server on a {@code healthCheckNodePort}: 200 with local endpoints, 503 without. */
  private HttpResult healthCheck(String node, int port) {
    for (KubeObject o : sim.api().list(Service.KIND, Optional.empty())) {
      Service svc = (Service) o;
      if (svc.specOrEmpty().healthCheckNodePort().orElse(0) != port) {
        continue;
      }
      String ns = svc.metadata().namespace().orElse("");
      String name = svc.metadata().nameOrEmpty();
      int local = 0;
      for (KubeObject s : sim.api().list(EndpointSlice.KIND, Optional.of(ns))) {
        EndpointSlice slice = (EndpointSlice) s;
        if (!name.equals(slice.metadata().labels().get("kubernetes.io/service-name"))) {
          continue;
        }
        for (EndpointSliceEndpoint ep : slice.endpoints()) {
          if (ep.nodeName().filter(node::equals).isPresent() && ep.conditions().flatMap(EndpointConditions::ready).orElse(true)) {
            local++;
          }
        }
      }
      String body = "{\"service\":{\"namespace\":\"" + ns + "\",\"name\":\"" + name + "\"},\"localEndpoints\":" + local
          + ",\"serviceProxyHealthy\":true}";
      return new HttpResult(Optional.empty(), local > 0 ? 200 : 503, Optional.empty(), body, Optional.empty());
    }
    return HttpResult.failed("connection refused");
  }

  /** {@code NS/NAME:PORT} of the Service port kube-proxy matched, the port by number. */
  private Optional<String> servicePortText(ServicePortName spn) {
    return sim.api().get(Service.KIND, spn.namespace(), spn.name()).map(Service.class::cast)
        .flatMap(svc -> svc.specOrEmpty().ports().stream()
            .filter(p -> p.name().orElse("").equals(spn.port()))
            .findFirst()
            .flatMap(ServicePort::port))
        .map(p -> spn.namespace() + "/" + spn.name() + ":" + p);
  }

  private Optional<Pod> podAt(String ip) {
    for (KubeObject o : sim.api().list(Pod.KIND, Optional.empty())) {
      Pod p = (Pod) o;
      if (p.status().flatMap(PodStatus::podIP).filter(ip::equals).isPresent()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The running container of the pod that serves HTTP on the port, when its node is up. */
  private Optional<RunningContainer> container(Pod pod, int port) {
    String node = pod.spec().flatMap(PodSpec::nodeName).orElse("");
    Optional<Kubelet> kubelet = sim.kubelet(node).filter(Kubelet::isRunning);
    ObjectKey key = new ObjectKey(pod.metadata().namespace().orElse(""), pod.metadata().nameOrEmpty());
    return kubelet.flatMap(k -> k.worker(key)).flatMap(w -> {
      for (String name : w.containerNames()) {
        Optional<RunningContainer> c = w.container(name).filter(x -> x.servesHttpOn(port));
        if (c.isPresent()) {
          return c;
        }
      }
      return Optional.empty();
    });
  }

  private static String key(Pod p) {
    return p.metadata().namespace().orElse("") + "/" + p.metadata().nameOrEmpty();
  }

  private static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }
}
