package dev.kubesim.impl.cluster;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ExternalClient;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.ObjectChange;
import dev.kubesim.api.model.Kinds;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.rest.ApiHttpServer;
import dev.kubesim.impl.apiserver.rest.RestHost;
import dev.kubesim.impl.cloud.CloudNetwork;
import dev.kubesim.impl.cloud.LoadBalancers;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.ingress.IngressController;
import dev.kubesim.impl.ingress.IngressNginx;
import dev.kubesim.impl.kubectl.Kubectl;
import dev.kubesim.impl.kubectl.KubectlHost;
import dev.kubesim.impl.kubelet.ContainerLogs;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.kubelet.PortForward;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.netpol.ReachabilityProbe;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.program.LogLine;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.trace.TraceHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated cluster: the event loop, the API server and its store, the nodes, the add-ons, and
 * kubectl in front. Every public call takes the cluster's lock and runs the simulation on the
 * caller's thread.
 */
public final class SimCluster implements Cluster, KubectlHost {
  /** The kinds that coalesced timers write (Lease renewals, node status reports, repeated Events). */
  private static final java.util.Set<String> COALESCED_KINDS = java.util.Set.of("Lease", "Node", "Event");

  /** The port the API server listens on behind the {@code kubernetes} Service (kubeadm's). */
  public static final int API_SERVER_PORT = 6443;

  private final ClusterOptions options;
  private final EventLoop loop;
  private final ObjectStore store = new ObjectStore();
  private final ApiServer api;
  private final List<Cidr> serviceCidrs;
  private final List<Cidr> clusterCidrs;
  private final Kubectl kubectl;
  /** kubectl as the outside hosts run it, this cluster its context. */
  private final HostKubectl hostKubectl;
  /** kubectl port-forward's listeners on the terminal's host, made with the first one. */
  private HostForwards hostForwards;
  private final ReentrantLock lock = new ReentrantLock();
  private final ContainerRuntime runtime;
  private final dev.kubesim.impl.dns.ClusterDns dns;
  private final Map<String, Kubelet> kubelets;
  private Optional<dev.kubesim.api.trace.Trace> lastExecTrace = Optional.empty();
  /** How many commands have had their traces captured: a terminal's kubectl tells whether it ran one. */
  private long tracedCommands;
  private final TraceHistory traces = new TraceHistory(TRACE_HISTORY);
  private final Map<String, dev.kubesim.impl.proxy.KubeProxy> kubeProxies;
  private final Map<String, OutsideClient> externalClients = new TreeMap<>();
  private final dev.kubesim.impl.net.Network network;
  /** The cloud in front of the nodes: load balancer addresses and routes from outside. */
  private final CloudNetwork cloud;
  /** The ingress-nginx controller, once the add-on is installed. */
  private IngressNginx ingressNginx;
  private boolean closed;
  private final List<ApiHttpServer> servers = new ArrayList<>();
  /** Whether writes through the served API have left work that the next read settles. */
  private boolean servedWritesPending;

  private SimCluster(ClusterOptions options) {
    this.options = options;
    this.loop = new EventLoop(options.seed(), options.maxSteps());
    this.api = new ApiServer(store, loop, new dev.kubesim.impl.codec.KindCatalog()); // this cluster's kinds alone
    this.serviceCidrs = parseCidrs("serviceCIDR", options.serviceCIDR());
    this.clusterCidrs = parseCidrs("clusterCIDR", options.clusterCIDR());
    ControlPlane.registerStrategies(api, loop, options, serviceCidrs);
    this.runtime = ContainerRuntime.withBuiltins(loop.clock()::nanos);
    // The control plane and the node agents start before any object exists so that they see every change.
    // Volume directories live on the nodes' filesystems, which the kubelets started below hold.
    LoadBalancers loadBalancers = ControlPlane.startControllers(api, loop, new NodeVolumeDirectories(this::kubelet));
    this.network = ClusterNetwork.create(loop, clusterCidrs, serviceCidrs);
    NodeAgents agents = NodeAgents.start(api, options, serviceCidrs, clusterCidrs, network, runtime);
    this.kubelets = agents.kubelets();
    this.kubeProxies = agents.kubeProxies();
    this.cloud = ClusterNetwork.attach(network, api, options, kubeProxies, kubelets, loadBalancers);
    this.kubectl = new Kubectl(this);
    this.hostKubectl = new HostKubectl(kubectl);
    runtime.commands().register("kubectl", hostKubectl);
    runtime.commands().register("minikube", new MinikubeCommand(api, options));
    this.dns = dev.kubesim.impl.dns.ClusterDns.start(api, options);
    ClusterNetwork.startServices(network, dns, options, runtime);
  }

  /** The runtime's programs behind the cluster's lock: registering races with nothing. */
  private final dev.kubesim.api.program.Programs programs = new dev.kubesim.api.program.Programs() {
    @Override
    public void register(String imageRepository, dev.kubesim.api.program.Program program) {
      locked(() -> {
        runtime.programs().register(imageRepository, program);
        return null;
      });
    }

    @Override
    public Optional<dev.kubesim.api.program.Program> lookup(String image) {
      return locked(() -> runtime.programs().lookup(image));
    }

    @Override
    public dev.kubesim.api.program.Program resolve(String image) {
      return locked(() -> runtime.programs().resolve(image));
    }
  };

  @Override
  public dev.kubesim.api.program.Programs programs() {
    return programs;
  }

  /**
   * The trace of the last command run in a container (by {@link #exec} or {@code kubectl exec}) or
   * on an {@link #external} client, if it used the network.
   */
  public Optional<dev.kubesim.api.trace.Trace> lastExecTrace() {
    return locked(() -> lastExecTrace);
  }

  @Override
  public List<dev.kubesim.api.trace.Trace> traces() {
    return locked(traces::list);
  }

  @Override
  public void clearTraces() {
    locked(() -> {
      traces.clear();
      return null;
    });
  }

  /** The container runtime shared by the nodes: its program and command registries can be extended. */
  public ContainerRuntime runtime() {
    return runtime;
  }

  /** The cluster DNS: the CoreDNS pods' servers behind the kube-dns Service, and the upstream they forward to. */
  public dev.kubesim.impl.dns.ClusterDns dns() {
    return dns;
  }

  /** The packet network: nodes, pods' namespaces, routes, conntrack; HTTP, UDP and ICMP clients go through it. */
  public dev.kubesim.impl.net.Network network() {
    return network;
  }

  /** The kubelet of a node, if the node exists. */
  public Optional<Kubelet> kubelet(String node) {
    return Optional.ofNullable(kubelets.get(node));
  }

  /** The cloud in front of the nodes: its load balancers, and the routes to them and to externalIPs. */
  public CloudNetwork cloud() {
    return cloud;
  }

  /** The cluster's ingress-nginx controller, once the add-on or a pod of its image has started it. */
  public Optional<IngressController> ingressController() {
    return ingressNginx.controller();
  }

  /** The kube-proxy of a node, if the node exists. */
  public Optional<dev.kubesim.impl.proxy.KubeProxy> kubeProxy(String node) {
    return Optional.ofNullable(kubeProxies.get(node));
  }

  @Override
  public ExecResult exec(String pod, String... command) {
    return exec(pod, "", List.of(command));
  }

  @Override
  public ExecResult exec(String pod, String container, List<String> command) {
    return exec(pod, container, command, "");
  }

  @Override
  public ExecResult execLine(String pod, String commandLine) {
    return exec(pod, "", dev.kubesim.impl.program.Shell.split(commandLine));
  }

  /** {@link #exec(String, String, List)} with this standard input ({@code kubectl exec -i}, piped). */
  public ExecResult exec(String pod, String container, List<String> command, String stdin) {
    return execTraced(() -> PodExec.run(this, pod, container, command, stdin));
  }

  @Override
  public ExecResult execAtTerminal(String pod, String container, List<String> command, String stdin) {
    return execTraced(() -> PodExec.container(this, pod, container, command).execAtTerminal(command, stdin));
  }

  @Override
  public List<dev.kubesim.api.model.Pod> pods(String namespace, String labelSelector) {
    return locked(() -> PodQueries.matching(api, namespace, labelSelector));
  }

  @Override
  public dev.kubesim.api.model.Pod pod(String namespace, String labelSelector) {
    return locked(() -> PodQueries.pick(api, namespace, labelSelector));
  }

  @Override
  public ExecResult execIn(String namespace, String labelSelector, String... command) {
    List<String> argv = List.of(command);
    return execTraced(() -> {
      String pod = PodQueries.pick(api, namespace, labelSelector).metadata().nameOrEmpty();
      return PodExec.run(this, namespace + "/" + pod, "", argv, "");
    });
  }

  @Override
  public dev.kubesim.api.ServiceView service(String namespace, String name) {
    return locked(() -> Views.service(api, namespace, name));
  }

  @Override
  public dev.kubesim.api.DeploymentView deployment(String namespace, String name) {
    return locked(() -> Views.deployment(api, namespace, name));
  }

  @Override
  public dev.kubesim.api.HttpResult http(String pod, dev.kubesim.api.program.HttpRequest request) {
    java.util.Objects.requireNonNull(request, "request");
    return httpFrom(() -> PodExec.container(this, pod, "", List.of("http")), request);
  }

  /**
   * Sends a request from a container's network (a pod's, or an outside host's) under the lock, its
   * trace captured as a command's is; the cluster settles afterwards.
   */
  dev.kubesim.api.HttpResult httpFrom(Supplier<dev.kubesim.impl.program.RunningContainer> container,
      dev.kubesim.api.program.HttpRequest request) {
    return locked(() -> {
      dev.kubesim.impl.program.RunningContainer from = container.get();
      network.traces().begin();
      dev.kubesim.impl.program.nettools.TypedHttp.Outcome out;
      try {
        out = new dev.kubesim.impl.program.nettools.TypedHttp(network).send(from, request);
      } finally {
        lastExecTrace = network.traces().end();
        tracedCommands++;
      }
      loop.settle();
      return new dev.kubesim.api.HttpResult(out.response(), out.answeredBy(),
          out.exit(), out.error(), Duration.ofNanos(out.elapsedNanos()), lastExecTrace.orElseThrow());
    });
  }

  @Override
  public dev.kubesim.api.FakeApp fakeApp(String imageRepository) {
    return locked(() -> ScriptedApp.register(this, imageRepository));
  }

  @Override
  public dev.kubesim.api.PodShell shell(String pod) {
    return shell(pod, "", List.of());
  }

  @Override
  public dev.kubesim.api.PodShell shell(String pod, String container, List<String> command) {
    return locked(() -> ContainerShell.open(this, pod, container, List.copyOf(command), true));
  }

  /**
   * Runs a command under the lock with the network's traces captured: the result carries what the
   * command sent, and the cluster settles afterwards.
   */
  ExecResult execTraced(Supplier<ExecResult> command) {
    return locked(() -> {
      network.traces().begin();
      ExecResult result;
      try {
        result = command.get();
      } catch (RuntimeException e) {
        network.traces().end();
        throw e;
      }
      // what the command sent over the network, if anything
      result = result.withTrace(network.traces().end());
      lastExecTrace = result.trace();
      tracedCommands++;
      result.trace().ifPresent(traces::add);
      loop.settle();
      return result;
    });
  }

  @Override
  public dev.kubesim.api.ReachabilityMatrix reachability(List<String> pods, int port, String protocol) {
    return locked(() -> new ReachabilityProbe(api, network).probe(pods, port, protocol));
  }

  @Override
  public dev.kubesim.api.ReachabilityMatrix reachabilityOf(List<String> namespaces, int port, String protocol) {
    return locked(() -> new ReachabilityProbe(api, network).probeNamespaces(namespaces, port, protocol));
  }

  @Override
  public dev.kubesim.api.map.ClusterMap map() {
    return locked(() -> ClusterMaps.of(api));
  }

  @Override
  public int apiServerPort() {
    return API_SERVER_PORT;
  }

  @Override
  public Optional<AttachedShell> attach(String pod, String container, List<String> argv, boolean terminal) {
    return ContainerShell.attach(this, pod, container, argv, terminal).map(AttachedShell.class::cast);
  }

  @Override
  public Optional<AttachedShell> attachMain(String pod, String container, boolean terminal) {
    return ContainerShell.attachMain(this, pod, container, terminal).map(AttachedShell.class::cast);
  }

  @Override
  public Optional<String> execStartFailure(dev.kubesim.api.model.Pod pod, String container, List<String> command) {
    return locked(() -> {
      Optional<RunningContainer> running = kubelet(PodStates.nodeName(pod))
          .filter(Kubelet::isRunning)
          .flatMap(k -> k.worker(ObjectStore.keyOf(pod)))
          .flatMap(w -> w.container(container));
      return running.flatMap(c -> c.execStartError(command)).filter(m -> m.startsWith("OCI runtime"))
          .map(oci -> ContainerdErrors.execStartFailure(this, oci));
    });
  }

  @Override
  public ForwardedConnection portForward(dev.kubesim.api.model.Pod pod, int port) throws PortForward.Refused {
    lock.lock();
    PortForward forward;
    try {
      if (closed) {
        throw new IllegalStateException("the cluster is closed");
      }
      forward = PortForward.dial(network, pod, port);
    } finally {
      lock.unlock();
    }
    return new ForwardedConnection() {
      @Override
      public byte[] send(byte[] data) {
        return locked(() -> forward.send(data));
      }

      @Override
      public void close() {
        // a client's stream may end after the cluster has closed: then there is nothing left to close
        lock.lock();
        try {
          if (!closed) {
            forward.close();
          }
        } finally {
          lock.unlock();
        }
      }
    };
  }

  @Override
  public List<LogLine> logs(dev.kubesim.api.model.Pod pod, String container, boolean previous) {
    // a copy: the container's own list grows as it writes, and is read again only under the lock
    return locked(() -> List.copyOf(ContainerLogs.of(this::kubelet, pod, container, previous)));
  }

  @Override
  public ExecResult runOnHost(String shellCommand, String stdin) {
    return locked(() -> {
      ExecResult result = ((OutsideClient) external()).shell(shellCommand, stdin);
      loop.settle();
      return result;
    });
  }

  @Override
  public ExternalClient external() {
    return external(ExternalClient.DEFAULT_ADDRESS);
  }

  @Override
  public ExternalClient external(String ip) {
    return locked(() -> {
      OutsideClient known = externalClients.get(ip);
      if (known != null) {
        return known;
      }
      if (!Ip4.isValid(ip)) {
        throw new IllegalArgumentException("not an IPv4 address: \"" + ip + "\"");
      }
      cloud.routedAddress(ip).ifPresent(why -> {
        throw new IllegalArgumentException(why + ", not a host's address outside the cluster");
      });
      OutsideClient client = OutsideClient.start(this, ip);
      externalClients.put(ip, client);
      return client;
    });
  }

  private static List<Cidr> parseCidrs(String what, String text) {
    List<Cidr> out = new ArrayList<>();
    for (String part : text.split(",")) {
      out.add(Cidr.tryParse(part.trim()).orElseThrow(() -> new IllegalArgumentException("invalid " + what + " \"" + text + "\"")));
    }
    if (out.size() > 2 || (out.size() == 2 && out.get(0).isIPv4() == out.get(1).isIPv4())) {
      throw new IllegalArgumentException(what + " takes one range, or one IPv4 and one IPv6 range: \"" + text + "\"");
    }
    return List.copyOf(out);
  }

  /** Builds and boots a cluster: namespaces, nodes, the kubernetes Service, add-ons; then settles. */
  static SimCluster start(ClusterOptions options) {
    return start(options, true);
  }

  /**
   * Builds and boots a cluster with coalescing of steady periodic timers on or off from the start
   * (tests compare the two: every observable result is the same).
   */
  public static SimCluster start(ClusterOptions options, boolean coalescing) {
    SimCluster cluster = new SimCluster(options);
    cluster.loop.coalescing(coalescing);
    cluster.ingressNginx =
        new ClusterBootstrap(cluster.api, cluster.options, cluster.loop, cluster.serviceCidrs, cluster.network, cluster.runtime)
            .run();
    // What is registered from now on (after the add-ons') is the user's: kubesim cannot know what it does.
    cluster.runtime.sealBuiltins();
    cluster.loop.settleAll();
    return cluster;
  }

  public ApiServer api() {
    return api;
  }

  public EventLoop loop() {
    return loop;
  }

  public List<Cidr> serviceCidrs() {
    return serviceCidrs;
  }

  public List<Cidr> clusterCidrs() {
    return clusterCidrs;
  }

  @Override
  public ClusterOptions options() {
    return options;
  }

  @Override
  public NodeHandle node(String name) {
    return locked(() -> ClusterNode.of(this, name));
  }

  /** Settles what writes through the served API left pending (see {@link RestHost#settle()}); under the lock. */
  private void settleServedWrites() {
    if (servedWritesPending) {
      servedWritesPending = false;
      loop.settle();
    }
  }

  /** Runs under the cluster's lock, for the cluster's helpers in this package. */
  <T> T underLock(Supplier<T> body) {
    return locked(body);
  }

  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the cluster is closed");
      }
      // A call from outside may change anything: coalesced timers run once for real again.
      loop.changed();
      settleServedWrites();
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ImmutableList<KubeObject> apply(String manifests) {
    return locked(() -> applyManifest(ManifestReader.stream("STDIN", manifests)));
  }

  @Override
  public ImmutableList<KubeObject> apply(Path fileOrFolder) {
    return locked(() -> applyManifest(ManifestReader.stream(fileOrFolder)));
  }

  /**
   * Applies a manifest as {@code kubectl apply -f} does: every document that decodes is applied in
   * order and one the API server rejects does not stop the others; then every failure is
   * reported together: kubectl's own (a stream that stops parsing, a kind it cannot map) first,
   * then the API server's, in document order.
   */
  private ImmutableList<KubeObject> applyManifest(ManifestReader.Manifest manifest) {
    List<KubeSimException> client = new ArrayList<>();
    List<KubeSimException> server = new ArrayList<>();
    ImmutableList.Builder<KubeObject> applied = ImmutableList.builder();
    for (Document doc : manifest.documents()) {
      KubeObject object;
      try {
        object = ObjectCodec.decode(doc, api.kinds());
      } catch (KubeSimException e) {
        // decoding against the kind's schema is the API server's; the rest is kubectl's
        (e.getMessage().startsWith("error when") ? server : client).add(e);
        continue;
      }
      try {
        applied.add(api.apply(object));
      } catch (KubeSimException e) {
        server.add(Errors.withContext(e, "error when applying " + doc.describe() + " (document " + (doc.index() + 1) + ")"));
      }
    }
    client.addAll(manifest.errors());
    loop.settle();
    List<KubeSimException> failures = new ArrayList<>(client);
    failures.addAll(server);
    if (!failures.isEmpty()) {
      throw Errors.aggregate(failures);
    }
    return applied.build();
  }

  @Override
  public ImmutableList<KubeObject> applyResource(String classpathResource) {
    return locked(() -> applyManifest(ManifestReader.streamResource(Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : SimCluster.class.getClassLoader(), classpathResource)));
  }

  /** Decodes documents, failing on the first that does not decode, before anything is applied. */
  public static List<KubeObject> decodeAll(List<Document> documents) {
    List<KubeObject> objects = new ArrayList<>();
    for (Document doc : documents) {
      objects.add(ObjectCodec.decode(doc));
    }
    return objects;
  }

  @Override
  public ImmutableList<KubeObject> applyAll(List<? extends KubeObject> objects) {
    return locked(() -> {
      ImmutableList.Builder<KubeObject> applied = ImmutableList.builder();
      for (KubeObject o : objects) {
        applied.add(api.apply(o));
      }
      loop.settle();
      return applied.build();
    });
  }

  @Override
  public KubeObject apply(KubeObject object) {
    return locked(() -> settled(api.apply(object)));
  }

  @Override
  public KubeObject create(KubeObject object) {
    return locked(() -> settled(api.create(object)));
  }

  private <T> T settled(T value) {
    loop.settle();
    return value;
  }

  @Override
  public Optional<KubeObject> get(String kind, String namespace, String name) {
    return locked(() -> api.get(kind, namespace, name));
  }

  @Override
  public Optional<String> getJson(String kind, String namespace, String name) {
    return get(kind, namespace, name).map(o -> ObjectCodec.encode(o).toString());
  }

  @Override
  public <T extends KubeObject> Optional<T> get(Class<T> type, String namespace, String name) {
    String kind = kindOf(type);
    return locked(() -> api.get(kind, namespace, name).map(type::cast));
  }

  @Override
  public <T extends KubeObject> ImmutableList<T> list(Class<T> type, String namespace) {
    String kind = kindOf(type);
    return locked(() -> api.list(kind, Optional.of(namespace)).stream().map(type::cast).collect(ImmutableList.toImmutableList()));
  }

  @Override
  public <T extends KubeObject> ImmutableList<T> listAll(Class<T> type) {
    String kind = kindOf(type);
    return locked(() -> api.list(kind, Optional.empty()).stream().map(type::cast).collect(ImmutableList.toImmutableList()));
  }

  private static String kindOf(Class<?> type) {
    return Kinds.byType(type)
        .map(Kinds.KindInfo::kind)
        .orElseThrow(() -> new BadRequestException(type.getSimpleName() + " is not a typed kind; use get(kind, namespace, name)"));
  }

  @Override
  public void delete(String kind, String namespace, String name) {
    locked(() -> settled(api.delete(kind, namespace, name)));
  }

  @Override
  public KubectlResult kubectl(String commandLine) {
    return locked(() -> kubectl.run(commandLine));
  }

  /** Runs kubectl with standard input (for {@code apply -f -}). */
  public KubectlResult kubectl(String commandLine, String stdin) {
    return locked(() -> kubectl.run(commandLine, stdin));
  }

  /**
   * Runs kubectl reading the manifests named after {@code -f} from {@code files} where it has
   * them (a lab's manifests shipped on the classpath), as if they were files of those names.
   */
  public KubectlResult kubectl(String commandLine, java.util.function.Function<String, Optional<String>> files) {
    return locked(() -> kubectl.run(commandLine, "", files));
  }

  @Override
  public dev.kubesim.api.TerminalKubectl kubectlAtTerminal(String commandLine,
      java.util.function.Function<String, Optional<String>> manifests) {
    return locked(() -> {
      long before = tracedCommands;
      Kubectl.TerminalRun run = kubectl.runAtTerminal(commandLine, manifests);
      Optional<dev.kubesim.api.trace.Trace> trace = tracedCommands == before ? Optional.empty() : lastExecTrace;
      return new dev.kubesim.api.TerminalKubectl(run.result(), trace,
          run.attached().map(session -> new TerminalExec(this, session)), run.screen());
    });
  }

  @Override
  public dev.kubesim.api.HostShell hostShell(java.util.function.Function<String, Optional<String>> manifests) {
    java.util.Objects.requireNonNull(manifests, "manifests");
    return locked(() -> HostTerminal.open(this, (OutsideClient) external(), hostKubectl, manifests));
  }

  @Override
  public Optional<Runnable> forwardFromHost(dev.kubesim.api.model.Pod pod, int localPort, int podPort) {
    return locked(() -> {
      if (hostForwards == null) {
        hostForwards = new HostForwards(api, network);
        network.outsideHost(external().address(), hostForwards);
      }
      return hostForwards.listen(pod, localPort, podPort);
    });
  }

  /** How many commands have had their traces captured so far: a terminal's line tells whether it ran one. */
  long tracedCommands() {
    return tracedCommands;
  }

  /** Keeps the trace of a request a terminal's line sent from the host, as an exec's is kept. */
  void recordTrace(dev.kubesim.api.trace.Trace trace) {
    lastExecTrace = Optional.of(trace);
    tracedCommands++;
    traces.add(trace);
  }

  /** Runs what is due now, after a terminal's line. */
  void settleNow() {
    loop.settle();
  }

  @Override
  public dev.kubesim.api.RunningPod runningPod(String pod) {
    return locked(() -> ClusterRunningPod.of(this, pod));
  }

  @Override
  public void advance(Duration duration) {
    locked(() -> {
      loop.advance(duration);
      return null;
    });
  }

  @Override
  public void settle() {
    locked(() -> {
      loop.settleAll();
      return null;
    });
  }

  @Override
  public Duration advanceUntil(Duration max, java.util.function.Predicate<Cluster> condition) {
    java.util.Objects.requireNonNull(condition, "condition");
    return locked(() -> VirtualWait.until(loop, max, "the condition", () -> condition.test(this), List::of));
  }

  @Override
  public Duration awaitReady(Duration max) {
    return locked(() -> {
      Readiness readiness = new Readiness(api);
      return VirtualWait.until(loop, max, "every workload and pod to be ready", () -> readiness.pendingEverywhere().isEmpty(),
          readiness::pendingEverywhere);
    });
  }

  @Override
  public Duration awaitReady(String kind, String namespace, String name, Duration max) {
    String stored = Readiness.kind(kind);
    return locked(() -> {
      Readiness readiness = new Readiness(api);
      Supplier<List<String>> pending = () -> api.get(stored, namespace, name)
          .map(o -> readiness.notReady(o).stream().toList())
          .orElse(List.of(stored.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name + ": not found"));
      return VirtualWait.until(loop, max, stored.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name
          + " to be ready", () -> pending.get().isEmpty(), pending);
    });
  }

  @Override
  public String dumpJson() {
    return locked(() -> ClusterJson.dump(api));
  }

  @Override
  public Duration now() {
    return locked(() -> loop.clock().elapsed());
  }

  @Override
  public void watch(String kind, Consumer<ObjectChange> listener) {
    locked(() -> {
      if (COALESCED_KINDS.contains(kind)) {
        // The listener hears every change: renewals and repeats can no longer be taken at once.
        loop.coalescing(false);
      }
      // In commit order, as a client's watch hears them: the engine's own watchers hear a change
      // made while another is being told (a kubelet's status write during the scheduler's bind)
      // before the rest of them hear the first one.
      store.watchAllInOrder(e -> {
        if (e.object().kind().equals(kind)) {
          listener.accept(new ObjectChange(e.type().name(), e.object(), e.previous()));
        }
      });
      return null;
    });
  }

  @Override
  public dev.kubesim.api.ServedApi serve(dev.kubesim.api.ServeOptions serveOptions) {
    ApiHttpServer server = ApiHttpServer.start(restHost(), serveOptions.port(), serveOptions.wallClock(),
        serveOptions.watchHistory());
    locked(() -> servers.add(server));
    return new dev.kubesim.api.ServedApi() {
      @Override
      public java.net.URI url() {
        return server.url();
      }

      @Override
      public String kubeconfig() {
        return server.kubeconfig();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /** The cluster as the HTTP API server reaches it: its API server and loop, under its lock. */
  private RestHost restHost() {
    return new RestHost() {
      @Override
      public <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
          if (closed) {
            throw new IllegalStateException("the cluster is closed");
          }
          return body.get();
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void reacted() {
        loop.advance(Duration.ZERO);
        servedWritesPending = true;
      }

      @Override
      public void settle() {
        settleServedWrites();
      }

      @Override
      public ApiServer api() {
        return api;
      }

      @Override
      public EventLoop loop() {
        return loop;
      }

      @Override
      public KubeletStreams kubelets() {
        return SimCluster.this;
      }

      @Override
      public ProxyAnswer proxyHttp(String ip, int port, dev.kubesim.api.program.HttpRequest request) {
        return locked(() -> ApiServerProxy.send(network, ip, port, request));
      }
    };
  }

  @Override
  public void close() {
    List<ApiHttpServer> open;
    lock.lock();
    try {
      open = List.copyOf(servers);
      servers.clear();
    } finally {
      lock.unlock();
    }
    open.forEach(ApiHttpServer::close); // not under the lock: their threads finish their work with it
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }
}
