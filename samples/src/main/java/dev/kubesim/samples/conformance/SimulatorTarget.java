package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.Libc;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.OpeningPacket;
import dev.kubesim.api.RunningPod;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
          return Set.of("musl", "nftables", "sctp");
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
   * requests go through the node's own client ({@link NodeHandle#http}). What the client saw is
   * read from the result's trace either way ({@link TracedAnswer}).
   */
  @Override
  public HttpResult http(HttpRequest request) {
    if (request.from().startsWith("node:")) {
      NodeHandle node = cluster.node(request.from().substring("node:".length()));
      dev.kubesim.api.program.HttpRequest r = dev.kubesim.api.program.HttpRequest.get(request.url());
      for (Map.Entry<String, String> h : request.headers().entrySet()) {
        r = r.withHeader(h.getKey(), h.getValue());
      }
      return new TracedAnswer(cluster).read(node.http(r));
    }
    return new CurlHttp(cluster).request(request);
  }

  /** The ingress-nginx add-on's namespace and the Service its controller publishes its address on. */
  private static final String INGRESS_NAMESPACE = "ingress-nginx";
  private static final String INGRESS_SERVICE = "ingress-nginx-controller";

  /** The first LoadBalancer address of the ingress-nginx controller's Service (port 80 implied). */
  @Override
  public Optional<String> ingressAddress() {
    return cluster.get(dev.kubesim.api.model.Service.class, INGRESS_NAMESPACE, INGRESS_SERVICE)
        .flatMap(dev.kubesim.api.model.Service::status)
        .flatMap(dev.kubesim.api.model.ServiceStatus::loadBalancer)
        .flatMap(lb -> lb.ingress().stream().findFirst())
        .flatMap(dev.kubesim.api.model.ServiceStatus.LoadBalancerIngress::ip);
  }

  /** The first container's environment as the runtime holds it (fixed when the container started). */
  @Override
  public Map<String, String> env(String pod) {
    return cluster.runningPod(pod).env("");
  }

  /** The resolv.conf the kubelet made for the pod's sandbox. */
  @Override
  public ResolvConf resolvConf(String pod) {
    dev.kubesim.api.ResolvConf r = cluster.runningPod(pod).resolvConf();
    return new ResolvConf(r.nameservers(), r.searches(), r.options());
  }

  /** The pod's libc reading its resolv.conf and asking the cluster DNS for an A record. */
  @Override
  public Resolution resolve(String pod, String name, String resolver) {
    Libc libc = switch (resolver.toLowerCase(Locale.ROOT)) {
      case "glibc" -> Libc.GLIBC;
      case "musl" -> Libc.MUSL;
      default -> throw new IllegalArgumentException("unknown resolver \"" + resolver + "\"; known: glibc, musl");
    };
    dev.kubesim.api.NameResolution r = cluster.runningPod(pod).resolve(name, libc);
    return new Resolution(r.tried(), r.address(), r.rcode().orElse("TIMEOUT"));
  }

  /** A client in the pod's first container, with what its image has ({@link ConnectProbes}). */
  @Override
  public ConnectResult connect(ConnectProbe probe) {
    RunningPod running = cluster.runningPod(probe.from());
    Pod pod = cluster.get(Pod.class, running.namespace(), running.name()).orElseThrow();
    String container = pod.specOrEmpty().containers().get(0).name().orElse("");
    ConnectProbes.Probe p = ConnectProbes.choose(probe, argv -> running.canExec(container, argv))
        .orElseThrow(() -> new StepFailure("a client for " + probe.protocol() + " in " + probe.from() + "'s container "
            + container, "none in image " + statusImage(pod, container) + " (" + ConnectProbes.TOOLS + ")"));
    dev.kubesim.api.ExecResult r = cluster.exec(probe.from(), container, p.argv());
    return p.result(new ExecResult(r.stdout(), r.stderr(), r.exitCode()));
  }

  /** The image as the container's status shows it. */
  private static String statusImage(Pod pod, String container) {
    return pod.status().map(PodStatus::containerStatuses).orElse(java.util.List.of()).stream()
        .filter(s -> s.name().filter(container::equals).isPresent())
        .flatMap(s -> s.image().stream())
        .findFirst()
        .orElse("");
  }

  @Override
  public ExecResult exec(String pod, String command) {
    dev.kubesim.api.ExecResult r = cluster.execLine(pod, command);
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
    Optional<dev.kubesim.api.DnsResponse> answer = query.from().isPresent()
        // a pod that does not exist, or is on no node, fails the step rather than timing out
        ? cluster.runningPod(query.from().get()).queryDns(query.name(), query.type())
        : cluster.node(cluster.options().nodes().get(0).name()).queryDns(query.name(), query.type());
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
    dev.kubesim.api.NetfilterDecision d = cluster.node(packet.node()).netfilter(new OpeningPacket(packet.proto(),
        packet.src(), packet.sport().orElse(0), packet.dst(), packet.dport()));
    return new PacketResult(d.verdict().name(), java.util.Set.copyOf(d.backends()), d.masquerade());
  }
}
