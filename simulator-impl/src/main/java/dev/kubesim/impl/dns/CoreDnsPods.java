package dev.kubesim.impl.dns;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pods that run the CoreDNS image, by address, and the server process of each: one {@link
 * CoreDns} per running container, so that each pod has its own cache and a restarted container
 * starts with an empty one. A pod serves DNS while its CoreDNS container is running, ready or not.
 * What each pod runs is read from its watch events (the store tells them synchronously), so that
 * finding the server for a datagram is two hash look-ups.
 */
final class CoreDnsPods {
  private final Function<List<String>, CoreDns> newServer;
  private final Map<String, ObjectKey> byIp = new HashMap<>();
  private final Map<ObjectKey, Tracked> tracked = new HashMap<>();
  private final Map<ObjectKey, Process> processes = new HashMap<>();

  /** A CoreDNS pod's addresses, and the id of its running CoreDNS container, if one runs. */
  private record Tracked(List<String> ips, Optional<String> running) {}

  /** A server and the container run it belongs to. */
  private record Process(String containerId, CoreDns server) {}

  /** @param newServer makes the server of a pod with these addresses */
  private CoreDnsPods(Function<List<String>, CoreDns> newServer) {
    this.newServer = newServer;
  }

  static CoreDnsPods start(ApiServer api, Function<List<String>, CoreDns> newServer) {
    CoreDnsPods pods = new CoreDnsPods(newServer);
    api.list(Pod.KIND, Optional.empty()).forEach(o -> pods.track((Pod) o));
    api.store().watch(Pod.KIND, pods::onPod);
    return pods;
  }

  /** The server listening at this pod address, if a CoreDNS container runs there. */
  Optional<CoreDns> at(String ip) {
    ObjectKey key = byIp.get(ip);
    if (key == null) {
      return Optional.empty();
    }
    Optional<String> run = tracked.get(key).running();
    if (run.isEmpty()) {
      processes.remove(key);
      return Optional.empty();
    }
    Process p = processes.get(key);
    if (p == null || !p.containerId().equals(run.get())) {
      p = new Process(run.get(), newServer.apply(tracked.get(key).ips()));
      processes.put(key, p);
    }
    return Optional.of(p.server());
  }

  private void onPod(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    untrack(key);
    if (e.type() == WatchEvent.Type.DELETED) {
      processes.remove(key);
    } else {
      track((Pod) e.object());
    }
  }

  private void track(Pod pod) {
    Optional<String> container = coreDnsContainer(pod);
    if (container.isEmpty()) {
      return;
    }
    List<String> ips = new ArrayList<>();
    pod.status().ifPresent(s -> {
      s.podIPs().stream().map(PodIP::ip).flatMap(Optional::stream).forEach(ip -> Addresses.canonical(ip).ifPresent(ips::add));
      if (ips.isEmpty()) {
        s.podIP().flatMap(Addresses::canonical).ifPresent(ips::add);
      }
    });
    if (ips.isEmpty()) {
      return;
    }
    ObjectKey key = ObjectStore.keyOf(pod);
    tracked.put(key, new Tracked(List.copyOf(ips), running(pod, container.get())));
    ips.forEach(ip -> byIp.put(ip, key));
  }

  private void untrack(ObjectKey key) {
    Tracked old = tracked.remove(key);
    if (old != null) {
      old.ips().forEach(ip -> byIp.remove(ip, key));
    }
  }

  /** The name of the pod's container that runs the CoreDNS image, if any. */
  private static Optional<String> coreDnsContainer(Pod pod) {
    for (Container c : pod.specOrEmpty().containers()) {
      boolean coreDns = c.image().flatMap(ImageReference::tryParse)
          .filter(ref -> ref.name().equals(ClusterDns.COREDNS_IMAGE)).isPresent();
      if (coreDns) {
        return c.name();
      }
    }
    return Optional.empty();
  }

  /** An id of the running CoreDNS container (its restart count with the pod's uid), if it runs. */
  private static Optional<String> running(Pod pod, String container) {
    for (ContainerStatus s : pod.status().map(PodStatus::containerStatuses).orElse(List.of())) {
      boolean running = s.state().flatMap(st -> st.running()).isPresent();
      if (running && s.name().filter(container::equals).isPresent()) {
        return Optional.of(pod.metadata().uid().orElse("") + "/" + s.restartCount().orElse(0));
      }
    }
    return Optional.empty();
  }
}
