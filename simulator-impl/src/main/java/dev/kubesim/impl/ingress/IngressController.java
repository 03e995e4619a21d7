package dev.kubesim.impl.ingress;

import com.google.common.net.InetAddresses;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressClass;
import dev.kubesim.api.model.IngressLoadBalancerIngress;
import dev.kubesim.api.model.IngressLoadBalancerStatus;
import dev.kubesim.api.model.IngressStatus;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ingress-nginx controller of a cluster, started by the {@code ingress-nginx} add-on or by the
 * first pod that runs the controller image (ingress-nginx installed from its own manifest). Like
 * the real one it watches Ingresses, IngressClasses, Secrets, Services and EndpointSlices, keeps
 * the configuration of the Ingresses of its class as a {@link RoutingTable} (rebuilt in one sync
 * after a burst of changes, as the controller's sync queue does), writes each Ingress's {@code
 * status.loadBalancer} from its published Service ({@code --publish-service}) and records {@code
 * Sync} events. What it serves and publishes follows the flags of its pods' controller container
 * ({@link ControllerFlags}): {@code --ingress-class}, {@code --controller-class}, {@code
 * --watch-ingress-without-class}, {@code --publish-service}, {@code --publish-status-address}.
 *
 * <p>This is the control plane. The controller pods run the controller image's process (health on
 * 10254); their nginx on 80 and 443, the data plane, is a {@link NetworkProxy} over the {@link
 * NginxProxy} this controller keeps configured ({@link #nginx}): the proxy decides by the {@link
 * RoutingTable} in force and the endpoints watched here, and the network proxy opens the second
 * connection over the packet network. The configuration is the same for every controller pod, so
 * one instance serves them all.
 *
 * <p>Not thread-safe: it runs under the cluster's lock like every engine component.
 */
public final class IngressController {
  /** The add-on's namespace. */
  public static final String NAMESPACE = "ingress-nginx";
  /** The add-on's LoadBalancer Service in front of the controller (its {@code --publish-service}). */
  public static final String PUBLISH_SERVICE = "ingress-nginx-controller";
  /** The repositories of the controller image, as manifests name them. */
  public static final Set<String> IMAGES =
      Set.of("registry.k8s.io/ingress-nginx/controller", "k8s.gcr.io/ingress-nginx/controller");

  private final ApiServer api;
  private ControllerFlags flags = ControllerFlags.DEFAULTS;
  private IngressClassFilter filter = flags.filter();
  private final TreeMap<ObjectKey, Ingress> ingresses = new TreeMap<>();
  /**
   * The version of each Ingress the configuration is built from: the latest whose annotations the
   * extractor read. One it refuses (a redirect annotation failing validation) leaves the version
   * before it in force, or none, as the controller's store keeps it.
   */
  private final TreeMap<ObjectKey, Ingress> configured = new TreeMap<>();
  private final TreeMap<String, IngressClass> classes = new TreeMap<>();
  private final TreeMap<ObjectKey, Pod> controllerPods = new TreeMap<>();
  private final ServiceEndpointIndex endpoints = new ServiceEndpointIndex();
  private final EventRecorder events;
  private final NginxProxy nginx;
  private RoutingTable table = RoutingTable.empty();
  private EventLoop.Event pendingSync;

  private IngressController(ApiServer api) {
    this.api = api;
    this.events = new EventRecorder(api, "nginx-ingress-controller", "");
    this.nginx = new NginxProxy(api, this::table, endpoints);
  }

  /**
   * Starts the controller of the cluster behind this API server, reading what is stored already;
   * the add-on calls it once per cluster and keeps the controller.
   */
  public static IngressController start(ApiServer api) {
    IngressController c = new IngressController(api);
    c.watch(api.store());
    return c;
  }

  private void watch(ObjectStore store) {
    store.watch(Ingress.KIND, this::onIngress);
    store.watch(IngressClass.KIND, this::onIngressClass);
    store.watch("Secret", e -> scheduleSync());
    store.watch(Service.KIND, this::onService);
    store.watch(EndpointSlice.KIND, endpoints::onSlice);
    store.watch(Pod.KIND, this::onPod);
    for (KubeObject o : api.list(IngressClass.KIND, Optional.empty())) {
      classes.put(o.metadata().nameOrEmpty(), (IngressClass) o);
    }
    for (KubeObject o : api.list(Ingress.KIND, Optional.empty())) {
      ingresses.put(ObjectStore.keyOf(o), (Ingress) o);
      configure(ObjectStore.keyOf(o), (Ingress) o);
    }
    for (KubeObject o : api.list(EndpointSlice.KIND, Optional.empty())) {
      endpoints.onSlice(new WatchEvent(WatchEvent.Type.ADDED, o, Optional.empty()));
    }
    for (KubeObject o : api.list(Pod.KIND, Optional.empty())) {
      onPod(new WatchEvent(WatchEvent.Type.ADDED, o, Optional.empty()));
    }
    scheduleSync();
  }

  private void onIngress(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    Ingress ing = (Ingress) e.object();
    if (e.type() == WatchEvent.Type.DELETED) {
      ingresses.remove(key);
      configured.remove(key);
    } else {
      ingresses.put(key, ing);
      boolean specChanged = e.previous().map(p -> !((Ingress) p).spec().equals(ing.spec())
          || !p.metadata().annotations().equals(ing.metadata().annotations())).orElse(true);
      Optional<IngressAnnotations> read = configure(key, ing);
      if (specChanged && filter.handles(ing, classes) && controllerPods.values().stream().anyMatch(PodStates::isActive)) {
        events.normal(ing, "Sync", "Scheduled for sync");
        read.flatMap(IngressAnnotations::denied).ifPresent(reason ->
            events.warning(ing, "AnnotationParsingFailed", "Error parsing annotations: " + reason));
      }
    }
    scheduleSync();
  }

  /** {@code syncIngress}: the version to configure, when its annotations can be read. */
  private Optional<IngressAnnotations> configure(ObjectKey key, Ingress ing) {
    try {
      IngressAnnotations read = IngressAnnotations.extract(ing);
      configured.put(key, ing);
      return Optional.of(read);
    } catch (AnnotationReader.Problem p) {
      return Optional.empty(); // the controller logs the error and keeps what it had
    }
  }

  private void onIngressClass(WatchEvent e) {
    String name = e.object().metadata().nameOrEmpty();
    if (e.type() == WatchEvent.Type.DELETED) {
      classes.remove(name);
    } else {
      classes.put(name, (IngressClass) e.object());
    }
    scheduleSync();
  }

  private void onService(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (flags.publishService().filter(s -> s.equals(key.namespace() + "/" + key.name())).isPresent()) {
      scheduleSync();
    }
  }

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    Optional<Container> container = controllerContainer(pod);
    if (container.isEmpty()) {
      return;
    }
    ObjectKey key = ObjectStore.keyOf(pod);
    if (e.type() == WatchEvent.Type.DELETED) {
      controllerPods.remove(key);
    } else {
      controllerPods.put(key, pod);
    }
    // Every replica runs the same flags; the first pod's are the controller's.
    flags = controllerPods.isEmpty() ? ControllerFlags.DEFAULTS
        : controllerContainer(controllerPods.firstEntry().getValue())
            .map(c -> ControllerFlags.of(controllerPods.firstEntry().getValue(), c)).orElse(ControllerFlags.DEFAULTS);
    filter = flags.filter();
    scheduleSync();
  }

  /** The container of {@code pod} that runs the controller image, if one does. */
  public static Optional<Container> controllerContainer(Pod pod) {
    for (Container c : pod.specOrEmpty().containers()) {
      if (c.image().flatMap(ImageReference::tryParse).map(r -> IMAGES.contains(r.name())).orElse(false)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** One sync for a burst of changes, as the controller's rate-limited sync queue does. */
  private void scheduleSync() {
    if (pendingSync == null) {
      pendingSync = api.loop().schedule("ingress-nginx sync", () -> {
        pendingSync = null;
        sync();
      });
    }
  }

  private void sync() {
    table = RoutingTableBuilder.build(handled(configured), (ns, name) -> api.get("Secret", ns, name));
    syncStatus();
  }

  private List<Ingress> handled(TreeMap<ObjectKey, Ingress> from) {
    List<Ingress> out = new ArrayList<>();
    for (Ingress ing : from.values()) {
      if (filter.handles(ing, classes)) {
        out.add(ing);
      }
    }
    return out;
  }

  /**
   * The status sync: every Ingress of the class gets the controller's running addresses while a
   * controller pod is ready (the leader); they are removed when no controller pod is left.
   */
  private void syncStatus() {
    Optional<List<IngressLoadBalancerIngress>> wanted;
    if (controllerPods.values().stream().anyMatch(PodStates::isReady)) {
      wanted = Optional.of(runningAddresses());
    } else if (controllerPods.isEmpty()) {
      wanted = Optional.of(List.of());
    } else {
      wanted = Optional.empty();
    }
    if (wanted.isEmpty()) {
      return;
    }
    for (Ingress ing : handled(ingresses)) {
      if (!configured.containsKey(ObjectStore.keyOf(ing))) {
        continue; // never read: not in the controller's store, so it gets no address either
      }
      List<IngressLoadBalancerIngress> current = ing.status().flatMap(IngressStatus::loadBalancer)
          .map(IngressLoadBalancerStatus::ingress).orElse(List.of());
      if (!current.equals(wanted.get())) {
        api.write(ing.withStatus(new IngressStatus(Optional.of(new IngressLoadBalancerStatus(wanted.get())))));
      }
    }
  }

  /**
   * {@code runningAddresses}: the {@code --publish-status-address} names or addresses as given; else
   * the {@code --publish-service}'s addresses; else the addresses of the nodes that run a ready
   * controller pod (their ExternalIPs, or their InternalIPs when they have none).
   */
  private List<IngressLoadBalancerIngress> runningAddresses() {
    List<IngressLoadBalancerIngress> out = new ArrayList<>();
    if (!flags.publishStatusAddress().isEmpty()) {
      flags.publishStatusAddress().forEach(a -> out.add(nameOrIp(a)));
    } else if (flags.publishService().isPresent()) {
      String[] ns = flags.publishService().get().split("/", 2);
      out.addAll(ns.length == 2 ? addressesOf(ns[0], ns[1]) : List.of());
    } else {
      for (Pod pod : controllerPods.values()) {
        if (!PodStates.isReady(pod)) {
          continue;
        }
        for (String ip : nodeAddresses(PodStates.nodeName(pod))) {
          if (out.stream().noneMatch(i -> i.ip().filter(ip::equals).isPresent())) {
            out.add(nameOrIp(ip));
          }
        }
      }
    }
    out.sort(Comparator.comparing((IngressLoadBalancerIngress i) -> i.hostname().orElse(""))
        .thenComparing(i -> i.ip().orElse("")));
    return out;
  }

  private static IngressLoadBalancerIngress nameOrIp(String nameOrIp) {
    return InetAddresses.isInetAddress(nameOrIp)
        ? new IngressLoadBalancerIngress(Optional.of(nameOrIp), Optional.empty(), List.of())
        : new IngressLoadBalancerIngress(Optional.empty(), Optional.of(nameOrIp), List.of());
  }

  /** {@code GetNodeIPs}: a node's ExternalIPs, or its InternalIPs when it has none. */
  private List<String> nodeAddresses(String nodeName) {
    List<String> external = new ArrayList<>();
    List<String> internal = new ArrayList<>();
    api.get(Node.KIND, "", nodeName).map(Node.class::cast).flatMap(Node::status).ifPresent(status -> {
      for (NodeAddress a : status.addresses()) {
        String address = a.address().orElse("");
        if (address.isEmpty()) {
          continue;
        }
        if (a.type().filter("ExternalIP"::equals).isPresent()) {
          external.add(address);
        } else if (a.type().filter("InternalIP"::equals).isPresent()) {
          internal.add(address);
        }
      }
    });
    return external.isEmpty() ? internal : external;
  }

  /** {@code statusAddressFromService} for a LoadBalancer Service: its load balancer's IPs or names, then its externalIPs. */
  private List<IngressLoadBalancerIngress> addressesOf(String namespace, String name) {
    Optional<Service> svc = api.get(Service.KIND, namespace, name).map(Service.class::cast);
    if (svc.isEmpty()) {
      return List.of();
    }
    List<IngressLoadBalancerIngress> out = new ArrayList<>();
    for (ServiceStatus.LoadBalancerIngress lb : svc.get().status().flatMap(ServiceStatus::loadBalancer)
        .map(ServiceStatus.LoadBalancerStatus::ingress).orElse(List.of())) {
      if (lb.ip().filter(s -> !s.isEmpty()).isPresent()) {
        out.add(new IngressLoadBalancerIngress(lb.ip(), Optional.empty(), List.of()));
      } else if (lb.hostname().filter(s -> !s.isEmpty()).isPresent()) {
        out.add(new IngressLoadBalancerIngress(Optional.empty(), lb.hostname(), List.of()));
      }
    }
    for (String ip : svc.get().specOrEmpty().externalIPs()) {
      out.add(new IngressLoadBalancerIngress(Optional.of(ip), Optional.empty(), List.of()));
    }
    return out;
  }

  /** The configuration in force. */
  public RoutingTable table() {
    return table;
  }

  /** The data plane: nginx in the controller pods, serving requests by the configuration in force. */
  public NginxProxy nginx() {
    return nginx;
  }

  /** Whether the pod ({@code namespace}, {@code name}) is one of the controller's pods. */
  public boolean isControllerPod(String namespace, String name) {
    return controllerPods.containsKey(new ObjectKey(namespace, name));
  }

}
