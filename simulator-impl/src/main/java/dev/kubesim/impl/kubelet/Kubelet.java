package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.program.ContainerRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kubelet of one node: it watches the pods bound to its node and runs each through its
 * lifecycle in virtual time — ContainerCreating, Running, probes, restarts, graceful termination —
 * writing the pod status as the real kubelet does.
 */
public final class Kubelet {
  private final ApiServer api;
  private final String nodeName;
  private final String hostIP;
  private final PodIpam ipam;
  private final KubeletConfig config;
  private final Prober prober;
  private final ContainerRuntime runtime;
  private final ContainerSetup setup;
  private final String clusterDomain;
  private final EventRecorder events;
  private final ServiceEnvCache serviceEnv;
  private final Images.IdTable imageIds;
  private final ImagePulls imagePulls;
  // Looked up on every change of a pod here; iterated (in key order) only when config data changes.
  private final Map<ObjectKey, PodWorker> workers = new HashMap<>();
  /** The pods with a container that listens where the cluster expects it (an unknown image). */
  private final java.util.Set<ObjectKey> expecting = new java.util.TreeSet<>();
  private boolean running = true;
  private final NodeHeartbeat heartbeat;
  /** The node's own files, which hostPath volumes mount. */
  private final dev.kubesim.impl.program.ContainerFilesystem nodeFilesystem;
  /** What the pod workers would have done while the kubelet was stopped, run when it starts again. */
  private final List<Runnable> deferred = new ArrayList<>();

  private Kubelet(KubeletDependencies dependencies, String nodeName, String hostIP, Cidr podCidr, KubeletConfig config) {
    this.api = dependencies.api();
    this.nodeName = nodeName;
    this.hostIP = hostIP;
    this.ipam = new PodIpam(podCidr);
    this.config = config;
    this.prober = dependencies.prober();
    this.runtime = dependencies.runtime();
    this.setup = dependencies.setup();
    this.clusterDomain = dependencies.clusterDomain();
    this.serviceEnv = dependencies.serviceEnv();
    this.imageIds = dependencies.imageIds();
    this.imagePulls = new ImagePulls(config.containerStartDelay(),
        image -> !(runtime.programs() instanceof dev.kubesim.impl.program.ProgramRegistry r) || r.hasTag(image));
    this.events = new EventRecorder(api, "kubelet", nodeName);
    this.heartbeat = new NodeHeartbeat(api, nodeName);
    this.nodeFilesystem = new dev.kubesim.impl.program.ContainerFilesystem(() -> api.loop().clock().instant());
  }

  /**
   * Starts the kubelet of a node.
   *
   * @param dependencies what the kubelets of the cluster share: the API server, the prober, the
   *     container runtime and setup, the pod watch
   */
  public static Kubelet start(KubeletDependencies dependencies, String nodeName, String hostIP, Cidr podCidr,
      KubeletConfig config) {
    Kubelet k = new Kubelet(dependencies, nodeName, hostIP, podCidr, config);
    dependencies.hub().add(k);
    k.heartbeat.start();
    return k;
  }

  public String nodeName() {
    return nodeName;
  }

  ApiServer api() {
    return api;
  }

  String hostIP() {
    return hostIP;
  }

  PodIpam ipam() {
    return ipam;
  }

  KubeletConfig config() {
    return config;
  }

  Prober prober() {
    return prober;
  }

  ContainerRuntime runtime() {
    return runtime;
  }

  ContainerSetup setup() {
    return setup;
  }

  String clusterDomain() {
    return clusterDomain;
  }

  EventRecorder events() {
    return events;
  }

  /** The Service variables of each namespace, shared with the cluster's other kubelets. */
  ServiceEnvCache serviceEnv() {
    return serviceEnv;
  }

  /** The image IDs by reported name, shared with the cluster's other kubelets. */
  /** The node's images and the image manager's pulls. */
  ImagePulls imagePulls() {
    return imagePulls;
  }

  Images.IdTable imageIds() {
    return imageIds;
  }

  /** The node's own files: what {@code hostPath} volumes of the pods here share. */
  public dev.kubesim.impl.program.ContainerFilesystem nodeFilesystem() {
    return nodeFilesystem;
  }

  /** A ConfigMap or Secret of this namespace changed: the pods here refresh their volumes at their next sync. */
  void onConfigData(String namespace) {
    for (Map.Entry<ObjectKey, PodWorker> e : new TreeMap<>(workers).entrySet()) {
      if (e.getKey().namespace().equals(namespace)) {
        e.getValue().configChanged();
      }
    }
  }

  /** Whether the kubelet runs (its node is up). */
  public boolean isRunning() {
    return running;
  }

  /**
   * Stops the kubelet, as when its node loses power or network: no lease renewals, no status
   * updates, no probes; its pods' scheduled work waits until {@link #resume()}.
   */
  public void stop() {
    if (running) {
      running = false;
      heartbeat.stop();
    }
  }

  /** Starts a stopped kubelet: it reports Ready, then catches up with its pods. */
  public void resume() {
    if (!running) {
      running = true;
      heartbeat.resume();
      api.loop().schedule("kubelet " + nodeName + " resync pods", this::resync);
    }
  }

  /** Keeps a pod worker's task for when the kubelet runs again. */
  void defer(Runnable task) {
    deferred.add(task);
  }

  /**
   * After a stop: starts the pods bound here meanwhile, terminates the ones marked for deletion,
   * re-posts the others' status, then runs what the workers could not do while stopped.
   */
  private void resync() {
    for (var o : api.list(Pod.KIND, Optional.empty())) {
      Pod pod = (Pod) o;
      if (!PodStates.nodeName(pod).equals(nodeName)) {
        continue;
      }
      ObjectKey key = ObjectStore.keyOf(pod);
      PodWorker worker = workers.get(key);
      if (worker == null && PodStates.isTerminating(pod)) {
        // never started here: nothing to stop, confirm the deletion
        api.delete(Pod.KIND, key.namespace(), key.name(), DeleteOptions.now());
      } else if (worker == null) {
        worker = new PodWorker(this, key);
        workers.put(key, worker);
        worker.begin();
      } else if (PodStates.isTerminating(pod)) {
        worker.terminate(pod);
      } else {
        worker.resumed();
      }
    }
    List<Runnable> tasks = List.copyOf(deferred);
    deferred.clear();
    tasks.forEach(Runnable::run);
  }

  /** Notes a pod whose container listens where the cluster expects it, so that Service changes reach it. */
  void expecting(ObjectKey pod) {
    expecting.add(pod);
  }

  /** A Service of this namespace changed: the expecting pods of the namespace listen where it now points. */
  void onService(String namespace) {
    for (ObjectKey key : List.copyOf(expecting)) {
      if (!key.namespace().equals(namespace)) {
        continue;
      }
      PodWorker worker = workers.get(key);
      if (worker == null) {
        expecting.remove(key);
      } else {
        worker.refreshExpectedListeners();
      }
    }
  }

  /** The worker of a pod this kubelet runs, if any. */
  public Optional<PodWorker> worker(ObjectKey pod) {
    return Optional.ofNullable(workers.get(pod));
  }

  void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    if (!PodStates.nodeName(pod).equals(nodeName)) {
      return;
    }
    ObjectKey key = ObjectStore.keyOf(pod);
    PodWorker worker = workers.get(key);
    if (e.type() == WatchEvent.Type.DELETED) {
      if (worker != null) {
        worker.removed();
        workers.remove(key);
      }
      expecting.remove(key);
      return;
    }
    if (!running) {
      return;
    }
    if (worker == null) {
      if (PodStates.isTerminating(pod)) {
        return;
      }
      worker = new PodWorker(this, key);
      workers.put(key, worker);
      worker.begin();
    } else if (PodStates.isTerminating(pod)) {
      worker.terminate(pod);
    } else if (e.previous().filter(before -> !before.metadata().labels().equals(pod.metadata().labels())
        || !before.metadata().annotations().equals(pod.metadata().annotations())).isPresent()) {
      worker.configChanged(); // labels and annotations reach downwardAPI volumes at the next sync
      if (expecting.contains(key)) {
        worker.refreshExpectedListeners(); // other Services may select it now, or the listen annotation changed
      }
    }
  }
}
