package dev.kubesim.impl.dns;

import static dev.kubesim.impl.dns.DnsTestClusters.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The records CoreDNS answers for Services, endpoints, pods and reverse names, from a real cluster. */
class CoreDnsTest {
  private SimCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = DnsTestClusters.withApps();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private DnsResponse ask(String name, String type) {
    PacketDnsTransport.Exchange e = DnsTestClusters.query(cluster, "default/client", name, type);
    assertThat(e.response()).as("answer to %s %s (seed %d)", name, type, SEED).isPresent();
    return e.response().get();
  }

  @Test
  void serviceARecordIsTheClusterIpWithTtl30() {
    DnsResponse r = ask("kubia.default.svc.cluster.local.", "A");

    assertThat(r.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(r.answer()).containsExactly(DnsRecord.a("kubia.default.svc.cluster.local.", 30, "10.96.10.10"));
    assertThat(r.authoritative()).isTrue();
    assertThat(r.recursionAvailable()).isFalse();
  }

  @Test
  void answersEchoTheCaseOfTheQuestion() {
    DnsResponse r = ask("Kubia.Default.SVC.cluster.local.", "A");

    assertThat(r.answer()).containsExactly(DnsRecord.a("Kubia.Default.SVC.cluster.local.", 30, "10.96.10.10"));
  }

  @Test
  void headlessServiceAnswersReadyEndpoints() {
    DnsResponse r = ask("web.default.svc.cluster.local.", "A");

    assertThat(r.answer()).extracting(DnsRecord::data).containsExactlyInAnyOrder("10.244.1.10", "10.244.2.11");
    assertThat(ask("web-0.web.default.svc.cluster.local.", "A").answer())
        .containsExactly(DnsRecord.a("web-0.web.default.svc.cluster.local.", 30, "10.244.1.10"));
    assertThat(ask("web-2.web.default.svc.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void headlessServiceWithoutReadyEndpointsIsNxdomainUntilOneIsReady() {
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: pending}
        spec: {clusterIP: None, selector: {app: web-2-only}, ports: [{name: web, port: 80}]}
        """);
    assertThat(ask("pending.default.svc.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);

    cluster.exec("default/web-2", "touch", "/var/ready");
    cluster.advance(Duration.ofSeconds(10));

    assertThat(ask("web-2.web.default.svc.cluster.local.", "A").answer())
        .extracting(DnsRecord::data).containsExactly("10.244.1.12");
  }

  @Test
  void srvRecordsCarryTargetPortsAndWeights() {
    DnsResponse bare = ask("kubia.default.svc.cluster.local.", "SRV");
    assertThat(bare.answer()).extracting(DnsRecord::data).containsExactly(
        "0 50 80 kubia.default.svc.cluster.local.", "0 50 443 kubia.default.svc.cluster.local.");
    assertThat(bare.additional()).containsExactly(DnsRecord.a("kubia.default.svc.cluster.local.", 30, "10.96.10.10"));

    assertThat(ask("_https._tcp.kubia.default.svc.cluster.local.", "SRV").answer()).extracting(DnsRecord::data)
        .containsExactly("0 100 443 kubia.default.svc.cluster.local.");
    // Headless: the endpoints' target port and their own names.
    assertThat(ask("_web._tcp.web.default.svc.cluster.local.", "SRV").answer()).extracting(DnsRecord::data)
        .containsExactlyInAnyOrder("0 50 8080 web-0.web.default.svc.cluster.local.",
            "0 50 8080 web-1.web.default.svc.cluster.local.");
    assertThat(ask("_grpc._tcp.kubia.default.svc.cluster.local.", "SRV").rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void unknownServiceIsNxdomainButExistingNameWithOtherTypeIsNodata() {
    DnsResponse missing = ask("missing.default.svc.cluster.local.", "A");
    assertThat(missing.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(missing.authority()).extracting(DnsRecord::type).containsExactly("SOA");
    assertThat(missing.authority().get(0).name()).isEqualTo("cluster.local.");
    assertThat(missing.authority().get(0).ttl()).isEqualTo(30);
    assertThat(missing.authority().get(0).data()).startsWith("ns.dns.cluster.local. hostmaster.cluster.local. ")
        .endsWith(" 7200 1800 86400 30");

    DnsResponse aaaa = ask("kubia.default.svc.cluster.local.", "AAAA");
    assertThat(aaaa.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(aaaa.answer()).isEmpty();
    assertThat(aaaa.authority()).extracting(DnsRecord::type).containsExactly("SOA");

    assertThat(ask("default.svc.cluster.local.", "A").isNoData()).isTrue();
    assertThat(ask("nonexistent.svc.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("kubia.default.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("kubia.default.svc.cluster.local.", "MX").isNoData()).isTrue();
    assertThat(ask("kubia.default.svc.cluster.local.", "AXFR").rcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void podRecordsEchoTheDashedAddressInExistingNamespaces() {
    assertThat(ask("10-244-9-9.default.pod.cluster.local.", "A").answer())
        .containsExactly(DnsRecord.a("10-244-9-9.default.pod.cluster.local.", 30, "10.244.9.9"));
    assertThat(ask("1-2-3-4.nonexistent.pod.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("kubia-a.default.pod.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("default.pod.cluster.local.", "A").isNoData()).isTrue();
  }

  @Test
  void dnsVersionIsATxtRecordWithTheSchemaVersion() {
    assertThat(ask("dns-version.cluster.local.", "TXT").answer())
        .containsExactly(DnsRecord.txt("dns-version.cluster.local.", 28800, "1.1.0"));
  }

  @Test
  void externalNameIsCnameWithUpstreamTarget() {
    assertThat(ask("external-db.default.svc.cluster.local.", "CNAME").answer())
        .containsExactly(DnsRecord.cname("external-db.default.svc.cluster.local.", 30, "db.example.com."));

    DnsResponse a = ask("external-db.default.svc.cluster.local.", "A");
    assertThat(a.answer()).extracting(DnsRecord::type, DnsRecord::name, DnsRecord::data).containsExactly(
        org.assertj.core.groups.Tuple.tuple("CNAME", "external-db.default.svc.cluster.local.", "db.example.com."),
        org.assertj.core.groups.Tuple.tuple("A", "db.example.com.", "192.0.2.50"));

    // The upstream does not know the target: the CNAME alone.
    assertThat(ask("nowhere.default.svc.cluster.local.", "A").answer()).extracting(DnsRecord::type)
        .containsExactly("CNAME");
    assertThat(ask("external-db.default.svc.cluster.local.", "SRV").isNoData()).isTrue();
  }

  @Test
  void namesOutsideTheClusterAreForwardedAndCachedInVirtualTime() {
    DnsResponse first = ask("db.example.com.", "A");
    assertThat(first.answer()).containsExactly(DnsRecord.a("db.example.com.", 30, "192.0.2.50"));
    assertThat(first.authoritative()).isFalse();
    assertThat(first.recursionAvailable()).isTrue();

    cluster.advance(Duration.ofSeconds(12));
    DnsResponse cached = ask("db.example.com", "A");
    // Only when the same CoreDNS pod answers does the TTL show the cache's age.
    assertThat(cached.answer().get(0).ttl()).isIn(30L, 18L);

    assertThat(ask("nonexistent.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void ptrOfClusterIp() {
    DnsResponse r = ask(Addresses.reverseName("10.96.10.10"), "PTR");

    assertThat(r.answer()).containsExactly(
        DnsRecord.ptr("10.10.96.10.in-addr.arpa.", 30, "kubia.default.svc.cluster.local."));
    assertThat(ask("10.1.244.10.in-addr.arpa.", "PTR").answer()).extracting(DnsRecord::data)
        .containsExactly("web-0.web.default.svc.cluster.local.");
    assertThat(ask("5.1.244.10.in-addr.arpa.", "PTR").answer()).extracting(DnsRecord::data)
        .containsExactly("10-244-1-5.kubia.default.svc.cluster.local.");
    // No Service holds it: the reverse zone falls through to the upstream, which knows nothing.
    DnsResponse unknown = ask("99.1.244.10.in-addr.arpa.", "PTR");
    assertThat(unknown.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(unknown.authoritative()).isFalse();
  }

  @Test
  void changesAreVisibleToTheNextQuery() {
    cluster.delete("Service", "default", "kubia");

    assertThat(ask("kubia.default.svc.cluster.local.", "A").rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void nsRecordOfTheZoneNamesTheDnsService() {
    DnsResponse r = ask("cluster.local.", "NS");

    assertThat(r.answer()).containsExactly(DnsRecord.ns("cluster.local.", 30, "kube-dns.kube-system.svc.cluster.local."));
    assertThat(r.additional()).containsExactly(DnsRecord.a("kube-dns.kube-system.svc.cluster.local.", 30, "10.96.0.10"));
  }
}
