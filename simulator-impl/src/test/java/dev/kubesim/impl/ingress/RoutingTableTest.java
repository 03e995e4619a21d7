package dev.kubesim.impl.ingress;

import static dev.kubesim.impl.ingress.Ingresses.ingress;
import static dev.kubesim.impl.ingress.Ingresses.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.ingress.IngressDecision.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  /** A rule for {@code host} (empty: no host) with paths given as {@code path type service:port}. */
  private static String rule(String host, String... paths) {
    StringBuilder s = new StringBuilder(host.isEmpty() ? "    - http:\n" : "    - host: '" + host + "'\n      http:\n");
    s.append("        paths:\n");
    for (String p : paths) {
      String[] f = p.split(" ");
      String[] backend = f[2].split(":");
      String port = backend[1].matches("\\d+") ? "{number: " + backend[1] + "}" : "{name: " + backend[1] + "}";
      s.append("        - path: ").append(f[0]).append("\n          pathType: ").append(f[1])
          .append("\n          backend: {service: {name: ").append(backend[0]).append(", port: ").append(port).append("}}\n");
    }
    return s.toString();
  }

  private static String backendOf(RoutingTable t, String host, String path) {
    IngressDecision d = t.route(host, path, false);
    return d.outcome() == Outcome.PROXY ? d.backend().orElseThrow().toString() : d.outcome().toString();
  }

  @Test
  void exactBeatsPrefixOfEqualLength() {
    RoutingTable t = table(ingress("mixed", rule("h", "/foo Prefix prefix:80", "/foo Exact exact:80")));

    assertThat(backendOf(t, "h", "/foo")).isEqualTo("default/exact:80");
    assertThat(backendOf(t, "h", "/foo/")).isEqualTo("default/prefix:80");
  }

  @Test
  void longerExactBeatsShorterPrefixButNotOnATrailingSlash() {
    RoutingTable t = table(ingress("prec", rule("h", "/foo Prefix p-foo:80", "/foo/bar Exact e-foo-bar:80")));

    assertThat(backendOf(t, "h", "/foo/bar")).isEqualTo("default/e-foo-bar:80");
    assertThat(backendOf(t, "h", "/foo/bar/")).isEqualTo("default/p-foo:80");
  }

  @Test
  void prefixMatchesElementWise() {
    RoutingTable t = table(ingress("p", rule("h", "/foo Prefix foo:80", "/aaa/bbb/ Prefix slash:80")));

    assertThat(backendOf(t, "h", "/foo")).isEqualTo("default/foo:80");
    assertThat(backendOf(t, "h", "/foo/")).isEqualTo("default/foo:80");
    assertThat(backendOf(t, "h", "/foo/bar")).isEqualTo("default/foo:80");
    assertThat(backendOf(t, "h", "/foobar")).isEqualTo("DEFAULT_BACKEND");
    assertThat(backendOf(t, "h", "/aaa/bbb")).as("a trailing slash on the path is ignored").isEqualTo("default/slash:80");
    assertThat(backendOf(t, "h", "/aaa/bbbc")).isEqualTo("DEFAULT_BACKEND");
  }

  @Test
  void longestMatchingPrefixWins() {
    RoutingTable t = table(ingress("p", rule("h", "/ Prefix root:80", "/aaa Prefix aaa:80", "/aaa/bbb Prefix aaabbb:80")));

    assertThat(backendOf(t, "h", "/aaa/ccc")).isEqualTo("default/aaa:80");
    assertThat(backendOf(t, "h", "/aaa/bbb/ccc")).isEqualTo("default/aaabbb:80");
    assertThat(backendOf(t, "h", "/ccc")).isEqualTo("default/root:80");
  }

  @Test
  void exactMatchesOnlyTheSameString() {
    RoutingTable t = table(ingress("e", rule("h", "/foo Exact foo:80")));

    assertThat(backendOf(t, "h", "/foo")).isEqualTo("default/foo:80");
    assertThat(backendOf(t, "h", "/foo/")).isEqualTo("DEFAULT_BACKEND");
    assertThat(backendOf(t, "h", "/foo?x=1")).as("the query is not part of the path").isEqualTo("default/foo:80");
  }

  @Test
  void implementationSpecificIsAnNginxStringPrefix() {
    RoutingTable t = table(ingress("i", rule("h", "/foo ImplementationSpecific foo:80")));

    assertThat(backendOf(t, "h", "/foobar")).isEqualTo("default/foo:80");
  }

  @Test
  void wildcardHostMatchesOneLabel() {
    RoutingTable t = table(ingress("w", rule("foo.bar.com", "/bar Prefix s1:80") + rule("*.foo.com", "/foo Prefix s2:80")));

    assertThat(backendOf(t, "bar.foo.com", "/foo")).isEqualTo("default/s2:80");
    assertThat(backendOf(t, "baz.bar.foo.com", "/foo")).isEqualTo("DEFAULT_BACKEND");
    assertThat(backendOf(t, "foo.com", "/foo")).isEqualTo("DEFAULT_BACKEND");
    assertThat(t.route("bar.foo.com", "/foo", false).server()).isEqualTo("*.foo.com");
  }

  @Test
  void aMatchedHostDoesNotFallBackToOtherRulesPaths() {
    RoutingTable t = table(ingress("w", rule("foo.bar.com", "/bar Prefix s1:80") + rule("*.foo.com", "/foo Prefix s2:80")));

    assertThat(backendOf(t, "foo.bar.com", "/foo")).isEqualTo("DEFAULT_BACKEND");
  }

  @Test
  void hostIsMatchedWithoutCaseAndPort() {
    RoutingTable t = table(ingress("v", rule("foo.bar.com", "/ Prefix s1:80")));

    assertThat(backendOf(t, "Foo.Bar.COM:8080", "/")).isEqualTo("default/s1:80");
  }

  @Test
  void ruleWithoutHostMatchesAnyHost() {
    RoutingTable t = table(ingress("v", rule("first.bar.com", "/ Prefix s1:80") + rule("", "/ Prefix s3:80")));

    assertThat(backendOf(t, "third.example.org", "/")).isEqualTo("default/s3:80");
    assertThat(backendOf(t, "first.bar.com", "/")).isEqualTo("default/s1:80");
  }

  @Test
  void unknownHostGoesToTheDefault404() {
    RoutingTable t = table(ingress("v", rule("foo.bar.com", "/ Prefix s1:80")));

    IngressDecision d = t.route("baz.com", "/", false);

    assertThat(d.outcome()).isEqualTo(Outcome.DEFAULT_BACKEND);
    assertThat(d.server()).isEqualTo("_");
    assertThat(d.ingress()).isEmpty();
    assertThat(d.describe()).contains("the controller's default backend (404)");
  }

  @Test
  void anIngressDefaultBackendTakesWhatNoRuleMatches() {
    RoutingTable t = table("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: fallback}
        spec:
          ingressClassName: nginx
          defaultBackend: {service: {name: fallback, port: {number: 80}}}
          rules:
          - host: a.com
            http:
              paths:
              - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
        """);

    assertThat(backendOf(t, "a.com", "/api")).isEqualTo("default/api:80");
    assertThat(backendOf(t, "a.com", "/other")).as("its own host").isEqualTo("default/fallback:80");
    assertThat(backendOf(t, "b.com", "/api")).as("the catch-all").isEqualTo("default/fallback:80");
    assertThat(t.route("a.com", "/other", false).rule()).isEmpty();
  }

  @Test
  void theDecisionsRuleNamesTheMatchedPathOfItsIngress() {
    RoutingTable t = table(ingress("fanout", rule("other", "/ Prefix other:80") + rule("h", "/foo Prefix foo:80", "/bar Prefix bar:80")));

    assertThat(t.route("h", "/bar/x", false).hopRule()).contains("spec.rules[1].http.paths[1]");
    assertThat(t.route("h", "/foo", false).hopRule()).contains("spec.rules[1].http.paths[0]");
    assertThat(t.route("nobody", "/foo", false).hopRule()).as("the controller's own default backend").isEmpty();
  }

  @Test
  void theOldestIngressKeepsAPathDefinedTwice() {
    RoutingTable t = table(ingress("old", rule("h", "/foo Prefix old:80")) + "---\n" + ingress("new", rule("h", "/foo Prefix new:80")));

    IngressDecision d = t.route("h", "/foo", false);

    assertThat(d.backend().map(Object::toString)).contains("default/old:80");
    assertThat(d.ingress()).contains("default/old");
  }

  @Test
  void tlsHostRedirectsPlainHttp() {
    RoutingTable t = table(tlsIngress(Optional.empty()));

    IngressDecision d = t.route("foo.bar.com", "/a?b=c", false);

    assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
    assertThat(d.redirectTo()).contains("https://foo.bar.com/a?b=c");
    assertThat(t.route("foo.bar.com", "/a", true).outcome()).isEqualTo(Outcome.PROXY);
    assertThat(t.route("other.bar.com", "/", false).outcome()).as("a host not listed in spec.tls").isEqualTo(Outcome.PROXY);
  }

  @Test
  void sslRedirectFalseServesPlainHttp() {
    RoutingTable t = table(tlsIngress(Optional.of("nginx.ingress.kubernetes.io/ssl-redirect: \"false\"")));

    assertThat(t.route("foo.bar.com", "/", false).outcome()).isEqualTo(Outcome.PROXY);
  }

  @Test
  void httpsPresentsTheSecretsCertificateOrTheFakeOne() {
    String secret = """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: tls}
        type: kubernetes.io/tls
        data:
          tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
          tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==
        """;
    RoutingTable withSecret = table(tlsIngress(Optional.empty()) + secret);
    RoutingTable without = table(tlsIngress(Optional.empty()));

    assertThat(withSecret.route("foo.bar.com", "/", true).certificate()).contains("secret default/tls");
    assertThat(without.route("foo.bar.com", "/", true).certificate()).contains("Kubernetes Ingress Controller Fake Certificate");
    assertThat(withSecret.route("unknown.com", "/", true).certificate()).contains("Kubernetes Ingress Controller Fake Certificate");
  }

  @Test
  void aNamedBackendPortIsKeptAsWritten() {
    RoutingTable t = table(ingress("n", rule("h", "/ Prefix svc:http")));

    assertThat(backendOf(t, "h", "/")).isEqualTo("default/svc:http");
  }

  @Test
  void nginxsPhasesOrderTheAnnotationsAppRootThenReturnThenHttpsThenTheAllowlist() {
    RoutingTable appRoot = table(tlsIngress(Optional.of("nginx.ingress.kubernetes.io/app-root: /app1")));
    assertThat(appRoot.route("foo.bar.com", "/", false).outcome()).as("server-level, before the redirect to HTTPS")
        .isEqualTo(Outcome.APP_ROOT);
    assertThat(appRoot.route("foo.bar.com", "/", false).redirectTo()).contains("http://foo.bar.com/app1");
    assertThat(appRoot.route("foo.bar.com", "/x", false).outcome()).isEqualTo(Outcome.REDIRECT);

    RoutingTable both = table(tlsIngress(Optional.of("nginx.ingress.kubernetes.io/permanent-redirect: https://elsewhere.com, "
        + "nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8")));
    IngressDecision outsider = both.route("foo.bar.com", "/x", false, Optional.of("203.0.113.9"));
    assertThat(outsider.outcome()).as("return comes in the rewrite phase, before access").isEqualTo(Outcome.RETURN);
    assertThat(outsider.status()).isEqualTo(301);

    RoutingTable acl = table(tlsIngress(Optional.of("nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8")));
    assertThat(acl.route("foo.bar.com", "/x", false, Optional.of("203.0.113.9")).outcome()).isEqualTo(Outcome.REDIRECT);
    assertThat(acl.route("foo.bar.com", "/x", true, Optional.of("203.0.113.9")).outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(acl.route("foo.bar.com", "/x", true, Optional.of("10.9.8.7")).outcome()).isEqualTo(Outcome.PROXY);
    assertThat(acl.route("foo.bar.com", "/x", true).outcome()).as("no client given, no check").isEqualTo(Outcome.PROXY);
  }

  @Test
  void theAllowlistKeepsItsEntriesAsIngressNginxWritesThem() {
    SourceRange r = SourceRange.parse(Ingresses.parse("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: acl
          annotations: {nginx.ingress.kubernetes.io/allowlist-source-range: ' 192.168.1.7/16 ,10.0.0.1,10.0.0.1'}
        spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
        """)).range();

    assertThat(r.entries()).containsExactly("10.0.0.1", "192.168.0.0/16");
    assertThat(r.admits("192.168.200.1")).isTrue();
    assertThat(r.admits("10.0.0.2")).isFalse();
  }

  private static String tlsIngress(Optional<String> annotation) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: secure
          annotations: {%s}
        spec:
          ingressClassName: nginx
          tls:
          - hosts: [foo.bar.com]
            secretName: tls
          rules:
          - host: foo.bar.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - host: other.bar.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
        """.formatted(annotation.orElse(""));
  }
}
