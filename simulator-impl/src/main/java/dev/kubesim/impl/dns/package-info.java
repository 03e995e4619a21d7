/**
 * CoreDNS as kubeadm installs it: the {@code kubernetes} plugin ({@code pods insecure}, {@code
 * fallthrough in-addr.arpa ip6.arpa}, {@code ttl 30}), {@code forward . /etc/resolv.conf} to the
 * cluster's upstream resolver, {@code cache 30} with caching disabled for the cluster domain, and
 * {@code loadbalance}. The answers follow the Kubernetes DNS specification (schema 1.1.0) as
 * CoreDNS implements it, NXDOMAIN and NODATA included.
 *
 * <p>{@link dev.kubesim.impl.dns.CoreDns} answers one question whatever carried it; {@link
 * dev.kubesim.impl.dns.ClusterDns} holds the CoreDNS pods' servers, which {@link
 * dev.kubesim.impl.dns.DnsDatagrams} puts on the packet network behind the {@code kube-dns}
 * Service. Everything reads the API server through watches,
 * so a query costs O(answer size), and every draw and timestamp comes from the cluster's seed and
 * virtual clock.
 */
package dev.kubesim.impl.dns;
