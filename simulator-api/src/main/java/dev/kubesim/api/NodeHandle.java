package dev.kubesim.api;

/**
 * One node of a cluster, for failure drills: {@link #stop()} takes its kubelet down as a node
 * that lost power or network does, {@link #start()} brings it back. Obtained from {@link
 * Cluster#node(String)}; calls take the cluster's lock, like the cluster's own methods.
 *
 * <p>While a node is stopped its kubelet does nothing: no lease renewals, no pod status updates, no
 * probes, and {@code exec}/{@code logs} into its pods fail as the API server fails to reach it.
 * After the node-monitor grace period (40 s of virtual time) the node lifecycle controller marks it
 * {@code NotReady} and taints it {@code node.kubernetes.io/unreachable}; once the pods' toleration
 * of that taint runs out (300 s by default) they are evicted and their controllers replace them on
 * other nodes. The evicted pods stay {@code Terminating} until the node starts again.
 */
public interface NodeHandle {
  /** {@return the node's name ({@code node-1})} */
  String name();

  /** {@return the node's InternalIP} */
  String ip();

  /** Takes the node's kubelet down; nothing happens if it is already stopped. Returns at once. */
  void stop();

  /**
   * Brings the kubelet back: it renews its lease, reports {@code Ready}, resumes its pods and
   * finishes the ones marked for deletion meanwhile; then the cluster settles.
   */
  void start();

  /** {@return whether the node's kubelet runs} */
  boolean isRunning();

  /**
   * kube-proxy's rules on the node, as {@code iptables-save} prints them there.
   *
   * @return the nat and filter tables' chains and rules; empty when kube-proxy runs in another mode,
   *     which writes no iptables rules
   */
  String iptablesSave();

  /**
   * kube-proxy's {@code ip kube-proxy} table on the node, as {@code nft list ruleset} prints it
   * there, with the rules in the words kube-proxy writes them.
   *
   * @return the table's sets, maps and chains; empty when kube-proxy runs in another mode
   */
  String nftListRuleset();

  /**
   * What the node's netfilter hooks do with the first packet of a connection, as the network meets
   * them there, without sending it on: a packet of a connection conntrack already tracks replays
   * that connection's decision; any other meets kube-proxy's rules at nat OUTPUT when one of the
   * node's own addresses (or loopback) sent it, at nat PREROUTING otherwise. Time does not move.
   *
   * @param packet the packet
   * @return the verdict, the candidate endpoints and whether the packet is masqueraded
   * @throws IllegalArgumentException when the protocol or an address does not parse
   */
  NetfilterDecision netfilter(OpeningPacket packet);

  /**
   * Sends one DNS query (recursion desired) from the node's own network namespace to the cluster
   * DNS Service's address, as UDP packets: the node's kube-proxy rules DNAT it to a CoreDNS pod,
   * whose answer comes back through conntrack.
   *
   * @param name the fully qualified name ({@code kubia.default.svc.cluster.local.})
   * @param type the record type ({@code A}, {@code AAAA}, {@code SRV}, {@code PTR}, ...)
   * @return the response, or empty when none came back (lost, refused, or no DNS Service)
   */
  java.util.Optional<DnsResponse> queryDns(String name, String type);

  /**
   * Sends one HTTP request from the node's own network namespace, as {@code curl -k} on the node
   * would: the host resolves through the node's {@code /etc/resolv.conf} ({@link
   * ClusterOptions#hostResolvConf()}) with glibc's resolver, and the request goes on a new
   * connection through the node's kube-proxy rules and conntrack.
   *
   * @param request its {@link dev.kubesim.api.program.HttpRequest#target() target} is the URL
   *     ({@code http://kubia.default/}); the method, header fields (added to or replacing curl's
   *     {@code Host}, {@code User-Agent} and {@code Accept}) and body are sent; the addresses are
   *     ignored
   * @return the response, or curl's exit code and error for the failure, with the trace
   * @throws IllegalArgumentException when the target is not an http or https URL
   */
  HttpResult http(dev.kubesim.api.program.HttpRequest request);
}
