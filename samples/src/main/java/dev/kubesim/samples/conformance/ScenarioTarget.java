package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The simulator machinery the probe verbs need beyond the {@link Cluster} API: containers,
 * the network, kube-proxy, DNS and the kubelet. The runner calls a method only when the matching
 * {@link Capabilities} flag is true, after resolving references and pod names, so an
 * implementation gets concrete values: pods as {@code NS/NAME}, addresses as text.
 *
 * <p>To support a verb: implement its method against the cluster, return a {@link Factory} whose
 * {@link Factory#capabilities()} has its flag set, and pass that factory to {@link ScenarioRunner}.
 */
public interface ScenarioTarget {
  /** Runs a command line in the pod's first container, like {@code kubectl exec POD -- COMMAND}. */
  ExecResult exec(String pod, String command);

  /** Sends one HTTP request on a new connection. */
  HttpResult http(HttpRequest request);

  /** What kube-proxy's rules on a node do with the first packet of a new connection. */
  PacketResult packet(Packet packet);

  /** One query to the cluster DNS service. */
  DnsResult dns(DnsQuery query);

  /** How the pod's resolver expands and looks up a name ({@code resolver}: glibc or musl). */
  Resolution resolve(String pod, String name, String resolver);

  /** The {@code /etc/resolv.conf} the kubelet gives the pod. */
  ResolvConf resolvConf(String pod);

  /** The environment of the pod's first container. */
  Map<String, String> env(String pod);

  /**
   * One connection attempt from a pod, as the NetworkPolicy e2e tests probe: a TCP connection
   * established, or a UDP or SCTP exchange answered.
   */
  ConnectResult connect(ConnectProbe probe);

  /** Where the ingress controller is reached from outside ({@code ip} or {@code ip:port}), if one runs. */
  Optional<String> ingressAddress();

  /** Makes the target of each scenario's cluster and says what targets of this kind can do. */
  interface Factory {
    /** The verbs and features the targets support. */
    Capabilities capabilities();

    /** The target for one scenario's cluster, made after the cluster is built. */
    ScenarioTarget create(Cluster cluster);

    /** Today's factory: no capability, and a target that refuses every call. */
    Factory NONE = new Factory() {
      @Override
      public Capabilities capabilities() {
        return Capabilities.NONE;
      }

      @Override
      public ScenarioTarget create(Cluster cluster) {
        return new Unsupported();
      }
    };
  }

  /** A process's output: standard output and error as the process wrote them, and its exit code. */
  record ExecResult(String stdout, String stderr, int exitCode) {}

  /**
   * An HTTP request.
   *
   * @param from {@code external}, {@code external:IP}, {@code node:NAME}, or a pod as {@code NS/NAME}
   * @param url the URL, references substituted
   * @param headers extra request headers ({@code Host})
   */
  record HttpRequest(String from, String url, Map<String, String> headers) {}

  /**
   * What an HTTP client saw.
   *
   * @param error empty when a response came back; otherwise {@code connection refused}, {@code
   *     timeout}, {@code no route} or {@code could not resolve}
   * @param status the HTTP status (0 without a response)
   * @param backend the Service port that handled the request, {@code NS/SERVICE:PORT}, if any
   * @param body the response body
   * @param servedBy the pod that answered, {@code NS/NAME}, if any
   */
  record HttpResult(Optional<String> error, int status, Optional<String> backend, String body, Optional<String> servedBy) {
    /** No response, for the given reason. */
    public static HttpResult failed(String error) {
      return new HttpResult(Optional.of(error), 0, Optional.empty(), "", Optional.empty());
    }
  }

  /** The first packet of a new connection entering a node. */
  record Packet(String node, String src, String dst, int dport, OptionalInt sport, String proto) {}

  /**
   * What kube-proxy's rules did with a packet.
   *
   * @param verdict {@code DNAT}, {@code REJECT}, {@code DROP}, {@code ACCEPT} or {@code NO_MATCH}
   * @param backends for DNAT, every candidate destination as {@code ip:port}
   * @param masquerade whether the packet was marked for source NAT
   */
  record PacketResult(String verdict, Set<String> backends, boolean masquerade) {}

  /** A DNS question; {@code from} is the querying pod ({@code NS/NAME}), if the step names one. */
  record DnsQuery(String name, String type, Optional<String> from) {}

  /** A DNS answer: the rcode and the answer section in order. */
  record DnsResult(String rcode, List<DnsRecord> answers) {}

  /** One resource record, {@code data} written as in a zone file. */
  record DnsRecord(String name, String type, long ttl, String data) {}

  /**
   * How a resolver looked up a name.
   *
   * @param tried the names queried, fully qualified, in order
   * @param address the address found, if any
   * @param rcode the rcode of the last query
   */
  record Resolution(List<String> tried, Optional<String> address, String rcode) {}

  /**
   * A connection attempt.
   *
   * @param from the client pod, {@code NS/NAME}
   * @param ip the address it connects to (a pod's, a ClusterIP)
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   */
  record ConnectProbe(String from, String ip, int port, String protocol) {}

  /**
   * How a connection attempt ended.
   *
   * @param connected whether the connection got through
   * @param detail for a failure, the client's own words for it (agnhost connect's {@code TIMEOUT},
   *     {@code REFUSED}, ...)
   */
  record ConnectResult(boolean connected, String detail) {}

  /** A resolv.conf's nameservers, search list and options. */
  record ResolvConf(List<String> nameservers, List<String> searches, List<String> options) {}

  /**
   * The target of {@link Factory#NONE}: every call fails, naming the verb. Extend it to implement
   * the verbs one at a time.
   */
  class Unsupported implements ScenarioTarget {
    private static UnsupportedOperationException no(String verb) {
      return new UnsupportedOperationException("not supported yet: " + verb);
    }

    @Override
    public ExecResult exec(String pod, String command) {
      throw no("exec");
    }

    @Override
    public HttpResult http(HttpRequest request) {
      throw no("http");
    }

    @Override
    public PacketResult packet(Packet packet) {
      throw no("packet");
    }

    @Override
    public DnsResult dns(DnsQuery query) {
      throw no("dns");
    }

    @Override
    public Resolution resolve(String pod, String name, String resolver) {
      throw no("resolve");
    }

    @Override
    public ResolvConf resolvConf(String pod) {
      throw no("resolvConf");
    }

    @Override
    public Map<String, String> env(String pod) {
      throw no("env");
    }

    @Override
    public ConnectResult connect(ConnectProbe probe) {
      throw no("connect");
    }

    @Override
    public Optional<String> ingressAddress() {
      return Optional.empty();
    }
  }
}
