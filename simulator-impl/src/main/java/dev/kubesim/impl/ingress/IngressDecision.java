package dev.kubesim.impl.ingress;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.trace.HopSubject;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ingress controller's L7 decision for one request, recorded so that a trace can show it: the
 * nginx server the Host selected, the location the path selected and where that leads — a Service
 * port, the controller's own default backend (404), or the redirect of plain HTTP to HTTPS.
 *
 * @param outcome what the controller does with the request
 * @param host the request's host as matched (lower case, without port)
 * @param path the request path as matched (without query)
 * @param tls whether the request came over HTTPS
 * @param server the server that took the host: the host itself, a wildcard ({@code *.foo.com}) or
 *     {@code _}, the catch-all
 * @param ingress the Ingress ({@code NS/NAME}) whose rule, path or default backend decided, if any
 * @param rule the index in that Ingress's {@code spec.rules}, empty for its {@code defaultBackend}
 * @param pathIndex the index of the matched path in that rule's {@code http.paths}, empty with {@code rule}
 * @param matchedPath the location's path, e.g. {@code /foo}
 * @param pathType {@code Exact}, {@code Prefix} or {@code ImplementationSpecific}
 * @param backend the Service port, for {@link Outcome#PROXY}
 * @param certificate for TLS, the certificate presented: {@code secret NS/NAME} or the
 *     controller's fake certificate
 * @param redirectTo the {@code Location} of a redirect (for a {@code return} whose code is not a redirect's, its body)
 * @param rewrittenPath the path the request goes upstream with after {@code rewrite-target}, if the location rewrites
 * @param status the status the controller answers with itself (308, 302, 301, 503, 403, 404), 0 when it proxies
 * @param detail what decided a refusal or a redirect other than to HTTPS: the annotation, the denial's
 *     reason, the client address and the allowed ranges
 */
public record IngressDecision(
    Outcome outcome,
    String host,
    String path,
    boolean tls,
    String server,
    Optional<String> ingress,
    OptionalInt rule,
    OptionalInt pathIndex,
    String matchedPath,
    String pathType,
    Optional<IngressBackendRef> backend,
    Optional<String> certificate,
    Optional<String> redirectTo,
    Optional<String> rewrittenPath,
    int status,
    Optional<String> detail) implements HopSubject {
  /** What the controller does with a request, in the order nginx's phases decide. */
  public enum Outcome {
    /** Proxied to one of the Service port's ready endpoints. */
    PROXY,
    /** Answered by the controller's default backend: {@code 404 Not Found}. */
    DEFAULT_BACKEND,
    /** Plain HTTP to a host with TLS: {@code 308 Permanent Redirect} to HTTPS. */
    REDIRECT,
    /** {@code app-root}: a request for {@code /} is sent to the application's root ({@code 302}). */
    APP_ROOT,
    /** {@code permanent-redirect} / {@code temporal-redirect}: nginx's {@code return CODE URL}. */
    RETURN,
    /** A location ingress-nginx denied for an annotation it could not read: {@code 503}. */
    DENIED,
    /** The client's address is outside the location's {@code allowlist-source-range}: {@code 403 Forbidden}. */
    FORBIDDEN
  }

  public IngressDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(ingress, "ingress");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pathIndex, "pathIndex");
    Objects.requireNonNull(matchedPath, "matchedPath");
    Objects.requireNonNull(pathType, "pathType");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(redirectTo, "redirectTo");
    Objects.requireNonNull(rewrittenPath, "rewrittenPath");
    Objects.requireNonNull(detail, "detail");
  }

  /** The Ingress that decided, for the trace's {@code PROXY} hop. */
  @Override
  public Optional<ObjectRef> hopObject() {
    return ingress.flatMap(i -> ObjectRef.parse("ingress/" + i));
  }

  /**
   * The field of the Ingress that decided, as Kubernetes writes field paths: the path of a rule
   * ({@code spec.rules[0].http.paths[1]}), so that a reader finds the backend it names, or {@code
   * spec.defaultBackend}.
   */
  @Override
  public Optional<String> hopRule() {
    if (ingress.isEmpty()) {
      return Optional.empty();
    }
    if (rule.isEmpty()) {
      return Optional.of("spec.defaultBackend");
    }
    String r = "spec.rules[" + rule.getAsInt() + "]";
    return Optional.of(pathIndex.isPresent() ? r + ".http.paths[" + pathIndex.getAsInt() + "]" : r);
  }

  /**
   * One line for a trace, e.g. {@code host foo.bar.com path /foo/x -> server foo.bar.com, location
   * /foo (Prefix) of ingress default/fanout rule 0 -> service default/service1:4200}.
   */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(tls ? "https " : "http ").append("host ").append(host.isEmpty() ? "<none>" : host).append(" path ").append(path)
        .append(" -> server ").append(server).append(", location ").append(matchedPath).append(" (").append(pathType).append(")");
    ingress.ifPresent(i -> s.append(" of ingress ").append(i));
    if (ingress.isPresent()) {
      s.append(rule.isPresent() ? " rule " + rule.getAsInt() : " defaultBackend");
    }
    s.append(" -> ");
    switch (outcome) {
      case PROXY -> {
        s.append("service ").append(backend.map(IngressBackendRef::toString).orElse("?"));
        rewrittenPath.ifPresent(p -> s.append(" (rewrite-target: URI ").append(p).append(')'));
      }
      case DEFAULT_BACKEND -> s.append("the controller's default backend (404)");
      case REDIRECT -> s.append("308 to ").append(redirectTo.orElse("?"));
      case APP_ROOT, RETURN -> {
        s.append(status).append(redirectTo.isPresent() ? " to " + redirectTo.get() : "");
        detail.ifPresent(d -> s.append(" (").append(d).append(')'));
      }
      case DENIED -> s.append("location denied (503): ").append(detail.orElse("?"));
      case FORBIDDEN -> s.append("403 Forbidden: ").append(detail.orElse("?"));
    }
    certificate.ifPresent(c -> s.append(" [certificate: ").append(c).append("]"));
    return s.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
