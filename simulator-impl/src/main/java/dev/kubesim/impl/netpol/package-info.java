/**
 * NetworkPolicy as a CNI plugin enforces it. {@link dev.kubesim.impl.netpol.NetworkPolicyEnforcer}
 * follows NetworkPolicies, pods and namespaces through watches, compiles each policy once ({@link
 * dev.kubesim.impl.netpol.CompiledPolicy}: selectors, CIDRs, port ranges), and answers the
 * network's {@link dev.kubesim.impl.net.PodFirewall} questions for each new connection: egress on
 * the client's node, ingress on the server's, after kube-proxy's DNAT.
 *
 * <h2>Semantics (the NetworkPolicy API reference and the upstream e2e tests)</h2>
 *
 * <ul>
 *   <li>A pod is isolated for a direction when a policy of its namespace selects it and lists the
 *       direction in {@code policyTypes}; a connection to (from) an isolated pod passes when any
 *       rule of any selecting policy admits it (the union), and is dropped otherwise.
 *   <li>A rule admits when one of its peers matches (no peers: every peer) and one of its ports
 *       matches (no ports: every port and protocol, ICMP included).
 *   <li>Peers: {@code podSelector} alone selects pods of the policy's namespace; {@code
 *       namespaceSelector} alone, every pod of the matching namespaces; both together, the pods
 *       matching the pod selector in the matching namespaces; {@code ipBlock}, addresses in the CIDR
 *       and in none of the {@code except} CIDRs (pod IPs included).
 *   <li>Ports: by number, by range ({@code endPort}) or by name, a name resolved on the
 *       destination pod's container ports of that protocol.
 *   <li>Traffic between a pod and its own node is always allowed; {@code hostNetwork} pods are not
 *       subject to policies. Replies and the rest of an admitted connection pass through conntrack.
 * </ul>
 */
package dev.kubesim.impl.netpol;
