package dev.kubesim.impl.ingress;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One nginx location of a server: a path and path type and where it leads — a Service port, or
 * (empty) the controller's default backend. Every server has a root location {@code /} (Prefix)
 * that holds its default until a rule's own {@code /} Prefix path replaces it.
 *
 * @param defaultLocation whether this is still the server's default root (ingress-nginx's {@code IsDefBackend})
 * @param ingress the Ingress ({@code NS/NAME}) the backend came from, if any
 * @param rule the rule index of that Ingress; empty when the backend is its {@code defaultBackend}
 * @param pathIndex the index of the path in that rule's {@code http.paths}; empty with {@code rule}
 * @param sslRedirect the {@code ssl-redirect} setting of the Ingress that made the location
 * @param forceSslRedirect the {@code force-ssl-redirect} setting of that Ingress
 * @param preserveTrailingSlash the {@code preserve-trailing-slash} setting of that Ingress
 * @param regex whether the server writes its locations as regexes
 * @param rewriteTarget the {@code rewrite-target} of that Ingress
 * @param appRoot the {@code app-root} of that Ingress
 * @param redirect the {@code permanent-redirect} or {@code temporal-redirect} of that Ingress
 * @param sourceRange the {@code allowlist-source-range} of that Ingress
 * @param denied why the location answers 503 instead of proxying, if it does
 */
record Location(
    String path,
    String pathType,
    Optional<IngressBackendRef> backend,
    boolean defaultLocation,
    Optional<String> ingress,
    OptionalInt rule,
    OptionalInt pathIndex,
    boolean sslRedirect,
    boolean forceSslRedirect,
    boolean preserveTrailingSlash,
    boolean regex,
    Optional<String> rewriteTarget,
    Optional<String> appRoot,
    Optional<ReturnRedirect> redirect,
    SourceRange sourceRange,
    Optional<String> denied) {}
