package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's {@code permanent-redirect} and {@code temporal-redirect}: the location answers
 * {@code return CODE URL} instead of proxying, with the codes and validation of the controller's
 * redirect parser.
 */
class RedirectAnnotationsTest {
  private static final long SEED = 37;
  private final AnnotatedSite site = new AnnotatedSite(SEED, "redirect.bar.com");

  @AfterEach
  void close() {
    site.close();
  }

  private ExecResult get(String path) {
    return site.curlFrom("203.0.113.9", path, "-si");
  }

  @Test
  void aPermanentRedirectAnswers301WithTheUrlForEveryPath() {
    site.ingress("nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com", "/");

    ExecResult r = get("/any/path?q=1");

    assertThat(r.stdout()).as("seed %d", SEED)
        .startsWith("HTTP/1.1 301 Moved Permanently\r\n")
        .contains("Location: https://www.google.com\r\n", "<title>301 Moved Permanently</title>");
    assertThat(AnnotatedSite.decision(r)).contains("of ingress default/site rule 0",
        "-> 301 to https://www.google.com (permanent-redirect)");
  }

  @Test
  void thePermanentRedirectCodeIsUsedWhenItIsARedirectCodeAnd301Otherwise() {
    site.ingress("""
        nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com
        nginx.ingress.kubernetes.io/permanent-redirect-code: '308'""", "/");
    assertThat(get("/").stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 308 Permanent Redirect\r\n");

    site.ingress("""
        nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com
        nginx.ingress.kubernetes.io/permanent-redirect-code: '200'""", "/");
    assertThat(get("/").stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 301 Moved Permanently\r\n");
  }

  @Test
  void aTemporalRedirectAnswers302AndWinsOverAPermanentOne() {
    site.ingress("""
        nginx.ingress.kubernetes.io/temporal-redirect: http://www.example.com/maintenance
        nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com""", "/");

    ExecResult r = get("/");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 302 Moved Temporarily\r\n")
        .contains("Location: http://www.example.com/maintenance\r\n", "<title>302 Found</title>");
    assertThat(AnnotatedSite.decision(r)).contains("(temporal-redirect)");
  }

  @Test
  void aPathAsTargetIsMadeAbsoluteWithTheRequestsSchemeAndHost() {
    site.ingress("nginx.ingress.kubernetes.io/permanent-redirect: /moved", "/");

    assertThat(get("/").stdout()).as("seed %d", SEED).contains("Location: http://redirect.bar.com/moved\r\n");
  }

  @Test
  void aTemporalRedirectToAnotherSchemeIsIgnoredAndTheLocationProxies() {
    site.ingress("nginx.ingress.kubernetes.io/temporal-redirect: ftp://files.example.com", "/");

    assertThat(get("/").stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 200 OK").contains("You've hit web-");
  }

  @Test
  void aValueTheValidatorRefusesLeavesTheIngressOutAndAnEarlierVersionInForce() {
    site.ingress("nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com/#top", "/");
    assertThat(get("/").stdout()).as("the Ingress is not configured (seed %d)", SEED)
        .startsWith("HTTP/1.1 404 Not Found");

    site.ingress("nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com", "/");
    assertThat(get("/").stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 301");

    site.ingress("nginx.ingress.kubernetes.io/permanent-redirect-code: 'three hundred'", "/");
    assertThat(get("/").stdout()).as("the version before stays (seed %d)", SEED).startsWith("HTTP/1.1 301")
        .contains("Location: https://www.google.com\r\n");
  }
}
