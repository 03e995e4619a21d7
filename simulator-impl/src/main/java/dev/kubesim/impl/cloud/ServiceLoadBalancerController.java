package dev.kubesim.impl.cloud;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus.LoadBalancerIngress;
import dev.kubesim.api.model.ServiceStatus.LoadBalancerStatus;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The cloud-controller-manager's service controller: for every Service of type LoadBalancer
 * (without a {@code spec.loadBalancerClass}, which names another implementation) it provisions a
 * load balancer — an address from the {@link LoadBalancerPool}, after {@link #PROVISIONING_DELAY}
 * of virtual time during which {@code kubectl get svc} shows {@code <pending>} — and writes {@code
 * status.loadBalancer.ingress[0]} ({@code ip}, {@code ipMode: VIP}); it releases the address when
 * the Service goes or stops being a LoadBalancer, and clears the status then. Its events are the
 * real controller's ({@code EnsuringLoadBalancer}, {@code EnsuredLoadBalancer}, {@code
 * SyncLoadBalancerFailed}, {@code DeletingLoadBalancer}, {@code DeletedLoadBalancer}, {@code Type}).
 *
 * <p>A Service whose requested address is held by another waits, with a warning event, until an
 * address is released (the real controller retries with backoff).
 */
final class ServiceLoadBalancerController {
  /** How long the cloud takes to provision a load balancer. */
  static final Duration PROVISIONING_DELAY = Duration.ofSeconds(2);

  private final ApiServer api;
  private final LoadBalancerPool pool;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final Map<ObjectKey, String> assigned = new HashMap<>();
  private final Map<String, ObjectKey> byAddress = new HashMap<>();
  private final Map<ObjectKey, EventLoop.Event> provisioning = new HashMap<>();
  // Services left pending because their address was taken; retried when one is released.
  private final TreeSet<ObjectKey> waiting = new TreeSet<>();

  ServiceLoadBalancerController(ApiServer api, LoadBalancerPool pool) {
    this.api = api;
    this.pool = pool;
    this.queue = new WorkQueue<>(api.loop(), "service-controller", this::sync);
    this.events = new EventRecorder(api, "service-controller", "");
  }

  void watch(ObjectStore store) {
    store.watch(Service.KIND, this::onService);
  }

  private void onService(WatchEvent e) {
    Service svc = (Service) e.object();
    if (e.type() == WatchEvent.Type.MODIFIED && e.previous().isPresent()) {
      String was = ((Service) e.previous().get()).specOrEmpty().typeOrDefault();
      String now = svc.specOrEmpty().typeOrDefault();
      if (!was.equals(now) && (was.equals("LoadBalancer") || now.equals("LoadBalancer"))) {
        events.normal(svc, "Type", was + " -> " + now);
      }
    }
    queue.add(ObjectStore.keyOf(svc));
  }

  /** The Service whose load balancer has this address, once provisioned. */
  Optional<ObjectKey> serviceAt(String address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  /** The address provisioned for a Service, if any. */
  Optional<String> addressOf(ObjectKey service) {
    return Optional.ofNullable(assigned.get(service));
  }

  private void sync(ObjectKey key) {
    Optional<Service> found = api.get(Service.KIND, key.namespace(), key.name()).map(Service.class::cast);
    if (found.isEmpty() || !wantsLoadBalancer(found.get())) {
      tearDown(key, found);
      return;
    }
    Service svc = found.get();
    Optional<String> requested = requestedAddress(svc.specOrEmpty());
    String held = assigned.get(key);
    if (held != null && requested.isPresent() && !requested.get().equals(held)) {
      release(key);
      held = null;
    }
    if (held != null) {
      writeStatus(svc, Optional.of(held));
      return;
    }
    if (provisioning.containsKey(key)) {
      return;
    }
    events.normal(svc, "EnsuringLoadBalancer", "Ensuring load balancer");
    provisioning.put(key, api.loop().schedule(PROVISIONING_DELAY, "service-controller provision " + key, () -> provision(key)));
  }

  private void provision(ObjectKey key) {
    provisioning.remove(key);
    Optional<Service> found = api.get(Service.KIND, key.namespace(), key.name()).map(Service.class::cast);
    if (found.isEmpty() || !wantsLoadBalancer(found.get()) || assigned.containsKey(key)) {
      return;
    }
    Service svc = found.get();
    Optional<String> requested = requestedAddress(svc.specOrEmpty());
    Optional<String> ip = pool.allocate(key, requested);
    if (ip.isEmpty()) {
      waiting.add(key);
      String why = requested.isPresent()
          ? "requested ip \"" + requested.get() + "\" is " + (LoadBalancerPool.isIPv4(requested.get()) ? "already in use" : "not an IPv4 address")
          : "no available IPs in the pool " + pool;
      events.warning(svc, "SyncLoadBalancerFailed",
          "Error syncing load balancer: failed to ensure load balancer: " + why);
      return;
    }
    waiting.remove(key);
    assigned.put(key, ip.get());
    byAddress.put(ip.get(), key);
    writeStatus(svc, ip);
    events.normal(svc, "EnsuredLoadBalancer", "Ensured load balancer");
  }

  private void tearDown(ObjectKey key, Optional<Service> svc) {
    EventLoop.Event pending = provisioning.remove(key);
    if (pending != null) {
      pending.cancel();
    }
    waiting.remove(key);
    if (assigned.containsKey(key)) {
      svc.ifPresent(s -> events.normal(s, "DeletingLoadBalancer", "Deleting load balancer"));
      release(key);
      svc.ifPresent(s -> events.normal(s, "DeletedLoadBalancer", "Deleted load balancer"));
    }
    svc.ifPresent(s -> writeStatus(s, Optional.empty()));
  }

  private void release(ObjectKey key) {
    String ip = assigned.remove(key);
    if (ip != null) {
      byAddress.remove(ip);
      pool.release(key, ip);
      // An address came free: the Services that could not get one try again.
      waiting.forEach(queue::add);
    }
  }

  /** Writes {@code status.loadBalancer} when it differs: the address, or no ingress at all. */
  private void writeStatus(Service svc, Optional<String> ip) {
    List<LoadBalancerIngress> ingress = ip
        .map(a -> List.of(new LoadBalancerIngress(Optional.of(a), Optional.empty(), Optional.of("VIP"))))
        .orElse(List.of());
    ServiceStatus wanted = new ServiceStatus(Optional.of(new LoadBalancerStatus(ingress)));
    List<LoadBalancerIngress> current = svc.status().flatMap(ServiceStatus::loadBalancer)
        .map(LoadBalancerStatus::ingress).orElse(List.of());
    if (!current.equals(ingress)) {
      api.write(svc.withStatus(wanted));
    }
  }

  static boolean wantsLoadBalancer(Service svc) {
    ServiceSpec spec = svc.specOrEmpty();
    return spec.typeOrDefault().equals("LoadBalancer")
        && spec.loadBalancerClass().filter(c -> !c.isEmpty()).isEmpty()
        && svc.metadata().deletionTimestamp().isEmpty();
  }

  private static Optional<String> requestedAddress(ServiceSpec spec) {
    return spec.loadBalancerIP().filter(ip -> !ip.isEmpty());
  }
}
