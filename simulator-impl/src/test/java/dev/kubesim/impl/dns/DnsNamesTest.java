package dev.kubesim.impl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.dnswire.DnsNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Name parsing and address forms as CoreDNS reads them. */
class DnsNamesTest {
  @Test
  void clusterNamesAreTakenApartFromTheRight() {
    assertThat(RecordRequest.parse("_http._tcp.kubia.default.svc.cluster.local.", "cluster.local."))
        .contains(new RecordRequest("http", "tcp", "", "kubia", "default", "svc"));
    assertThat(RecordRequest.parse("web-0.web.default.svc.cluster.local.", "cluster.local."))
        .contains(new RecordRequest("", "", "web-0", "web", "default", "svc"));
    assertThat(RecordRequest.parse("default.svc.cluster.local.", "cluster.local."))
        .contains(new RecordRequest("", "", "", "", "default", "svc"));
    assertThat(RecordRequest.parse("svc.cluster.local.", "cluster.local.")).contains(new RecordRequest("", "", "", "", "", ""));
    assertThat(RecordRequest.parse("kubia.default.cluster.local.", "cluster.local.")).isEmpty();
    assertThat(RecordRequest.parse("a.b.c.kubia.default.svc.cluster.local.", "cluster.local.")).isEmpty();
  }

  @Test
  void reverseNamesRoundTrip() {
    assertThat(Addresses.reverseName("10.96.10.10")).isEqualTo("10.10.96.10.in-addr.arpa.");
    assertThat(Addresses.fromReverse("10.10.96.10.in-addr.arpa.")).contains("10.96.10.10");
    assertThat(Addresses.reverseName("fd00:10:96::30"))
        .isEqualTo("0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa.");
    assertThat(Addresses.fromReverse("0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa."))
        .contains("fd00:10:96::30");
    assertThat(Addresses.fromReverse("10.96.10.in-addr.arpa.")).isEmpty();
  }

  @Test
  void dashedLabelsAreIPv4WithThreeDashesElseIPv6() {
    assertThat(Addresses.fromDashed("10-244-1-5")).contains("10.244.1.5");
    assertThat(Addresses.fromDashed("fd00--1")).contains("fd00::1");
    assertThat(Addresses.fromDashed("kubia-a")).isEqualTo(Optional.empty());
    assertThat(Addresses.fromDashed("010-244-1-5")).isEmpty();
  }

  @Test
  void subdomainsAreComparedByWholeLabelsWithoutRegardToCaseOrTrailingDot() {
    assertThat(DnsNames.isSubdomain("cluster.local.", "kubia.default.svc.Cluster.Local.")).isTrue();
    assertThat(DnsNames.isSubdomain("cluster.local", "cluster.local.")).isTrue();
    assertThat(DnsNames.isSubdomain("CLUSTER.local.", "cluster.local")).isTrue();
    assertThat(DnsNames.isSubdomain("cluster.local.", "mycluster.local.")).isFalse();
    assertThat(DnsNames.isSubdomain("cluster.local.", "local.")).isFalse();
    assertThat(DnsNames.isSubdomain(".", "example.com.")).isTrue();
    assertThat(DnsNames.isSubdomain("", "example.com")).isTrue();
    assertThat(DnsNames.isSubdomain("com.", ".")).isFalse();
    assertThat(DnsNames.matchZone(java.util.List.of("cluster.local.", "in-addr.arpa."), "10.10.96.10.in-addr.arpa."))
        .contains("in-addr.arpa.");
  }
}
