package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's {@code allowlist-source-range} (and {@code whitelist-source-range}): {@code allow
 * CIDR; deny all;} against the address nginx sees, which for the LoadBalancer's {@code
 * externalTrafficPolicy: Local} is the outside client's own and for a pod the pod's.
 */
class AllowlistSourceRangeTest {
  private static final long SEED = 41;
  private final AnnotatedSite site = new AnnotatedSite(SEED, "acl.bar.com");

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void aClientOutsideTheRangesGetsNginxs403Page() {
    site.ingress("nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8, 192.168.0.1", "/");

    ExecResult r = site.curlFrom("203.0.113.9", "/", "-si");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 403 Forbidden\r\n").endsWith(
        "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    assertThat(AnnotatedSite.decision(r)).contains(
        "-> 403 Forbidden: client 203.0.113.9 is not in allowlist-source-range 10.0.0.0/8,192.168.0.1");
    Disposition d = r.trace().orElseThrow().disposition();
    assertThat(d.reason()).contains("refused by the ingress controller for Ingress default/site");
  }

  @Test
  void aClientInsideARangeIsProxied() {
    site.ingress("nginx.ingress.kubernetes.io/allowlist-source-range: 203.0.113.0/24", "/");

    assertThat(site.curlFrom("203.0.113.9", "/", "-s").stdout()).as("seed %d", SEED).startsWith("You've hit web-");
    assertThat(site.curlFrom("198.51.100.7", "/", "-s").stdout()).as("seed %d", SEED).contains("403 Forbidden");
  }

  @Test
  void theOlderWhitelistNameIsReadWhenTheAllowlistIsEmptyAndLosesToIt() {
    site.ingress("nginx.ingress.kubernetes.io/whitelist-source-range: 198.51.100.0/24", "/");
    assertThat(site.curlFrom("198.51.100.7", "/", "-s").stdout()).as("seed %d", SEED).startsWith("You've hit web-");
    assertThat(site.curlFrom("203.0.113.9", "/", "-s").stdout()).contains("403 Forbidden");

    site.ingress("""
        nginx.ingress.kubernetes.io/whitelist-source-range: 198.51.100.0/24
        nginx.ingress.kubernetes.io/allowlist-source-range: 203.0.113.0/24""", "/");
    assertThat(site.curlFrom("198.51.100.7", "/", "-s").stdout()).as("seed %d", SEED).contains("403 Forbidden");
    assertThat(site.curlFrom("203.0.113.9", "/", "-s").stdout()).startsWith("You've hit web-");
  }

  @Test
  void aPodIsSeenFromItsOwnAddress() {
    site.ingress("nginx.ingress.kubernetes.io/allowlist-source-range: 10.244.0.0/16", "/");

    assertThat(site.curlFromPod("/", "-s").stdout()).as("seed %d", SEED).startsWith("You've hit web-");
    assertThat(site.curlFrom("203.0.113.9", "/", "-s").stdout()).contains("403 Forbidden");
  }

  @Test
  void withExternalTrafficPolicyClusterTheControllerSeesTheNodeKubeProxyMasqueradedFrom() {
    site.ingress("nginx.ingress.kubernetes.io/allowlist-source-range: 203.0.113.0/24", "/");
    assertThat(site.cluster.kubectl("patch svc ingress-nginx-controller -n ingress-nginx -p "
        + "'{\"spec\":{\"externalTrafficPolicy\":\"Cluster\"}}'").output())
        .isEqualTo("service/ingress-nginx-controller patched\n");

    ExecResult r = site.curlFrom("203.0.113.9", "/", "-s");

    assertThat(r.stdout()).as("seed %d", SEED).contains("403 Forbidden");
    assertThat(AnnotatedSite.decision(r)).containsPattern("client 192\\.168\\.49\\.\\d+ is not in allowlist-source-range");
  }

  @Test
  void aRangeThatDoesNotParseDeniesTheLocationsWith503AndAWarningEvent() {
    site.ingress("nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8,not-a-network", "/");

    ExecResult r = site.curlFrom("10.1.2.3", "/", "-si");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 503 Service Temporarily Unavailable\r\n");
    assertThat(AnnotatedSite.decision(r)).contains("-> location denied (503): annotation "
        + "nginx.ingress.kubernetes.io/allowlist-source-range contains invalid value");
    assertThat(site.cluster.kubectl("get events --field-selector reason=AnnotationParsingFailed").output())
        .contains("Warning", "AnnotationParsingFailed", "ingress/site", "Error parsing annotations: annotation "
            + "nginx.ingress.kubernetes.io/allowlist-source-range contains invalid value");
  }
}
