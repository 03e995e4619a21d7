/**
 * The simulated cloud: the cloud-controller-manager's service controller, which provisions a load
 * balancer address for every LoadBalancer Service, the load balancers themselves, which send each
 * new connection to a healthy node, and the router in front of the nodes, which routes Services'
 * externalIPs to a node ({@link dev.kubesim.impl.cloud.CloudNetwork}, the packet network's gateway).
 *
 * <p>Fidelity notes:
 *
 * <ul>
 *   <li>Addresses come from one IPv4 range, {@value dev.kubesim.impl.cloud.LoadBalancerPool#DEFAULT_RANGE}
 *       (kind's Docker network, as the MetalLB guides for kind configure it), lowest free first.
 *       {@code spec.loadBalancerIP} is honoured whenever no other Service holds the address, in the
 *       range or not (a static address the user reserved); IPv6 and hostnames are not assigned.
 *   <li>Provisioning takes a fixed two seconds of virtual time; a Service whose requested address
 *       is taken waits until one is released, instead of retrying with backoff.
 *   <li>Health: a node is up while its {@code Ready} condition is {@code True} (standing for the
 *       node and kube-proxy's {@code /healthz}); for {@code externalTrafficPolicy: Local} it must
 *       also hold a ready endpoint of the Service (kube-proxy's answer on the health-check
 *       nodePort). The node is drawn at random per connection (seeded stream {@code cloud/lb});
 *       real load balancers hash the connection's addresses.
 *   <li>The client's address is preserved (a pass-through network load balancer). Without
 *       nodePorts the packet reaches the node addressed to the load balancer IP itself. Replies
 *       go back through the load balancer, which turns their source back into its own address.
 *   <li>The router sends each externalIP to the first Ready node in name order (a static route an
 *       administrator would set); it does not follow a node that is down until the node is
 *       NotReady.
 * </ul>
 */
package dev.kubesim.impl.cloud;
