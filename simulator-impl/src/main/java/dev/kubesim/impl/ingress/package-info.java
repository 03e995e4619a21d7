/**
 * The ingress-nginx controller. Its control plane ({@link
 * dev.kubesim.impl.ingress.IngressController}): which Ingresses it serves, the nginx servers and
 * locations it makes of them ({@link dev.kubesim.impl.ingress.RoutingTable}) and the Ingress status
 * it publishes. Its data plane, nginx: the L7 decision for a request ({@link
 * dev.kubesim.impl.ingress.IngressDecision}) and the upstream request to a ready endpoint of the
 * backend Service ({@link dev.kubesim.impl.ingress.NginxProxy}), proxied over the packet network
 * ({@link dev.kubesim.impl.ingress.NetworkProxy}).
 *
 * <p>Fidelity notes:
 *
 * <ul>
 *   <li>Path matching follows the Ingress spec: a {@code Prefix} path {@code /aaa/bbb/} takes
 *       {@code /aaa/bbb} directly, where nginx answers with a 301 to the path with the slash (which
 *       clients that follow redirects end up at the same backend through).
 *   <li>Only the hosts listed in {@code spec.tls} are TLS hosts (certificate, 308 redirect of plain
 *       HTTP); ingress-nginx also gives the other hosts of such an Ingress its fake certificate and
 *       redirects them. Certificates are not parsed beyond their PEM framing, so names and expiry
 *       are not checked.
 *   <li>Annotations honoured ({@link dev.kubesim.impl.ingress.IngressAnnotations}): {@code
 *       ssl-redirect}, {@code force-ssl-redirect}, {@code use-regex}, {@code rewrite-target}, {@code
 *       app-root}, {@code permanent-redirect} and {@code temporal-redirect} with their codes, {@code
 *       allowlist-source-range} (and {@code whitelist-source-range}), and cookie {@code affinity}
 *       ({@link dev.kubesim.impl.ingress.StickyBalancer}: the persistent mode's keys are the real
 *       ones, the balanced mode's ring is CRC32 with 160 points per endpoint instead of
 *       lua-resty-balancer's chash); the others (canaries, auth, snippets, …) are ignored, and the
 *       admission webhook that would refuse an Ingress with an invalid redirect is not run.
 *       ExternalName backends get 503.
 *   <li>The second connection (controller pod to endpoint) crosses the packet network nested in
 *       the client's session: the client's trace shows the decision ({@code PROXY}), that
 *       connection and then the answer, and the client's result names the backend pod ({@code
 *       HttpClient.Result.answeredBy()}). nginx closes the upstream connection before it answers
 *       (the real one keeps it alive for the next request), and the client's time limit is checked
 *       only when the answer arrives.
 *   <li>The status is written after each sync instead of every 60 seconds; the upstream is drawn at
 *       random among ready endpoints (stream {@code ingress/upstream}) instead of round robin with
 *       a random start; a failed upstream gives 502 without nginx's retry of the next endpoint.
 * </ul>
 */
package dev.kubesim.impl.ingress;
