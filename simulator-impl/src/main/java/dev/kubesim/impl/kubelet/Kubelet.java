package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.controller.PodStates;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.program.ContainerRuntime;
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
  private final Map<ObjectKey, PodWorker> workers = new TreeMap<>();
  private boolean running = true;

  private Kubelet(ApiServer api, String nodeName, String hostIP, Cidr podCidr, KubeletConfig config, Prober prober,
      ContainerRuntime runtime, ContainerSetup setup, String clusterDomain) {
    this.api = api;
    this.nodeName = nodeName;
    this.hostIP = hostIP;
    this.ipam = new PodIpam(podCidr);
    this.config = config;
    this.prober = prober;
    this.runtime = runtime;
    this.setup = setup;
    this.clusterDomain = clusterDomain;
    this.events = new EventRecorder(api, "kubelet", nodeName);
  }

  /**
   * Starts the kubelet of a node.
   *
   * @param runtime runs the containers' programs
   * @param setup gives containers their environment and resolv.conf
   */
  public static Kubelet start(ApiServer api, String nodeName, String hostIP, Cidr podCidr, KubeletConfig config, Prober prober,
      ContainerRuntime runtime, ContainerSetup setup, String clusterDomain) {
    Kubelet k = new Kubelet(api, nodeName, hostIP, podCidr, config, prober, runtime, setup, clusterDomain);
    api.store().watch(Pod.KIND, k::onPod);
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

  /** The worker of a pod this kubelet runs, if any. */
  public Optional<PodWorker> worker(ObjectKey pod) {
    return Optional.ofNullable(workers.get(pod));
  }

  private void onPod(WatchEvent e) {
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
    }
  }
}
