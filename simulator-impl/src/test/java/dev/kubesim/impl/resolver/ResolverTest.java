package dev.kubesim.impl.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.dnswire.DnsRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private static final String POD_FILE = "search default.svc.cluster.local svc.cluster.local cluster.local corp.example.com\n"
      + "nameserver 10.96.0.10\noptions ndots:5\n";

  /** Answers from a table; every other name is NXDOMAIN. */
  private final Map<String, DnsAnswer> zone = new HashMap<>();
  private final DnsTransport transport = (pod, ns, fqdn, type) ->
      Optional.of(zone.getOrDefault(fqdn, DnsAnswer.rcode(DnsAnswer.NXDOMAIN)));

  private Resolution glibc(String file, String name) {
    return new Resolver(Libc.GLIBC, transport).lookup("default/client", file, name, "A");
  }

  private Resolution musl(String file, String name) {
    return new Resolver(Libc.MUSL, transport).lookup("default/client", file, name, "A");
  }

  private void a(String fqdn, String ip) {
    zone.put(fqdn, DnsAnswer.of(new DnsRecord(fqdn, "A", 30, ip)));
  }

  @Test
  void glibcTriesSearchListBeforeBareNameBelowNdots() {
    Resolution r = glibc(POD_FILE, "nonexistent");

    assertThat(r.tried()).containsExactly("nonexistent.default.svc.cluster.local.", "nonexistent.svc.cluster.local.",
        "nonexistent.cluster.local.", "nonexistent.corp.example.com.", "nonexistent.");
    assertThat(r.outcome()).isEqualTo(Resolution.Outcome.NOT_FOUND);
    assertThat(r.rcode()).contains("NXDOMAIN");
  }

  @Test
  void firstAnswerEndsTheWalk() {
    a("kubia.prod.svc.cluster.local.", "10.96.100.1");

    Resolution r = glibc(POD_FILE, "kubia.prod");

    assertThat(r.tried()).containsExactly("kubia.prod.default.svc.cluster.local.", "kubia.prod.svc.cluster.local.");
    assertThat(r.address()).contains("10.96.100.1");
  }

  @Test
  void trailingDotIsAbsolute() {
    assertThat(glibc(POD_FILE, "kubia.default.svc.cluster.local.").tried()).containsExactly("kubia.default.svc.cluster.local.");
    assertThat(musl(POD_FILE, "kubia.").tried()).containsExactly("kubia.");
  }

  @Test
  void glibcTriesTheNameAsItIsFirstAtNdots() {
    Resolution r = glibc(POD_FILE, "web-0.web.default.svc.cluster.local");

    assertThat(r.tried()).first().isEqualTo("web-0.web.default.svc.cluster.local.");
    assertThat(r.tried()).hasSize(5).last().isEqualTo("web-0.web.default.svc.cluster.local.corp.example.com.");
  }

  @Test
  void withoutAnNdotsOptionOneDotIsEnough() {
    String file = "nameserver 192.168.1.1\nsearch corp.example.com\n";
    assertThat(glibc(file, "kubia").tried()).containsExactly("kubia.corp.example.com.", "kubia.");
    assertThat(glibc(file, "kubia.default").tried()).containsExactly("kubia.default.", "kubia.default.corp.example.com.");
  }

  @Test
  void muslNeverSearchesANameWithNdotsDots() {
    String file = "nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:1\n";
    assertThat(musl(file, "kubia.default").tried()).containsExactly("kubia.default.");
    assertThat(musl(file, "kubia").tried())
        .containsExactly("kubia.default.svc.cluster.local.", "kubia.svc.cluster.local.", "kubia.cluster.local.", "kubia.");
  }

  @Test
  void noDataEndsMuslsSearchButNotGlibcs() {
    zone.put("kubia.default.svc.cluster.local.", DnsAnswer.rcode(DnsAnswer.NOERROR));
    a("kubia.svc.cluster.local.", "10.0.0.1");

    Resolution m = musl(POD_FILE, "kubia");
    assertThat(m.tried()).containsExactly("kubia.default.svc.cluster.local.");
    assertThat(m.outcome()).isEqualTo(Resolution.Outcome.NO_DATA);

    Resolution g = glibc(POD_FILE, "kubia");
    assertThat(g.tried()).containsExactly("kubia.default.svc.cluster.local.", "kubia.svc.cluster.local.");
    assertThat(g.address()).contains("10.0.0.1");
  }

  @Test
  void glibcMovesToTheNextNameserverOnServerFailure() {
    DnsTransport flaky = (pod, ns, fqdn, type) -> ns.equals("10.0.0.1")
        ? Optional.of(DnsAnswer.rcode(DnsAnswer.SERVFAIL))
        : Optional.of(DnsAnswer.of(new DnsRecord(fqdn, "A", 30, "192.0.2.7")));
    Resolution r = new Resolver(Libc.GLIBC, flaky).lookup("default/client", "nameserver 10.0.0.1\nnameserver 10.0.0.2\n", "db.", "A");

    assertThat(r.queries()).extracting(Resolution.Query::nameserver).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(r.address()).contains("192.0.2.7");
  }

  @Test
  void refusalEndsGlibcsSearchButTheNameAsItIsIsStillTried() {
    zone.put("x.default.svc.cluster.local.", DnsAnswer.rcode(DnsAnswer.REFUSED));

    assertThat(glibc(POD_FILE, "x").tried()).containsExactly("x.default.svc.cluster.local.", "x.");
  }

  @Test
  void silenceIsRetriedForEachAttemptAndEndsMusl() {
    DnsTransport silent = (pod, ns, fqdn, type) -> Optional.empty();
    Resolution r = new Resolver(Libc.MUSL, silent).lookup("default/client", POD_FILE, "kubia", "A");

    assertThat(r.queries()).hasSize(2);
    assertThat(r.tried()).containsExactly("kubia.default.svc.cluster.local.");
    assertThat(r.outcome()).isEqualTo(Resolution.Outcome.TRY_AGAIN);
  }

  @Test
  void librariesReadTheFileTheirOwnWay() {
    String file = "nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\n"
        + "search a.example b.example\noptions ndots:20\noptions attempts:3 no-tld-query\n";
    ResolverConfig g = Libc.GLIBC.read(file);
    assertThat(g.nameservers()).containsExactly("1.1.1.1", "2.2.2.2", "3.3.3.3");
    assertThat(g.ndots()).isEqualTo(15);
    assertThat(g.attempts()).isEqualTo(3);
    assertThat(g.noTldQuery()).isTrue();

    String longSearch = "search " + "x".repeat(250) + "\nnameserver 1.1.1.1\n";
    assertThat(Libc.MUSL.read(longSearch).search()).isEmpty();
    assertThat(Libc.GLIBC.read(longSearch).search()).hasSize(1);
    assertThat(Libc.MUSL.read("").nameservers()).containsExactly("127.0.0.1");
  }

  @Test
  void noTldQueryKeepsADotlessNameFromBeingSentAsItIs() {
    assertThat(glibc(POD_FILE + "options no-tld-query\n", "kubia").tried()).hasSize(4).doesNotContain("kubia.");
  }

  @Test
  void resolvConfRendersAsContainerdWritesIt() {
    ResolvConf c = new ResolvConf(List.of("10.96.0.10", "10.0.0.11"), List.of("a.local"), List.of("ndots:5"));
    assertThat(c.text()).isEqualTo("search a.local\nnameserver 10.96.0.10\nnameserver 10.0.0.11\noptions ndots:5\n");
    assertThat(ResolvConf.parse(c.text())).isEqualTo(c);
    assertThat(ResolvConf.empty().text()).isEmpty();
  }
}
