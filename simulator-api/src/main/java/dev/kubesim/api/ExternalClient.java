package dev.kubesim.api;

import java.util.List;

/**
 * A host outside the cluster — a laptop on the internet side of the nodes' network — that runs
 * the client commands a pod runs: {@code curl}, {@code wget}, {@code ping}, {@code nslookup},
 * {@code dig} and the shell ({@code sh -c '...'}), on a Debian 12 userland (curl 7.88.1, iputils
 * ping). Obtained from {@link Cluster#external()} or {@link Cluster#external(String)}.
 *
 * <pre>{@code
 * ExternalClient laptop = cluster.external();
 * ExecResult r = laptop.exec("curl", "-s", "http://" + lbAddress + "/");
 * r.stdout();                  // "You've hit kubia-x7k2p\n"
 * r.trace().get().render();    // SYN out of 203.0.113.2, the cloud load balancer, kube-proxy's DNAT, ...
 * }</pre>
 *
 * <p>What it reaches, as a client outside a real cluster does:
 *
 * <ul>
 *   <li>the nodes' addresses, so every nodePort;
 *   <li>LoadBalancer addresses, through the cloud's load balancer, which checks {@code
 *       loadBalancerSourceRanges}, picks a healthy node (for {@code externalTrafficPolicy: Local}
 *       one with a ready local endpoint) and forwards to its nodePort — or, without nodePorts, to
 *       the node with the load balancer address kept; replies come back from the load balancer's
 *       address;
 *   <li>Services' {@code externalIPs}, which the router in front of the nodes sends to the first
 *       Ready node in name order, where kube-proxy's rules for the address decide;
 *   <li>not ClusterIPs nor pod IPs: nothing outside the cluster routes them, and the connection
 *       times out.
 * </ul>
 *
 * <p>It has no cluster DNS: its {@code /etc/resolv.conf} names the upstream resolver the nodes use,
 * which knows only the cluster option {@code upstreamDns}, so a Service name fails as curl's
 * {@code (6) Could not resolve host: NAME}. Files written by one {@code exec} are there for the
 * next. The methods take the cluster's lock, like the cluster's own.
 */
public interface ExternalClient {
  /** The address of {@link Cluster#external()}: a host of TEST-NET-3 (RFC 5737), outside every cluster range. */
  String DEFAULT_ADDRESS = "203.0.113.2";

  /** {@return the host's IPv4 address, the source of its packets} */
  String address();

  /**
   * Runs a command on the host, as a pod's {@link Cluster#exec(String, String...)} does: the
   * process's output and exit code, the virtual time it took, and the trace of what it sent over
   * the network ({@link ExecResult#trace()}, empty when it sent nothing). The cluster settles
   * afterwards.
   *
   * @param command the program and its arguments
   * @return the process's output, exit code, virtual time and trace
   * @throws IllegalArgumentException when the command is empty
   */
  ExecResult exec(String... command);

  /**
   * {@link #exec(String...)} with the command line as a list.
   *
   * @param command the program and its arguments
   * @return the process's output, exit code, virtual time and trace
   */
  ExecResult exec(List<String> command);

  /**
   * Sends one HTTP request from the host, as {@code curl} on it would (see {@link
   * Cluster#http(String, dev.kubesim.api.program.HttpRequest)}): the request's target is the URL.
   *
   * @param request the request
   * @return the result: the response, or the error curl would report, with the trace
   * @throws IllegalArgumentException when the target is not a URL
   */
  HttpResult http(dev.kubesim.api.program.HttpRequest request);

  /**
   * {@link #http(dev.kubesim.api.program.HttpRequest)} with a {@code GET} of this URL.
   *
   * @param url the URL, as curl takes it
   * @return {@link #http(dev.kubesim.api.program.HttpRequest)} with a {@code GET} of this URL
   */
  default HttpResult http(String url) {
    return http(dev.kubesim.api.program.HttpRequest.get(url));
  }
}
