package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.controller.ReplicaManager;
import dev.kubesim.impl.controller.RootCaCertPublisher;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.scheduler.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeletTest {
  private static final String TEST_CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  private TestEngine engine;
  private final AtomicBoolean probeSucceeds = new AtomicBoolean(true);
  private final AtomicInteger probes = new AtomicInteger();

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    Scheduler.start(engine.api);
    ReplicaManager.replicationControllers(engine.api);
    // every pod mounts the service-account volume, whose ca.crt comes from this ConfigMap
    RootCaCertPublisher.start(engine.api, TEST_CA);
    Prober prober = (pod, container, probe) -> {
      probes.incrementAndGet();
      return probeSucceeds.get() ? Prober.Result.ok() : Prober.Result.failure("probe says no");
    };
    engine.api.create(node("node-1"));
    KubeletDependencies dependencies = KubeletDependencies.start(engine.api, prober,
        ContainerRuntime.withBuiltins(engine.loop.clock()::nanos), new ContainerSetup("cluster.local", "10.96.0.10"), "cluster.local");
    Kubelet.start(dependencies, "node-1", "192.168.49.2", Cidr.parse("10.244.1.0/24"), KubeletConfig.defaults());
  }

  private static Node node(String name) {
    String yaml = "{apiVersion: v1, kind: Node, metadata: {name: " + name + "}, status: {conditions: [{type: Ready, status: 'True'}]}}";
    return (Node) ObjectCodec.decode(ManifestReader.read("n", yaml).get(0));
  }

  private Pod pod(String name) {
    return (Pod) engine.api.get(Pod.KIND, "default", name).orElseThrow();
  }

  @Test
  void podGoesFromContainerCreatingToRunningWithAnAddressFromThePodCidr() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: app, image: nginx}]}}");
    engine.loop.advance(Duration.ofMillis(500));
    Pod creating = pod("web");
    assertThat(PodStates.phase(creating)).isEqualTo("Pending");
    ContainerStatus cs = creating.status().orElseThrow().containerStatuses().get(0);
    assertThat(cs.state().orElseThrow().waiting().orElseThrow().reason()).contains("ContainerCreating");
    engine.loop.settle();
    Pod running = pod("web");
    assertThat(PodStates.phase(running)).isEqualTo("Running");
    assertThat(PodStates.isReady(running)).isTrue();
    assertThat(running.status().orElseThrow().podIP()).contains("10.244.1.2");
    assertThat(running.status().orElseThrow().hostIP()).contains("192.168.49.2");
    assertThat(running.status().orElseThrow().containerStatuses().get(0).image()).contains("docker.io/library/nginx:latest");
  }

  @Test
  void runningPodKeepsTheQosClassAdmissionGaveIt() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: g}, spec: {containers: [{name: app, image: nginx,"
        + " resources: {limits: {cpu: 100m, memory: 64Mi}}}]}}");
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {containers: [{name: app, image: nginx,"
        + " resources: {requests: {cpu: 100m}}}]}}");
    engine.loop.settle();
    assertThat(PodStates.phase(pod("g"))).isEqualTo("Running");
    assertThat(pod("g").status().orElseThrow().qosClass()).contains("Guaranteed");
    assertThat(pod("b").status().orElseThrow().qosClass()).contains("Burstable");
  }

  @Test
  void pinnedPodIpIsHonoured() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: p, annotations: {kubesim.dev/pod-ip: 10.244.1.77}}, spec: {containers: [{name: a, image: nginx}]}}");
    engine.loop.settle();
    assertThat(pod("p").status().orElseThrow().podIP()).contains("10.244.1.77");
  }

  @Test
  void readinessFollowsTheProbeAndTheFirstRunHappensBeforeSettling() {
    probeSucceeds.set(false);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: r},
         spec: {containers: [{name: a, image: luksa/kubia, readinessProbe: {exec: {command: [ls, /var/ready]}, periodSeconds: 1}}]}}
        """);
    engine.loop.settle();
    assertThat(probes.get()).isEqualTo(1);
    assertThat(PodStates.phase(pod("r"))).isEqualTo("Running");
    assertThat(PodStates.isReady(pod("r"))).isFalse();
    probeSucceeds.set(true);
    engine.loop.advance(Duration.ofSeconds(2));
    assertThat(PodStates.isReady(pod("r"))).isTrue();
  }

  @Test
  void livenessFailuresRestartTheContainerWithBackOff() {
    probeSucceeds.set(false);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: l},
         spec: {containers: [{name: a, image: luksa/kubia-unhealthy, livenessProbe: {httpGet: {port: 8080}, periodSeconds: 1, failureThreshold: 1}}]}}
        """);
    engine.loop.settle();
    // each kill waits out the 30 s grace period (node as PID 1 ignores SIGTERM); the second restart
    // then waits out the 10 s back-off
    engine.loop.advance(Duration.ofSeconds(90));
    ContainerStatus cs = pod("l").status().orElseThrow().containerStatuses().get(0);
    assertThat(cs.restartCount().orElse(0)).isGreaterThanOrEqualTo(2);
    assertThat(cs.lastState().orElseThrow().terminated().orElseThrow().exitCode()).contains(137);
  }

  @Test
  void aContainerWaitingOutItsBackOffReportsTheRestartCountOfTheInstanceThatLastRan() {
    // kuberuntime labels each new container with the previous one's restart count plus one, and the
    // status reports the latest container's: the first exit restarts at once (count 1), the second
    // waits 10 s with the count still 1, the third 20 s with 2.
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: c}, spec: {containers: [{name: a, image: busybox,"
        + " command: [sh, -c, 'exit 1']}]}}");
    engine.loop.advance(Duration.ofSeconds(5));
    ContainerStatus waiting = pod("c").status().orElseThrow().containerStatuses().get(0);
    assertThat(waiting.state().orElseThrow().waiting().orElseThrow().reason()).contains("CrashLoopBackOff");
    assertThat(waiting.restartCount()).contains(1);
    assertThat(waiting.containerID()).isEqualTo(waiting.lastState().orElseThrow().terminated().orElseThrow().containerID());
    engine.loop.advance(Duration.ofSeconds(10));
    assertThat(pod("c").status().orElseThrow().containerStatuses().get(0).restartCount()).contains(2);
    engine.loop.advance(Duration.ofSeconds(13));
    assertThat(pod("c").status().orElseThrow().containerStatuses().get(0).restartCount()).contains(2);
    engine.loop.advance(Duration.ofSeconds(8));
    assertThat(pod("c").status().orElseThrow().containerStatuses().get(0).restartCount()).contains(3);
  }

  @Test
  void aContainerFailingItsLivenessProbeIsRestartedOnceItsGracePeriodIsOver() {
    // busybox's sh as PID 1 ignores SIGTERM: the kubelet's SIGKILL comes at the end of the
    // probe's grace period (or the pod's), and only then does the container restart
    probeSucceeds.set(false);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: g},
         spec: {terminationGracePeriodSeconds: 30, containers: [{name: a, image: busybox, command: [sh, -c, 'sleep 3600'],
          livenessProbe: {exec: {command: [cat, /tmp/healthy]}, periodSeconds: 5, failureThreshold: 1,
                          terminationGracePeriodSeconds: 10}}]}}
        """);
    engine.loop.settle();
    engine.loop.advance(Duration.ofSeconds(6)); // the first probe fails: Killing
    assertThat(pod("g").status().orElseThrow().containerStatuses().get(0).restartCount()).contains(0);
    engine.loop.advance(Duration.ofSeconds(8));
    ContainerStatus still = pod("g").status().orElseThrow().containerStatuses().get(0);
    assertThat(still.restartCount()).as("within the grace period it still runs").contains(0);
    assertThat(still.state().orElseThrow().running()).isPresent();
    engine.loop.advance(Duration.ofSeconds(3));
    ContainerStatus restarted = pod("g").status().orElseThrow().containerStatuses().get(0);
    assertThat(restarted.restartCount()).contains(1);
    assertThat(restarted.lastState().orElseThrow().terminated().orElseThrow().exitCode()).contains(137);
  }

  @Test
  void aPreStopHookRunsBeforeTheSignalAndHoldsThePodTerminatingWhileItRuns() {
    // nginx exits at once on SIGTERM; its preStop hook's sleep keeps it (and the pod) for 20 s
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: h}, spec: {terminationGracePeriodSeconds: 30,
         containers: [{name: web, image: nginx, lifecycle: {preStop: {exec: {command: [/bin/sh, -c, 'sleep 20']}}}}]}}
        """);
    engine.loop.settle();
    engine.api.delete(Pod.KIND, "default", "h");
    engine.loop.advance(Duration.ofSeconds(19));
    assertThat(PodStates.isTerminating(pod("h"))).isTrue();
    engine.loop.advance(Duration.ofSeconds(2));
    assertThat(engine.api.get(Pod.KIND, "default", "h")).isEmpty();
  }

  @Test
  void aPreStopHookLongerThanTheGracePeriodIsCutShortAndAFailingOneIsReported() {
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: long}, spec: {terminationGracePeriodSeconds: 10,
         containers: [{name: web, image: nginx, lifecycle: {preStop: {exec: {command: [sleep, '180']}}}}]}}
        """);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: bad}, spec: {terminationGracePeriodSeconds: 10,
         containers: [{name: web, image: nginx, lifecycle: {preStop: {exec: {command: [/bin/sh, -c, 'exit 3']}}}}]}}
        """);
    engine.loop.settle();
    engine.api.delete(Pod.KIND, "default", "long");
    engine.api.delete(Pod.KIND, "default", "bad");
    engine.loop.advance(Duration.ofSeconds(1));
    assertThat(engine.api.get(Pod.KIND, "default", "bad")).as("a failed hook goes on to the signal").isEmpty();
    engine.loop.advance(Duration.ofSeconds(8));
    assertThat(engine.api.get(Pod.KIND, "default", "long")).as("the hook's sleep holds it").isPresent();
    engine.loop.advance(Duration.ofSeconds(2));
    assertThat(engine.api.get(Pod.KIND, "default", "long")).as("cut at the grace period; nginx exits on the signal").isEmpty();
    assertThat(engine.api.list("Event", java.util.Optional.of("default")).stream()
        .map(e -> String.valueOf(((dev.kubesim.api.model.GenericObject) e).content().get("reason"))))
        .contains("FailedPreStopHook");
  }

  @Test
  void deletedPodIsTerminatingForItsGracePeriodThenGone() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: t}, spec: {terminationGracePeriodSeconds: 10, containers: [{name: a, image: nginx}]}}");
    engine.loop.settle();
    engine.api.delete(Pod.KIND, "default", "t");
    engine.loop.settle();
    assertThat(PodStates.isTerminating(pod("t"))).isTrue();
    engine.loop.advance(Duration.ofSeconds(11));
    assertThat(engine.api.get(Pod.KIND, "default", "t")).isEmpty();
  }

  @Test
  void realProberSeesTouchedReadinessFile() {
    KubeletTest other = new KubeletTest();
    other.engine = new TestEngine(2);
    Scheduler.start(other.engine.api);
    RootCaCertPublisher.start(other.engine.api, TEST_CA);
    other.engine.api.create(node("node-1"));
    KubeletDependencies dependencies = KubeletDependencies.start(other.engine.api, new RuntimeProber(),
        ContainerRuntime.withBuiltins(other.engine.loop.clock()::nanos), new ContainerSetup("cluster.local", "10.96.0.10"),
        "cluster.local");
    Kubelet kubelet = Kubelet.start(dependencies, "node-1", "192.168.49.2", Cidr.parse("10.244.1.0/24"), KubeletConfig.defaults());
    other.engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: r},
         spec: {containers: [{name: kubia, image: luksa/kubia, readinessProbe: {exec: {command: [ls, /var/ready]}, periodSeconds: 1}}]}}
        """);
    other.engine.loop.settle();
    assertThat(PodStates.isReady(other.pod("r"))).isFalse();
    var container = kubelet.worker(new dev.kubesim.impl.apiserver.ObjectKey("default", "r")).orElseThrow().container("kubia").orElseThrow();
    assertThat(container.exec(java.util.List.of("touch", "/var/ready")).exitCode()).isZero();
    other.engine.loop.advance(Duration.ofSeconds(2));
    assertThat(PodStates.isReady(other.pod("r"))).isTrue();
  }

  @Test
  void finishedCommandContainersCompleteUnderRestartPolicyNever() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: once}, spec: {restartPolicy: Never, containers: [{name: a, image: busybox, command: [sh, -c, 'echo hi']}]}}");
    engine.loop.settle();
    engine.loop.advance(Duration.ofSeconds(1));
    assertThat(PodStates.phase(pod("once"))).isEqualTo("Succeeded");
  }

  @Test
  void addressesAreHandedOutRoundRobin() {
    PodIpam ipam = new PodIpam(Cidr.parse("10.244.1.0/24"));
    assertThat(ipam.allocate()).contains("10.244.1.2");
    assertThat(ipam.allocate()).contains("10.244.1.3");
    ipam.release("10.244.1.2");
    assertThat(ipam.allocate()).contains("10.244.1.4");
    assertThat(ipam.allocate("10.244.1.3")).isFalse();
    assertThat(ipam.allocate("10.244.2.3")).isFalse();
  }
}
