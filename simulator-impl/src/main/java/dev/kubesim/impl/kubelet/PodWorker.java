package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerStateTerminated;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.program.ContainerConfig;
import dev.kubesim.impl.program.ListensWhereExpected;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.resolver.ResolvConf;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pod on one kubelet, as {@code pod_workers.go} and the kubelet's sync run it: the pod's
 * lifecycle, from its volumes and sandbox through its init containers and containers, their
 * restarts and back-offs, to its termination. Every step is an event in virtual time. The probes
 * run in the pod's {@link ProbeManager}, the status is built and written by its {@link
 * StatusManager}; the worker tells each when to act.
 *
 * <p>As {@code computePodActions} orders it: the volumes are set up first (a missing ConfigMap or
 * Secret keeps the pod {@code ContainerCreating}, retried with the volume manager's back-off),
 * then the sandbox, then the init containers one after another, each to completion (a native
 * sidecar, {@code restartPolicy: Always}, only to its start, and it keeps running), then the
 * containers. A container whose environment names a missing ConfigMap, Secret or key waits in
 * {@code CreateContainerConfigError}, retried every pod sync back-off.
 */
public final class PodWorker {
  /** The annotation that pins a pod's IP (kubesim's own). */
  public static final String POD_IP_ANNOTATION = "kubesim.dev/pod-ip";
  /** The pod worker's back-off after a failed sync ({@code backOffPeriod}), before it tries again. */
  static final Duration SYNC_BACK_OFF = Duration.ofSeconds(10);
  /** The PLEG's relist period: how soon a change of the pod's sandbox or containers is noticed. */
  static final Duration PLEG_RELIST = Duration.ofSeconds(1);
  /** The kubelet's {@code syncFrequency}: how often a running pod is synced (and its volumes refreshed). */
  static final Duration SYNC_FREQUENCY = Duration.ofMinutes(1);
  /** The volume manager's first and longest waits before it tries a failed mount again. */
  static final Duration MOUNT_RETRY_FIRST = Duration.ofMillis(500);
  static final Duration MOUNT_RETRY_MAX = Duration.ofSeconds(122);

  private final Kubelet kubelet;
  private final ObjectKey key;
  private final ProbeManager probes;
  private final StatusManager status;
  private final Map<String, ContainerRun> containers = new LinkedHashMap<>();
  /** The init containers, in spec order. */
  private final Map<String, ContainerRun> inits = new LinkedHashMap<>();
  private PodVolumes volumes;
  private int mountFailures;
  /** Whether the init containers are done and the containers were started. */
  private boolean appsStarted;
  /** An init container failed and the pod's restartPolicy is Never: the pod has failed. */
  private boolean initFailed;
  /** A volume refresh is scheduled at the next sync. */
  private boolean refreshScheduled;
  /** What is scheduled and has not run yet: cancelled when the pod goes. */
  private final List<EventLoop.Event> scheduled = new ArrayList<>(4);
  private String podIP;
  private ResolvConf resolvConf;
  private String startTime;
  private long startNanos;
  private boolean sandboxReady;
  private boolean terminating;
  private boolean gone;

  PodWorker(Kubelet kubelet, ObjectKey key) {
    this.kubelet = kubelet;
    this.key = key;
    this.probes = new ProbeManager(kubelet, this, key);
    this.status = new StatusManager(kubelet, key, containers, inits);
  }

  private EventLoop loop() {
    return kubelet.api().loop();
  }

  /** The pod as the API server has it now. */
  Optional<Pod> current() {
    return kubelet.api().get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
  }

  public Optional<String> podIP() {
    return Optional.ofNullable(podIP);
  }

  /** The pod's {@code /etc/resolv.conf}, once its sandbox exists. */
  public Optional<ResolvConf> resolvConf() {
    return Optional.ofNullable(resolvConf);
  }

  void begin() {
    Pod pod = current().orElse(null);
    if (pod == null) {
      return;
    }
    boolean hasInits = !pod.specOrEmpty().initContainers().isEmpty();
    for (Container c : pod.specOrEmpty().initContainers()) {
      ContainerRun run = new ContainerRun(c, true);
      run.waitingReason = "PodInitializing";
      inits.put(c.name().orElse(""), run);
    }
    for (Container c : pod.spec().map(PodSpec::containers).orElse(List.of())) {
      ContainerRun run = new ContainerRun(c, false);
      if (hasInits) {
        run.waitingReason = "PodInitializing"; // the kubelet's default waiting state when a pod has init containers
      }
      containers.put(c.name().orElse(""), run);
    }
    volumes = new PodVolumes(() -> loop().clock().instant());
    startTime = loop().clock().timestamp();
    startNanos = loop().clock().nanos();
    writeStatus();
    later(kubelet.config().containerStartDelay(), "start containers", Wait.WORK, this::startSandbox);
  }

  /** What a pod's step is to the event loop: work, an awaited timer or a timer (see {@link EventLoop}). */
  enum Wait {
    WORK,
    AWAITED,
    TIMER
  }

  /**
   * Runs {@code task} after {@code delay}, as work (a write returns only after it), awaited (settling
   * waits for it) or as a timer, unless the pod has gone by then; a stopped kubelet runs it when it
   * starts again.
   */
  void later(Duration delay, String what, Wait wait, Runnable task) {
    String name = "kubelet " + kubelet.nodeName() + " " + what + " " + key;
    Runnable run = guarded(task);
    EventLoop.Event[] self = new EventLoop.Event[1];
    Runnable body = () -> {
      scheduled.remove(self[0]);
      run.run();
    };
    self[0] = switch (wait) {
      case WORK -> loop().schedule(delay, name, body);
      case AWAITED -> loop().scheduleAwaited(delay, name, body);
      case TIMER -> loop().scheduleTimer(delay, name, body);
    };
    scheduled.add(self[0]);
  }

  /** {@code task}, run only while the pod is there, and deferred while the kubelet is stopped. */
  Runnable guarded(Runnable task) {
    return new Runnable() {
      @Override
      public void run() {
        if (gone) {
          return;
        }
        if (!kubelet.isRunning()) {
          kubelet.defer(this); // a stopped kubelet does it when it starts again
          return;
        }
        task.run();
      }
    };
  }

  private void startSandbox() {
    Pod pod = current().orElse(null);
    if (pod == null || terminating) {
      return;
    }
    try {
      if (!pod.specOrEmpty().volumes().isEmpty()) {
        volumes.setUp(volumeContext(pod), kubelet.nodeFilesystem());
      }
    } catch (MountFailure e) {
      // The volume manager tries again after a back-off that doubles up to 2m2s; the pod waits.
      kubelet.events().warning(pod, "FailedMount", e.getMessage());
      mountFailures++;
      later(mountRetry(mountFailures), "mount volumes", Wait.TIMER, this::startSandbox);
      return;
    }
    boolean hostNetwork = pod.spec().flatMap(PodSpec::hostNetwork).orElse(false);
    if (hostNetwork) {
      podIP = kubelet.hostIP();
    } else {
      String pinned = pod.metadata().annotations().get(POD_IP_ANNOTATION);
      if (pinned != null) {
        if (!kubelet.ipam().allocate(pinned)) {
          kubelet.events().warning(pod, "FailedCreatePodSandBox", "Failed to create pod sandbox: failed to assign IP "
              + pinned + ": not a free address of the node's pod CIDR " + kubelet.ipam().cidr());
          return;
        }
        podIP = pinned;
      } else {
        Optional<String> ip = kubelet.ipam().allocate();
        if (ip.isEmpty()) {
          kubelet.events().warning(pod, "FailedCreatePodSandBox", "Failed to create pod sandbox: no IP addresses available in range set: "
              + kubelet.ipam().cidr());
          return;
        }
        podIP = ip.get();
      }
    }
    // The sandbox's resolv.conf is made once; every container (and restart) of the pod shares it.
    resolvConf = kubelet.setup().podResolvConf(pod, warning -> kubelet.events().warning(pod, "DNSConfigForming", warning));
    sandboxReady = true;
    // The sandbox's network is up before any container starts (CNI ADD comes with the sandbox): the
    // pod's IP is in its status, so the network plugin has attached it when a first command runs.
    writeStatus();
    proceed(pod);
    writeStatus();
  }

  private static Duration mountRetry(int failures) {
    Duration d = MOUNT_RETRY_FIRST.multipliedBy(1L << Math.min(20, failures - 1));
    return d.compareTo(MOUNT_RETRY_MAX) > 0 ? MOUNT_RETRY_MAX : d;
  }

  private VolumePayloads.Context volumeContext(Pod pod) {
    Map<String, String> allocatable = kubelet.api().get(dev.kubesim.api.model.Node.KIND, "", kubelet.nodeName())
        .map(dev.kubesim.api.model.Node.class::cast).flatMap(dev.kubesim.api.model.Node::status)
        .map(s -> s.allocatable()).orElse(Map.of());
    return new VolumePayloads.Context(kubelet.api(), pod, podIP == null ? "" : podIP, kubelet.hostIP(), allocatable,
        Timestamps.parse(startTime).getEpochSecond()); // the token is issued once, not at every sync
  }

  /**
   * The next step of {@code computePodActions}: start the first init container that has not run
   * (a sidecar that is not running yet starts and the next one follows it at once), or, with every
   * init container done, the containers.
   */
  private void proceed(Pod pod) {
    if (terminating || initFailed || !sandboxReady) {
      return;
    }
    for (ContainerRun c : inits.values()) {
      if (c.sidecar) {
        if (!c.started && !c.pending) {
          startContainer(c, pod);
        }
        if (!c.started) {
          return; // not started yet (its configuration is missing): what follows waits
        }
        continue;
      }
      if (c.completed()) {
        continue;
      }
      if (!c.running && !c.pending && !c.finished) {
        startContainer(c, pod);
      }
      return;
    }
    if (!appsStarted) {
      appsStarted = true;
      for (ContainerRun c : containers.values()) {
        startContainer(c, pod);
      }
    }
  }

  /** The pod is synced again soon (after an init container finished): the next step runs as work. */
  private void syncSoon() {
    later(Duration.ZERO, "sync pod", Wait.WORK, () -> current().ifPresent(p -> {
      proceed(p);
      writeStatus();
    }));
  }

  /** A Service of the pod's namespace changed: its running unknown-image containers listen where now expected. */
  void refreshExpectedListeners() {
    current().ifPresent(pod -> {
      PodSpec spec = pod.specOrEmpty();
      for (ContainerRun c : containers.values()) {
        if (c.running && c.runtime != null && listensWhereExpected(c.spec)) {
          c.runtime.expectListeners(ExpectedListeners.of(kubelet.api(), pod, c.spec, isFirstListeningWhereExpected(spec, c.spec)));
        }
      }
    });
  }

  /** Whether the container's image listens wherever the cluster expects it (an image kubesim does not know). */
  private boolean listensWhereExpected(Container container) {
    return container.image().filter(dev.kubesim.api.program.ImageReference::isValid)
        .map(i -> kubelet.runtime().programs().resolve(i) instanceof ListensWhereExpected).orElse(false);
  }

  /** Whether this is the pod's first app container that listens where expected: it takes the pod-wide ports. */
  private boolean isFirstListeningWhereExpected(PodSpec spec, Container container) {
    return spec.containers().stream().filter(this::listensWhereExpected).findFirst()
        .map(first -> first == container || first.name().equals(container.name())).orElse(false);
  }

  private void startContainer(ContainerRun c, Pod pod) {
    ContainerSetup setup = kubelet.setup();
    PodSpec spec = pod.spec().orElseThrow();
    String hostname = spec.hostname().filter(h -> !h.isEmpty()).orElse(key.name());
    Map<String, String> env;
    // the image first, then the container's configuration
    Optional<ImagePulls.Failure> pull = kubelet.imagePulls().ensure(pod, c.spec, kubelet.events(), loop().clock().nanos());
    if (pull.isPresent()) {
      imageFailed(c, pull.get());
      return;
    }
    c.imageFailures = 0;
    try {
      env = setup.env(kubelet.api(), kubelet.serviceEnv(), pod, c.spec, podIP, kubelet.hostIP());
    } catch (ContainerConfigError e) {
      // CreateContainerConfigError: the pod worker syncs again after its back-off and retries.
      c.waitingReason = "CreateContainerConfigError";
      c.waitingMessage = e.getMessage();
      c.pending = true;
      kubelet.events().warning(pod, "Failed", "Error: " + e.getMessage());
      retryStart(c, SYNC_BACK_OFF, "create container ");
      return;
    }
    c.pending = false;
    // ExpandContainerCommandAndArgs: $(VAR) in command and args from the container's environment
    Container launched = c.spec.toBuilder()
        .command(c.spec.command().stream().map(a -> EnvExpansion.expand(a, List.of(env))).toList())
        .args(c.spec.args().stream().map(a -> EnvExpansion.expand(a, List.of(env))).toList())
        .build();
    ContainerConfig.Builder config = ContainerConfig.builder(key.name(), key.namespace(), launched)
        .podIps(List.of(podIP))
        .hostname(hostname)
        .env(env)
        .resolvConf(resolvConf.text())
        .hostAliases(spec.hostAliases())
        .restartCount(c.restarts);
    c.restartCount = c.restarts;
    if (listensWhereExpected(c.spec)) {
      config.expectedListeners(ExpectedListeners.of(kubelet.api(), pod, c.spec, isFirstListeningWhereExpected(spec, c.spec)));
      config.expectedExecutables(ExpectedExecutables.of(pod));
      kubelet.expecting(key);
    }
    // A regular init container runs to its end by definition; so, in a pod that does not restart what
    // ends (a Job's), does an app container given its own command (the docs' pi Job runs perl).
    String restartPolicy = spec.restartPolicy().orElse("Always");
    config.runsToCompletion(c.init ? !c.sidecar : !restartPolicy.equals("Always") && !c.spec.command().isEmpty());
    volumes.mounts(c.spec, env).forEach(config::mount);
    spec.subdomain().filter(s -> !s.isEmpty())
        .ifPresent(sub -> config.hostDomain(sub + "." + key.namespace() + ".svc." + kubelet.clusterDomain()));
    c.previous = c.runtime != null ? c.runtime : c.previous;
    kubelet.events().normal(pod, "Created", "Created container: " + c.name());
    c.runtime = kubelet.runtime().start(config.build());
    c.main = c.runtime.mainProcess();
    c.finished = false;
    if (c.main.startError().isPresent()) {
      kubelet.events().warning(pod, "Failed", "Error: " + c.main.startError().get());
      // containerd reports the task's error as the termination message, and a start at the Unix epoch
      c.startedAt = "1970-01-01T00:00:00Z";
      c.terminationMessage = c.main.startError().get();
      exited(c, 128, "StartError");
      return;
    }
    c.running = true;
    c.started = true;
    c.waitingReason = null;
    c.waitingMessage = null;
    c.startedAt = loop().clock().timestamp();
    c.readinessSuccesses = 0;
    c.readinessFailures = 0;
    c.livenessFailures = 0;
    c.readinessProbed = false;
    c.startupFailures = 0;
    c.ready = !(c.init && !c.sidecar) && c.spec.readinessProbe().isEmpty() && c.spec.startupProbe().isEmpty();
    kubelet.events().normal(pod, "Started", "Started container " + c.name());
    c.readinessOutcome = null;
    c.livenessOutcome = null;
    if (c.spec.startupProbe().isPresent()) {
      // readiness and liveness probes wait until the startup probe has succeeded; until then the
      // container is not started (a sidecar holds back the next init container)
      c.started = false;
      int generation = c.restarts;
      probes.startStartupProbe(c, c.spec.startupProbe().get(), generation, () -> {
        c.started = true;
        c.ready = !(c.init && !c.sidecar) && c.spec.readinessProbe().isEmpty();
        startReadinessAndLiveness(c);
        writeStatus();
        syncSoon();
      });
    } else {
      startReadinessAndLiveness(c);
    }
    followMainProcess(c, c.restarts);
    followExitRequest(c);
  }

  private void startReadinessAndLiveness(ContainerRun c) {
    c.spec.readinessProbe().ifPresent(p -> probes.startProbe(c, p, true, c.restarts));
    c.spec.livenessProbe().ifPresent(p -> probes.startProbe(c, p, false, c.restarts));
  }

  /**
   * A server that exits on its own (agnhost netexec's {@code /exit}, a program refusing its
   * arguments at start) ends its container as a finished main process does.
   */
  private void followExitRequest(ContainerRun c) {
    RunningContainer started = c.runtime;
    int generation = c.restarts;
    started.onExitRequest(code -> later(Duration.ZERO, "process exit " + c.name(), Wait.WORK, () -> {
      if (!terminating && c.restarts == generation && c.running && c.runtime == started) {
        started.terminate(code);
        exited(c, code, code == 0 ? "Completed" : "Error");
        writeStatus();
      }
    }));
  }

  /**
   * The image is not there ({@code ErrImagePull}, {@code ImagePullBackOff}, {@code
   * InvalidImageName}, {@code ErrImageNeverPull}): as kuberuntime's {@code startContainer} records
   * it ({@code Error: ErrImagePull}), the container waits with the image manager's reason and
   * message, and the pod is synced again: a second after its first failed sync, when the PLEG's
   * relist sees the sandbox that sync made, then after each failed sync's back-off. The image
   * manager's own back-off decides whether a sync pulls again or answers {@code ImagePullBackOff}.
   */
  private void imageFailed(ContainerRun c, ImagePulls.Failure failure) {
    current().ifPresent(p -> kubelet.events().warning(p, "Failed", "Error: " + failure.reason()));
    c.waitingReason = failure.reason();
    c.waitingMessage = failure.message();
    c.pending = true;
    c.imageFailures++;
    retryStart(c, c.imageFailures == 1 ? PLEG_RELIST : SYNC_BACK_OFF, "sync image ");
  }
  /**
   * Tries a container that could not start again at the pod's next sync, {@code after} from now,
   * unless it started meanwhile, was restarted, or the pod is terminating.
   */
  private void retryStart(ContainerRun c, Duration after, String what) {
    int generation = c.restarts;
    later(after, what + c.name(), Wait.TIMER, () -> current().ifPresent(p -> {
      if (c.pending && c.restarts == generation && !terminating) {
        c.pending = false;
        startContainer(c, p);
        if (c.init && c.started) {
          proceed(p);
        }
        writeStatus();
      }
    }));
  }


  /** Lets the main process run in virtual time; when it exits, the restart policy decides. */
  private void followMainProcess(ContainerRun c, int generation) {
    if (c.main.finished()) {
      exited(c, c.main.exitCode(), c.main.exitCode() == 0 ? "Completed" : "Error");
      return;
    }
    if (c.main.runsUntilSignalled()) {
      return;
    }
    later(c.main.nextWait(), "main process " + c.name(), Wait.TIMER, () -> {
      if (terminating || c.restarts != generation || !c.running) {
        return;
      }
      c.main.resume();
      followMainProcess(c, generation);
      writeStatus();
    });
  }

  /** The container's process ended: restart it, or leave it terminated, as the pod's restartPolicy says. */
  private void exited(ContainerRun c, int exitCode, String reason) {
    String policy = current().flatMap(Pod::spec).flatMap(PodSpec::restartPolicy).orElse("Always");
    if (c.sidecar) {
      policy = "Always"; // a sidecar's own restartPolicy
    } else if (c.init && exitCode == 0) {
      policy = "Never"; // a finished init container is done
    }
    boolean again = policy.equals("Always") || (policy.equals("OnFailure") && exitCode != 0);
    if (c.init && !c.sidecar && !again && exitCode == 0) {
      finish(c, exitCode, reason);
      syncSoon();
      return;
    }
    if (c.init && !c.sidecar && !again) {
      initFailed = true; // restartPolicy Never: the pod fails, its containers never start
    }
    if (again) {
      restart(c, exitCode, reason);
      return;
    }
    finish(c, exitCode, reason);
  }

  /** The container stays terminated. */
  private void finish(ContainerRun c, int exitCode, String reason) {
    String now = loop().clock().timestamp();
    c.lastTermination = null;
    c.terminatedState = new ContainerStateTerminated(Optional.of(exitCode), Optional.empty(), Optional.of(reason),
        Optional.ofNullable(c.terminationMessage), Optional.ofNullable(c.startedAt), Optional.of(now),
        Optional.of(c.containerId(key)));
    c.terminationMessage = null;
    c.running = false;
    c.ready = false;
    c.finished = true;
    if (!c.init && containers.values().stream().allMatch(r -> r.finished)) {
      stopSidecars();
    }
    writeStatus();
  }

  /**
   * The containers have all finished (restartPolicy Never or OnFailure): the kubelet stops the
   * sidecars, which do not hold the pod's completion back. Each ends as its program ends on SIGTERM
   * within the grace period, or is killed (137).
   */
  private void stopSidecars() {
    Pod pod = current().orElse(null);
    if (pod == null) {
      return;
    }
    Duration grace = Duration.ofSeconds(pod.specOrEmpty().terminationGracePeriodSeconds().orElse(30L));
    for (ContainerRun s : inits.values()) {
      if (!s.sidecar || !s.running) {
        continue;
      }
      kubelet.events().normal(pod, "Killing", "Stopping container " + s.name());
      int code = s.runtime.sigterm().exitCode(grace);
      s.runtime.terminate(code);
      s.terminatedState = new ContainerStateTerminated(Optional.of(code), Optional.empty(),
          Optional.of(code == 0 ? "Completed" : "Error"), Optional.empty(), Optional.ofNullable(s.startedAt),
          Optional.of(loop().clock().timestamp()), Optional.of(s.containerId(key)));
      s.running = false;
      s.ready = false;
      s.finished = true;
    }
  }

  /**
   * A liveness or startup probe has failed past its threshold: the kubelet stops the container as
   * it stops any (SIGTERM, then SIGKILL once the grace period is over: the probe's {@code
   * terminationGracePeriodSeconds}, else the pod's) and starts it again once it has exited. A
   * shell or a server without a SIGTERM handler as PID 1 ignores the signal, so the restart comes
   * at the end of the grace period, with exit code 137.
   */
  /** The longest grace period a probe's kill waits: longer ones would outlast any simulation. */
  private static final long MAX_GRACE_SECONDS = Integer.MAX_VALUE;

  void killForRestart(ContainerRun c, Probe probe) {
    Pod pod = current().orElse(null);
    if (pod == null || c.killing || !c.running) {
      return;
    }
    long seconds = probe.terminationGracePeriodSeconds()
        .orElse(pod.specOrEmpty().terminationGracePeriodSeconds().orElse(30L));
    Stop stop = stop(c, pod, Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_GRACE_SECONDS))));
    Duration delay = stop.delay();
    int code = stop.exitCode();
    c.killing = true;
    int generation = c.restarts;
    RunningContainer instance = c.runtime;
    later(delay, "kill " + c.name(), Wait.TIMER, () -> {
      c.killing = false;
      if (terminating || c.restarts != generation || !c.running || c.runtime != instance) {
        return; // it ended meanwhile on its own, or the pod is going
      }
      instance.terminate(code);
      restart(c, code, code == 0 ? "Completed" : "Error");
    });
  }

  /** Kills a container and starts it again after the kubelet's back-off, as CrashLoopBackOff does. */
  void restart(ContainerRun c, int exitCode, String reason) {
    String now = loop().clock().timestamp();
    c.lastTermination = new ContainerStateTerminated(Optional.of(exitCode), Optional.empty(), Optional.of(reason),
        Optional.ofNullable(c.terminationMessage), Optional.ofNullable(c.startedAt), Optional.of(now),
        Optional.of(c.containerId(key)));
    c.terminationMessage = null;
    c.running = false;
    c.ready = false;
    c.restarts++;
    Duration backOff = backOff(c.restarts);
    if (backOff.isZero()) {
      Pod pod = current().orElse(null);
      if (pod != null) {
        startContainer(c, pod);
      }
    } else {
      c.waitingReason = "CrashLoopBackOff";
      c.waitingMessage = "back-off " + format(backOff) + " restarting failed container=" + c.name() + " pod=" + key.name() + "_" + key.namespace();
      c.pending = true;
      current().ifPresent(p -> kubelet.events().warning(p, "BackOff", "Back-off restarting failed container " + c.name()
          + " in pod " + key.name() + "_" + key.namespace() + "(" + p.metadata().uid().orElse("") + ")"));
      later(backOff, "restart " + c.name(), Wait.TIMER, () -> current().ifPresent(p -> {
        c.pending = false;
        startContainer(c, p);
        if (c.init) {
          proceed(p);
        }
        writeStatus();
      }));
    }
    writeStatus();
  }

  /** No wait before the first restart, then 10 s doubling up to 5 min. */
  private Duration backOff(int restarts) {
    if (restarts <= 1) {
      return Duration.ZERO;
    }
    Duration d = kubelet.config().restartBackOffBase().multipliedBy(1L << Math.min(20, restarts - 2));
    return d.compareTo(kubelet.config().restartBackOffMax()) > 0 ? kubelet.config().restartBackOffMax() : d;
  }

  private static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
  }

  /** kuberuntime's {@code minimumGracePeriodInSeconds}: the signal's grace after a preStop hook. */
  private static final Duration MIN_GRACE_AFTER_HOOK = Duration.ofSeconds(2);

  /** How a container stops: after how long, with which exit code. */
  private record Stop(Duration delay, int exitCode) {}

  /**
   * {@code killContainer}: the container's preStop hook runs first (a failed one is reported as
   * kuberuntime words it), then its program has what is left of the grace period, at least two
   * seconds, to exit on SIGTERM before SIGKILL.
   */
  private Stop stop(ContainerRun c, Pod pod, Duration grace) {
    Duration hook = PreStopHook.run(c.spec, c.runtime, grace, (command, code, output) -> kubelet.events().warning(pod,
        "FailedPreStopHook", "Exec lifecycle hook ([" + String.join(" ", command) + "]) for Container \"" + c.name()
            + "\" in Pod \"" + key.name() + "_" + key.namespace() + "(" + pod.metadata().uid().orElse("") + ")\" failed"
            + " - error: command '" + String.join(" ", command) + "' exited with " + code + ": , message: \""
            + output.replace("\n", "\\n") + "\""));
    Duration rest = grace.minus(hook);
    Duration signal = rest.compareTo(MIN_GRACE_AFTER_HOOK) < 0 && !hook.isZero() ? MIN_GRACE_AFTER_HOOK : rest;
    return new Stop(hook.plus(c.runtime.sigterm().exitDelay(signal)), c.runtime.sigterm().exitCode(signal));
  }

  /** The pod is being deleted: containers are stopped and the pod goes when its grace period ends. */
  void terminate(Pod pod) {
    if (terminating) {
      return;
    }
    // The containers keep running (and keep their readiness) until they stop: endpoints of a
    // terminating pod stay "serving" meanwhile, as kube-proxy's terminating fallback expects.
    terminating = true;
    Instant deadline = pod.metadata().deletionTimestamp().map(Timestamps::parse).orElse(loop().clock().instant());
    Duration left = Duration.between(loop().clock().instant(), deadline);
    if (left.isNegative()) {
      left = Duration.ZERO;
    }
    // only what runs is stopped: a container that never started (its image could not be had), or that
    // exited and waits to restart, has nothing to kill
    List<String> stopping = containers.values().stream().filter(c -> c.running).map(ContainerRun::name).toList();
    if (!stopping.isEmpty()) {
      kubelet.events().normal(pod, "Killing", "Stopping container " + String.join(", ", stopping));
    }
    for (ContainerRun c : inits.values()) {
      if (c.sidecar && c.running) {
        kubelet.events().normal(pod, "Killing", "Stopping container " + c.name());
      }
    }
    writeStatus();
    // Each container's preStop hook runs first, then its program decides how long it takes to exit
    // on SIGTERM (up to the grace period, then SIGKILL). That time passes as a timer: a Terminating
    // pod is visible meanwhile.
    Duration until = Duration.ZERO;
    for (ContainerRun c : all()) {
      if (c.running && c.runtime != null) {
        Duration d = stop(c, pod, left).delay();
        until = d.compareTo(until) > 0 ? d : until;
      }
    }
    later(until, "finish termination", Wait.TIMER, this::finishTermination);
  }

  private void finishTermination() {
    gone = true;
    if (podIP != null && !podIP.equals(kubelet.hostIP())) {
      kubelet.ipam().release(podIP);
    }
    current().ifPresent(p -> kubelet.api().delete(Pod.KIND, key.namespace(), key.name(), DeleteOptions.now()));
  }

  /** The pod object was removed (by us or by a forced deletion). */
  void removed() {
    gone = true;
    for (EventLoop.Event e : List.copyOf(scheduled)) {
      e.cancel();
    }
    scheduled.clear();
    probes.stopAll();
    if (podIP != null && !podIP.equals(kubelet.hostIP())) {
      kubelet.ipam().release(podIP);
    }
  }

  /** Hands the pod's state to the status manager, which writes what changed; nothing once the pod is gone. */
  void writeStatus() {
    if (gone) {
      return;
    }
    status.writeStatus(new StatusManager.PodProgress(sandboxReady, appsStarted, initFailed, podIP, startTime));
  }

  /** The pod is being deleted: its containers are stopping. */
  boolean terminating() {
    return terminating;
  }

  /** The pod is gone from the node: nothing more runs for it. */
  boolean gone() {
    return gone;
  }

  /** The running container of this name, for {@code kubectl exec}. */
  public Optional<RunningContainer> container(String name) {
    ContainerRun c = run(name);
    return c != null && c.running ? Optional.ofNullable(c.runtime) : Optional.empty();
  }

  /**
   * A running container whose main process is a shell waiting for its input ({@code stdin: true}):
   * the instance, the shell's command line, and what to call with its status when the attached
   * input has ended, which ends the container as the process's exit would.
   */
  public record MainInput(RunningContainer container, List<String> argv, java.util.function.IntConsumer ended) {}

  /** The container's main process to attach to, if it is a shell waiting for its input. */
  public Optional<MainInput> mainInput(String name) {
    ContainerRun c = run(name);
    if (c == null || !c.running || c.main == null) {
      return Optional.empty();
    }
    int generation = c.restarts;
    return c.main.inputShell().map(argv -> new MainInput(c.runtime, argv, status -> {
      if (c.restarts != generation || c.main.inputShell().isEmpty()) {
        return; // this instance has ended already
      }
      c.main.inputEnded(status);
      followMainProcess(c, generation);
      writeStatus();
    }));
  }

  /** The container's latest instance, running or exited, for {@code kubectl logs}. */
  public Optional<RunningContainer> lastInstance(String name) {
    return Optional.ofNullable(run(name)).map(c -> c.runtime);
  }

  /** The instance before the latest restart, for {@code kubectl logs --previous}. */
  public Optional<RunningContainer> previousInstance(String name) {
    return Optional.ofNullable(run(name)).map(c -> c.previous);
  }

  /** The kubelet is back after a stop: post the status again (a controller may have changed it). */
  void resumed() {
    writeStatus();
  }

  /** The names of the pod's containers, then of its init containers, in spec order. */
  public List<String> containerNames() {
    List<String> names = new ArrayList<>(containers.keySet());
    names.addAll(inits.keySet());
    return names;
  }

  private ContainerRun run(String name) {
    ContainerRun c = containers.get(name);
    return c != null ? c : inits.get(name);
  }

  /** The init containers, then the containers. */
  private List<ContainerRun> all() {
    List<ContainerRun> runs = new ArrayList<>(inits.values());
    runs.addAll(containers.values());
    return runs;
  }

  /**
   * A ConfigMap or Secret changed, or the pod's labels or annotations: the volumes from the API are
   * refreshed at the pod's next periodic sync ({@code syncFrequency} from its start), as the
   * kubelet's sync rewrites them. Nothing is scheduled for a pod with no such volume.
   */
  void configChanged() {
    if (gone || terminating || !sandboxReady || refreshScheduled || !volumes.hasApiData()) {
      return;
    }
    long period = SYNC_FREQUENCY.toNanos();
    long started = startNanos;
    long now = loop().clock().nanos();
    long next = started + ((now - started) / period + 1) * period;
    refreshScheduled = true;
    later(Duration.ofNanos(next - now), "sync volumes", Wait.TIMER, () -> {
      refreshScheduled = false;
      current().ifPresent(p -> volumes.refresh(volumeContext(p)));
    });
  }

}
