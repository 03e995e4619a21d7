/**
 * The packet network: IPv4 addresses and prefixes, packets (TCP with its flags, UDP, ICMP; payloads
 * as HTTP or DNS messages), network namespaces (each node's, each pod's behind a veth on the node's
 * cni0 bridge, {@code hostNetwork} pods sharing the node's, hosts outside the cluster), routing by
 * longest prefix (hashed per prefix length), conntrack per node (5-tuple, NAT, reply direction),
 * and the netfilter hooks where kube-proxy's rules decide a new connection ({@link
 * dev.kubesim.impl.net.Netfilter}). Every packet crosses links in virtual time and every hop is
 * recorded in the session's trace.
 *
 * <h2>The way of a packet</h2>
 *
 * <pre>
 * pod eth0 --veth 50 µs--&gt; node: RECEIVE, nat PREROUTING (conntrack; kube-proxy's DNAT / REJECT / DROP),
 *   routing: own address (INPUT) | own pod CIDR (cni0) | another node's pod CIDR (via its InternalIP)
 *            | another node's address | default route (outside: CNI masquerade for pods)
 *   nat POSTROUTING (MASQUERADE when marked; un-DNAT of replies) --link--&gt; next node or the pod
 *
 * outside host eth0 --1 ms--&gt; a node's address: that node
 *                           | anything else: the gateway ({@link dev.kubesim.impl.net.Gateway}: the
 *                             cloud's load balancer DNATs to a node's nodePort or keeps its address;
 *                             the router sends an externalIP to a node; the rest is lost)
 *   replies leaving a node for the outside pass the same element, which turns their source back
 * </pre>
 *
 * <h2>Clients</h2>
 *
 * {@link dev.kubesim.impl.net.TcpConnection} (handshake, data, close), {@link
 * dev.kubesim.impl.net.HttpClient} (one request on a new connection), {@link
 * dev.kubesim.impl.net.UdpExchange} (one datagram and its answer: DNS), {@link
 * dev.kubesim.impl.net.IcmpEcho} (ping). Each runs in a {@link dev.kubesim.impl.net.Session}: its own
 * virtual clock from the cluster's current instant, and a trace. A server that opens a connection
 * of its own while answering (ingress-nginx to its upstream) gets the client's session with the
 * data ({@link dev.kubesim.impl.net.Sockets#receive}) and runs its connection on {@link
 * dev.kubesim.impl.net.Session#nested()}, so the client's trace and clock include it; its response
 * carries a {@link dev.kubesim.impl.net.ProxyAnswer} saying which upstream answered.
 *
 * <pre>{@code
 * Network net = cluster.network();
 * Netns client = net.outsideHost("203.0.113.10");              // or net.at(podIp), net.node(n).netns()
 * Session s = net.session("GET http://192.168.49.2:30123/");
 * HttpClient.Result r = HttpClient.fetch(net, s, client, Ip4.parse("192.168.49.2"), 30123,
 *     HttpRequest.get("/").withHeader("Host", "192.168.49.2:30123"), Long.MAX_VALUE, Long.MAX_VALUE);
 * Trace t = s.finish(new Disposition(kind, r.cause(), r.answeredBy(), r.summary()));
 * }</pre>
 *
 * <h2>Fidelity</h2>
 *
 * <ul>
 *   <li>IPv4 only. One flat node network (every node reaches every other directly); pod CIDRs are
 *       routed host-gw style (a route per other node's pod CIDR via its InternalIP), no overlay.
 *   <li>TCP is the handshake, one data segment each way per exchange and the close; no windows,
 *       no segmentation, no retransmission of data (a lost data segment waits for the client's
 *       deadline). SYNs are retransmitted after 1, 2, 4 ... s and the kernel gives up at 127 s.
 *   <li>The sender's and the receiver's namespaces keep no conntrack of their own (they do no NAT);
 *       nodes' conntrack follows the kernel's default timeouts.
 *   <li>An address nobody has swallows packets (no ARP failure, no ICMP host-unreachable); from
 *       outside, that includes ClusterIPs and pod IPs.
 *   <li>Between the outside and the nodes there is one element per kind (load balancer, router)
 *       with one connection table for all; it adds no latency of its own.
 *   <li>A node that is down (its kubelet stopped) loses every packet to or through it.
 * </ul>
 */
package dev.kubesim.impl.net;
