package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's cookie affinity: the first answer sets a cookie naming the chosen endpoint, and a
 * request that sends it back (curl {@code -b}) goes to the same endpoint while it exists.
 */
class SessionAffinityTest {
  private static final long SEED = 43;
  private static final Pattern SET_COOKIE = Pattern.compile("Set-Cookie: ([^=]+)=([^;\r]+)([^\r]*)\r\n");
  /** The upstream's name, NS-SERVICE-PORT, and its backend key md5(md5(name) .. name). */
  private static final String UPSTREAM = "default-web-80";
  private final AnnotatedSite site = new AnnotatedSite(SEED, "sticky.bar.com");

  @AfterEach
  void close() {
    site.close();
  }

  private ExecResult get(String... args) {
    return site.curlFrom("203.0.113.9", "/", args);
  }

  private static Optional<Matcher> setCookie(ExecResult r) {
    Matcher m = SET_COOKIE.matcher(r.stdout());
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  private static String servedBy(ExecResult r) {
    Matcher m = Pattern.compile("You've hit (web-\\d)").matcher(r.stdout());
    assertThat(m.find()).as("an answer from a web pod: %s (seed %d)", r.stdout(), SEED).isTrue();
    return m.group(1);
  }

  @Test
  void theFirstAnswerSetsTheCookieAndRequestsSendingItBackStayOnThatPod() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: cookie", "/");

    ExecResult first = get("-si");
    Matcher cookie = setCookie(first).orElseThrow(() -> new AssertionError("no Set-Cookie (seed " + SEED + ")"));
    assertThat(cookie.group(1)).isEqualTo("INGRESSCOOKIE");
    assertThat(cookie.group(2)).endsWith("|" + StickyBalancer.md5(StickyBalancer.md5(UPSTREAM) + UPSTREAM));
    assertThat(cookie.group(3)).isEqualTo("; Path=/; HttpOnly");
    String pod = servedBy(first);

    for (int i = 0; i < 8; i++) {
      ExecResult again = get("-si", "-b", "INGRESSCOOKIE=" + cookie.group(2));
      assertThat(servedBy(again)).as("request %d with the cookie (seed %d)", i, SEED).isEqualTo(pod);
      assertThat(setCookie(again)).as("no new cookie while the old one holds").isEmpty();
      assertThat(AnnotatedSite.decision(again)).contains("endpoint default/" + pod, "sticky by cookie INGRESSCOOKIE (balanced)");
    }
    Set<String> without = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      without.add(servedBy(get("-s")));
    }
    assertThat(without).as("new sessions spread over the pods (seed %d)", SEED).hasSizeGreaterThan(1);
  }

  @Test
  void theCookieTakesItsNameLifetimePathAndAttributesFromTheAnnotations() {
    site.ingress("""
        nginx.ingress.kubernetes.io/affinity: cookie
        nginx.ingress.kubernetes.io/session-cookie-name: route
        nginx.ingress.kubernetes.io/session-cookie-expires: '172800'
        nginx.ingress.kubernetes.io/session-cookie-max-age: '172800'
        nginx.ingress.kubernetes.io/session-cookie-path: /shop
        nginx.ingress.kubernetes.io/session-cookie-samesite: Lax
        nginx.ingress.kubernetes.io/session-cookie-secure: 'true'""", "/");

    Matcher cookie = setCookie(get("-si")).orElseThrow(() -> new AssertionError("no Set-Cookie (seed " + SEED + ")"));

    assertThat(cookie.group(1)).isEqualTo("route");
    // Expires is the virtual instant of the answer plus 172800 s, as ngx.cookie_time writes it
    assertThat(cookie.group(3)).matches(
        "; Expires=Fri, 03-Jan-25 \\d\\d:\\d\\d:\\d\\d GMT; Max-Age=172800; Path=/shop; Secure; HttpOnly; SameSite=Lax");
  }

  @Test
  void inPersistentModeTheCookieKeyIsTheSaltedHashOfTheEndpoint() {
    site.ingress("""
        nginx.ingress.kubernetes.io/affinity: cookie
        nginx.ingress.kubernetes.io/affinity-mode: persistent""", "/");

    ExecResult first = get("-si");
    String pod = servedBy(first);
    String ip = site.cluster.get(Pod.class, "default", pod).orElseThrow().status().orElseThrow().podIP().orElseThrow();

    assertThat(setCookie(first).orElseThrow().group(2)).as("seed %d", SEED)
        .isEqualTo(StickyBalancer.md5(UPSTREAM + ip + ":8080") + "|" + StickyBalancer.md5(StickyBalancer.md5(UPSTREAM) + UPSTREAM));
  }

  @Test
  void whenTheCookiesPodIsGoneBalancedModeMovesTheSessionWithoutANewCookie() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: cookie", "/");
    ExecResult first = get("-si");
    String value = setCookie(first).orElseThrow().group(2);
    String pod = servedBy(first);

    site.cluster.kubectl("delete pod " + pod);
    ExecResult after = get("-si", "-b", "INGRESSCOOKIE=" + value);

    assertThat(servedBy(after)).as("seed %d", SEED).isNotEqualTo(pod);
    assertThat(setCookie(after)).as("the key hashes onto another endpoint").isEmpty();
  }

  @Test
  void whenTheCookiesPodIsGonePersistentModeChoosesAnotherAndSetsANewCookie() {
    site.ingress("""
        nginx.ingress.kubernetes.io/affinity: cookie
        nginx.ingress.kubernetes.io/affinity-mode: persistent""", "/");
    ExecResult first = get("-si");
    String value = setCookie(first).orElseThrow().group(2);
    String pod = servedBy(first);

    site.cluster.kubectl("delete pod " + pod);
    ExecResult after = get("-si", "-b", "INGRESSCOOKIE=" + value);

    assertThat(servedBy(after)).as("seed %d", SEED).isNotEqualTo(pod);
    assertThat(setCookie(after).map(m -> m.group(2))).isPresent().get().isNotEqualTo(value);
    assertThat(AnnotatedSite.decision(after)).contains("cookie INGRESSCOOKIE names no endpoint, new session (persistent)");
  }

  @Test
  void curlsCookieJarCarriesTheSessionFromOneCommandToTheNext() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: cookie", "/");

    String pod = servedBy(site.curlFromPod("/", "-s", "-c", "/tmp/cookies"));

    for (int i = 0; i < 5; i++) {
      assertThat(servedBy(site.curlFromPod("/", "-s", "-b", "/tmp/cookies"))).as("seed %d", SEED).isEqualTo(pod);
    }
  }

  @Test
  void overHttpsTheCookieIsSecure() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: cookie", "/");

    ExecResult r = site.cluster.external("203.0.113.9").exec("curl", "-ski", "-H", "Host: sticky.bar.com",
        "https://" + site.lb() + "/");

    assertThat(setCookie(r).orElseThrow().group(3)).as("seed %d", SEED).isEqualTo("; Path=/; Secure; HttpOnly");
  }

  @Test
  void theUpstreamIsStickyForAnotherIngressButOnlyTheAffinityIngressesPathsSetTheCookie() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: cookie", "/");
    site.cluster.apply("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: plain}
        spec:
          ingressClassName: nginx
          rules:
          - host: plain.bar.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
        """);
    String value = setCookie(get("-si")).orElseThrow().group(2);
    String pod = servedBy(get("-s", "-b", "INGRESSCOOKIE=" + value));

    ExecResult plain = site.cluster.external("203.0.113.9").exec("curl", "-si", "-H", "Host: plain.bar.com",
        "-b", "INGRESSCOOKIE=" + value, "http://" + site.lb() + "/");

    assertThat(servedBy(plain)).as("the same upstream, sticky (seed %d)", SEED).isEqualTo(pod);
    assertThat(setCookie(site.cluster.external("203.0.113.9").exec("curl", "-si", "-H", "Host: plain.bar.com",
        "http://" + site.lb() + "/"))).as("no cookie at a path of the Ingress without affinity").isEmpty();
  }

  @Test
  void anAffinityTypeOtherThanCookieSetsNoCookie() {
    site.ingress("nginx.ingress.kubernetes.io/affinity: Cookie", "/");

    assertThat(setCookie(get("-si"))).as("the validator is case-sensitive (seed %d)", SEED).isEmpty();
  }
}
