package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ingress-nginx's {@code app-root}: the server answers a request for {@code /} with a 302 to the application's root. */
class AppRootTest {
  private static final long SEED = 31;
  private final AnnotatedSite site = new AnnotatedSite(SEED, "approot.bar.com");

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void aRequestForTheRootIsAnsweredWith302ToTheAppRootOnTheSameSchemeAndHost() {
    site.ingress("nginx.ingress.kubernetes.io/app-root: /app1", "/");

    ExecResult r = site.curlFrom("203.0.113.9", "/", "-si");

    assertThat(r.stdout()).as("seed %d", SEED)
        .startsWith("HTTP/1.1 302 Moved Temporarily\r\n")
        .contains("Location: http://approot.bar.com/app1\r\n")
        .contains("<title>302 Found</title>")
        .doesNotContain("You've hit");
    assertThat(AnnotatedSite.decision(r)).contains("path / -> server approot.bar.com",
        "-> 302 to http://approot.bar.com/app1 (app-root)");
  }

  @Test
  void theLocationCarriesTheHostHeaderAsSentWithItsPort() {
    site.ingress("nginx.ingress.kubernetes.io/app-root: /app1", "/");

    ExecResult r = site.cluster.external("203.0.113.9").exec("curl", "-si", "-H", "Host: approot.bar.com:8080",
        "http://" + site.lb() + "/?x=1");

    assertThat(r.stdout()).as("seed %d", SEED).contains("Location: http://approot.bar.com:8080/app1\r\n");
  }

  @Test
  void otherPathsAreProxiedAndCurlFollowingTheRedirectReachesTheApp() {
    site.ingress("nginx.ingress.kubernetes.io/app-root: /app1", "/");

    assertThat(site.curlFrom("203.0.113.9", "/other", "-s").stdout()).as("seed %d", SEED).startsWith("You've hit web-");
    ExecResult followed = site.cluster.external("203.0.113.9").exec("curl", "-sL", "--resolve",
        "approot.bar.com:80:" + site.lb(), "http://approot.bar.com/");
    assertThat(followed.stdout()).as("seed %d", SEED).startsWith("You've hit web-");
  }

  @Test
  void curlWritesItsWriteOutOnceForTheLastResponseOfARedirectChain() {
    site.ingress("nginx.ingress.kubernetes.io/app-root: /app1", "/");
    String resolve = "approot.bar.com:80:" + site.lb();

    ExecResult followed = site.cluster.external("203.0.113.9").exec("curl", "-sL", "-o", "/dev/null", "--resolve", resolve,
        "-w", "%{http_code} %{num_redirects} %{url_effective} [%{redirect_url}]", "http://approot.bar.com/");
    ExecResult notFollowed = site.cluster.external("203.0.113.9").exec("curl", "-s", "-o", "/dev/null", "--resolve", resolve,
        "-w", "%{http_code} %{num_redirects} [%{redirect_url}]", "http://approot.bar.com/");

    assertThat(followed.stdout()).as("seed %d", SEED).isEqualTo("200 1 http://approot.bar.com/app1 []");
    assertThat(notFollowed.stdout()).as("seed %d", SEED).isEqualTo("302 0 [http://approot.bar.com/app1]");
  }

  @Test
  void anAppRootThatIsNotAnAbsolutePathIsIgnored() {
    site.ingress("nginx.ingress.kubernetes.io/app-root: app1", "/");

    ExecResult r = site.curlFrom("203.0.113.9", "/", "-si");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 200 OK").contains("You've hit web-");
  }
}
