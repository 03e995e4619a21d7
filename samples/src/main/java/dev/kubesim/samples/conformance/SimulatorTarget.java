package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.impl.program.Shell;
import java.util.Set;

/**
 * The verbs kubesim serves today beyond the API server and kubectl: {@code exec} runs the command
 * line (split as a shell would, then run without one, as {@code kubectl exec POD -- ...} does) in
 * the pod's first container; {@code reachability} and {@code connect} run a client there too
 * ({@link ConnectProbes}). SCTP is not simulated, so the {@code sctp} feature is not declared.
 */
final class SimulatorTarget extends ScenarioTarget.Unsupported {
  /** Makes a target per scenario cluster; its capabilities name what it serves. */
  static final ScenarioTarget.Factory FACTORY = new ScenarioTarget.Factory() {
    @Override
    public Capabilities capabilities() {
      return new Capabilities() {
        @Override
        public boolean exec() {
          return true;
        }

        @Override
        public boolean dns() {
          return true;
        }

        @Override
        public boolean packet() {
          return true;
        }

        @Override
        public boolean env() {
          return true;
        }

        @Override
        public boolean resolvConf() {
          return true;
        }

        @Override
        public boolean resolve() {
          return true;
        }

        @Override
        public boolean http() {
          return true;
        }

        @Override
        public boolean connect() {
          return true;
        }

        /** musl's resolver is built beside glibc's (Alpine-based images use it). */
        @Override
        public Set<String> features() {
          return Set.of("musl");
        }
      };
    }

    @Override
    public ScenarioTarget create(Cluster cluster) {
      return new SimulatorTarget(cluster);
    }
  };

  private final Cluster cluster;

  private SimulatorTarget(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Pods and outside clients send with the product's curl ({@link CurlHttp}; HTTPS as {@code curl
   * -k}, since the format does not check certificates); a node's host has no shell, so its
   * requests are made over the packet network here ({@link NetworkHttp}).
   */
  @Override
  public HttpResult http(HttpRequest request) {
    if (request.from().startsWith("node:")) {
      return new NetworkHttp((dev.kubesim.impl.cluster.SimCluster) cluster).request(request);
    }
    return new CurlHttp(cluster).request(request);
  }

  /** The first LoadBalancer address of the ingress-nginx controller's Service (port 80 implied). */
  @Override
  public java.util.Optional<String> ingressAddress() {
    return cluster.get(dev.kubesim.api.model.Service.class, dev.kubesim.impl.ingress.IngressController.NAMESPACE,
            dev.kubesim.impl.ingress.IngressController.PUBLISH_SERVICE)
        .flatMap(dev.kubesim.api.model.Service::status)
        .flatMap(dev.kubesim.api.model.ServiceStatus::loadBalancer)
        .flatMap(lb -> lb.ingress().stream().findFirst())
        .flatMap(dev.kubesim.api.model.ServiceStatus.LoadBalancerIngress::ip);
  }

  /** The first container's environment as the runtime holds it (fixed when the container started). */
  @Override
  public java.util.Map<String, String> env(String pod) {
    dev.kubesim.impl.kubelet.PodWorker w = podWorker(pod);
    String container = w.containerNames().get(0);
    return w.container(container)
        .orElseThrow(() -> new IllegalStateException("container " + container + " of " + pod + " is not running")).env();
  }

  /** The resolv.conf the kubelet made for the pod's sandbox. */
  @Override
  public ResolvConf resolvConf(String pod) {
    dev.kubesim.impl.resolver.ResolvConf r = podWorker(pod).resolvConf()
        .orElseThrow(() -> new IllegalStateException("pod " + pod + " has no sandbox yet"));
    return new ResolvConf(r.nameservers(), r.searches(), r.options());
  }

  /** The pod's libc reading its resolv.conf and asking the cluster DNS for an A record. */
  @Override
  public Resolution resolve(String pod, String name, String resolver) {
    dev.kubesim.impl.cluster.SimCluster sim = (dev.kubesim.impl.cluster.SimCluster) cluster;
    String file = podWorker(pod).resolvConf().map(dev.kubesim.impl.resolver.ResolvConf::text)
        .orElseThrow(() -> new IllegalStateException("pod " + pod + " has no sandbox yet"));
    dev.kubesim.impl.resolver.Resolution r = new dev.kubesim.impl.resolver.Resolver(
        dev.kubesim.impl.resolver.Libc.named(resolver),
        new dev.kubesim.impl.resolver.NetworkDnsTransport(sim.api(), sim.network())).lookup(pod, file, name, "A");
    return new Resolution(r.tried(), r.address(), r.rcode().orElse("TIMEOUT"));
  }

  /** The kubelet's worker of a pod ({@code NS/NAME}) on the node it is bound to. */
  private dev.kubesim.impl.kubelet.PodWorker podWorker(String pod) {
    dev.kubesim.impl.cluster.SimCluster sim = (dev.kubesim.impl.cluster.SimCluster) cluster;
    int slash = pod.indexOf('/');
    String ns = slash < 0 ? "default" : pod.substring(0, slash);
    String name = pod.substring(slash + 1);
    dev.kubesim.api.model.Pod p = (dev.kubesim.api.model.Pod) sim.api().getOrThrow(dev.kubesim.api.model.Pod.KIND, ns, name);
    String node = p.spec().flatMap(dev.kubesim.api.model.PodSpec::nodeName).orElse("");
    return sim.kubelet(node).flatMap(k -> k.worker(new dev.kubesim.impl.apiserver.ObjectKey(ns, name)))
        .orElseThrow(() -> new IllegalStateException("pod " + pod + " is not running on a node"));
  }

  /** A client in the pod's first container, with what its image has ({@link ConnectProbes}). */
  @Override
  public ConnectResult connect(ConnectProbe probe) {
    dev.kubesim.impl.kubelet.PodWorker w = podWorker(probe.from());
    String container = w.containerNames().get(0);
    dev.kubesim.impl.program.RunningContainer c = w.container(container)
        .orElseThrow(() -> new IllegalStateException("container " + container + " of " + probe.from() + " is not running"));
    ConnectProbes.Probe p = ConnectProbes.choose(probe, argv -> c.execStartError(argv).isEmpty())
        .orElseThrow(() -> new StepFailure("a client for " + probe.protocol() + " in " + probe.from() + "'s container "
            + container, "none in image " + c.statusImage() + " (" + ConnectProbes.TOOLS + ")"));
    dev.kubesim.api.ExecResult r = cluster.exec(probe.from(), container, p.argv());
    return p.result(new ExecResult(r.stdout(), r.stderr(), r.exitCode()));
  }

  @Override
  public ExecResult exec(String pod, String command) {
    dev.kubesim.api.ExecResult r = cluster.exec(pod, "", Shell.split(command));
    return new ExecResult(r.stdout(), r.stderr(), r.exitCode());
  }

  /**
   * One query to the kube-dns Service's address as UDP packets, from the pod or, when the step names
   * none, from the first node's own namespace: kube-proxy's rules on the sender's node DNAT it to a
   * CoreDNS pod, whose answer comes back through conntrack. No answer (lost, refused, no Service) is
   * {@code TIMEOUT}.
   */
  @Override
  public DnsResult dns(DnsQuery query) {
    dev.kubesim.impl.cluster.SimCluster sim = (dev.kubesim.impl.cluster.SimCluster) cluster;
    dev.kubesim.impl.net.Network net = sim.network();
    java.util.Optional<String> nameserver = sim.dns().serviceIps().stream()
        .filter(dev.kubesim.impl.net.Ip4::isValid).findFirst();
    java.util.Optional<dev.kubesim.impl.resolver.DnsAnswer> answer = java.util.Optional.empty();
    if (query.from().isPresent()) {
      String pod = query.from().get();
      podWorker(pod); // a pod that does not exist, or is on no node, fails the step rather than timing out
      if (nameserver.isPresent()) {
        answer = new dev.kubesim.impl.resolver.NetworkDnsTransport(sim.api(), net)
            .query(pod, nameserver.get(), query.name(), query.type());
      }
    } else if (nameserver.isPresent()) {
      String node = cluster.options().nodes().get(0).name();
      dev.kubesim.impl.net.Netns from = net.node(node).map(dev.kubesim.impl.net.NodeHost::netns)
          .orElseThrow(() -> new IllegalStateException("node " + node + " is not on the network"));
      answer = new dev.kubesim.impl.resolver.PacketDnsTransport(net, net.untracedSession(), from)
          .query(node, nameserver.get(), query.name(), query.type());
    }
    return answer
        .map(a -> new DnsResult(a.rcode(), a.answers().stream()
            .map(r -> new DnsRecord(r.name(), r.type(), r.ttl(), r.data())).toList()))
        .orElseGet(() -> new DnsResult("TIMEOUT", java.util.List.of()));
  }

  /**
   * The node's netfilter hooks as the network meets them (conntrack, then kube-proxy's rules); the
   * packet is the node's own when its source is a node address or loopback.
   */
  @Override
  public PacketResult packet(Packet packet) {
    dev.kubesim.impl.net.PacketDecision d = ((dev.kubesim.impl.cluster.SimCluster) cluster).network().netfilterDecision(
        packet.node(), dev.kubesim.impl.net.Packet.opening(dev.kubesim.impl.net.IpProtocol.parse(packet.proto()),
            dev.kubesim.impl.net.Ip4.parse(packet.src()), packet.sport().orElse(0),
            dev.kubesim.impl.net.Ip4.parse(packet.dst()), packet.dport()));
    return new PacketResult(d.verdict().name(), java.util.Set.copyOf(d.backends()), d.masquerade());
  }
}
