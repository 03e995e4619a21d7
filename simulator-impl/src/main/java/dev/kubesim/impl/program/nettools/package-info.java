/**
 * The network clients containers run: {@code curl}, {@code wget}, {@code ping}, {@code nslookup}
 * and {@code dig}. Each resolves names as the image's C library does ({@code /etc/hosts}, then the
 * pod's resolv.conf and DNS queries as packets), talks over the packet network, prints what the
 * real tool prints for its image (curl 7.38 on Debian jessie, 7.88 on Debian 12, 8.11 on Alpine;
 * BusyBox's applets or iputils and BIND's tools), exits with the real codes, and leaves its trace
 * on the exec's result.
 *
 * <h2>Fidelity</h2>
 *
 * <ul>
 *   <li>HTTP only: an {@code https} URL connects, then fails as a TLS handshake with a plain-HTTP
 *       server does (curl exit 35); other schemes exit 1. No proxies, auth, HTTP/2 or keep-alive
 *       between URLs. Cookies: {@code -b NAME=VALUE}, and the cookie engine of {@code -b FILE} and
 *       {@code -c FILE} (Netscape files; {@code Max-Age} read, {@code Expires} not).
 *   <li>curl's progress meter is its first and last lines, not every update; {@code -v} output
 *       follows curl's wording for the version but not every informational line.
 *   <li>BusyBox nslookup asks for the name as given (no search list), as BusyBox 1.28 and later do.
 *   <li>dig sends no EDNS option, so no OPT pseudosection; its timing lines use virtual time.
 *   <li>ping without {@code -c} prints its first line and never ends (the exec reports {@code
 *       FOREVER}); at the terminal of an interactive exec the user's Ctrl-C stops it after {@code
 *       ShellSession.INTERRUPT_AFTER}, and it prints {@code ^C} (the terminal's echo) and its
 *       statistics.
 * </ul>
 */
package dev.kubesim.impl.program.nettools;
