/**
 * The stub resolver inside a container: how glibc and musl read {@code /etc/resolv.conf}, expand a
 * name through the search list and {@code ndots}, and walk the nameservers, one DNS query at a time.
 *
 * <p>Programs ({@code curl}, {@code wget}, {@code nslookup}) resolve names through it. The search
 * logic knows nothing of the network: every query goes through a {@link
 * dev.kubesim.impl.resolver.DnsTransport}. {@link dev.kubesim.impl.resolver.PacketDnsTransport}
 * sends it as a UDP packet from the pod's namespace through the network (kube-proxy's DNAT of the
 * kube-dns Service, conntrack, the CoreDNS pod), as {@code curl}, {@code nslookup} and the
 * conformance runner's {@code resolve} and {@code dns} verbs do; {@link
 * dev.kubesim.impl.resolver.NetworkDnsTransport} is the same for any pod by name. {@link
 * dev.kubesim.impl.resolver.ResolvConf} is also the kubelet's typed view of the file it writes.
 *
 * <pre>{@code
 * ResolverConfig conf = Libc.GLIBC.read(container.fs().read("/etc/resolv.conf"));
 * Resolution r = new Resolver(Libc.GLIBC, transport).lookup("default/client", conf, "kubia", "A");
 * r.tried();    // [kubia.default.svc.cluster.local.]
 * r.address();  // Optional[10.96.10.10]
 * }</pre>
 *
 * <h2>Fidelity</h2>
 *
 * <ul>
 *   <li>glibc ({@code resolv/res_query.c __res_context_search}, glibc 2.26 and later: any number of
 *       search entries): fewer dots than {@code ndots} tries the search list, then the name as it
 *       is; at least {@code ndots} tries it as it is first, then the search list; a trailing dot
 *       sends one query. NXDOMAIN, NODATA and SERVFAIL move on to the next search entry; any other
 *       failure ends the search, and the name as it is is still tried if it was not. {@code
 *       no-tld-query} and a root ({@code .}) search entry are honoured. Nameservers are asked in
 *       order; silence, SERVFAIL, REFUSED and NOTIMP move to the next one, {@code attempts} rounds.
 *   <li>musl ({@code src/network/lookup_name.c name_from_dns_search}): the search list is used only
 *       when the name has fewer dots than {@code ndots} and no trailing dot, the name as it is comes
 *       last; NXDOMAIN is the only failure that moves on: NODATA, SERVFAIL or silence end the
 *       lookup. A line longer than 254 characters is ignored whole; candidates of 256 characters or
 *       more are skipped. Nameservers are asked together; the first NOERROR or NXDOMAIN (in
 *       nameserver order) counts.
 *   <li>Not mirrored: {@code /etc/hosts} and nsswitch (callers look there first), {@code
 *       HOSTALIASES}, {@code LOCALDOMAIN} and {@code RES_OPTIONS}, {@code rotate}, parallel A and
 *       AAAA queries (one type per lookup), timeouts as durations, musl's immediate SERVFAIL retry.
 * </ul>
 */
package dev.kubesim.impl.resolver;
