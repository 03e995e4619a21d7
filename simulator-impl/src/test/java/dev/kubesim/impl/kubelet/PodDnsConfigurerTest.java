package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodDnsConfigurerTest {
  private static final HostResolvConf HOST =
      new HostResolvConf(List.of("192.168.1.1", "192.168.1.2"), List.of("corp.example.com."), List.of("edns0", "trust-ad"));
  private final PodDnsConfigurer dns = new PodDnsConfigurer(List.of("10.96.0.10"), "cluster.local", HOST);
  private final List<String> warnings = new ArrayList<>();

  private static Pod pod(String ns, String spec) {
    String yaml = "{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: " + ns + "}, spec: {" + spec
        + "containers: [{name: main, image: example/client}]}}";
    return (Pod) ObjectCodec.decode(ManifestReader.read("pod", yaml).get(0));
  }

  private ResolvConf podDns(Pod pod) {
    return dns.podDns(pod, warnings::add);
  }

  @Test
  void clusterFirstMergesHostSearches() {
    ResolvConf r = podDns(pod("shop", "dnsPolicy: ClusterFirst, "));

    assertThat(r.nameservers()).containsExactly("10.96.0.10");
    assertThat(r.searches()).containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example.com");
    assertThat(r.options()).containsExactly("ndots:5");
    assertThat(r.text()).isEqualTo("search shop.svc.cluster.local svc.cluster.local cluster.local corp.example.com\n"
        + "nameserver 10.96.0.10\noptions ndots:5\n");
  }

  @Test
  void defaultCopiesTheNodeFileWithoutTrailingDots() {
    ResolvConf r = podDns(pod("default", "dnsPolicy: Default, "));

    assertThat(r.nameservers()).containsExactly("192.168.1.1", "192.168.1.2");
    assertThat(r.searches()).containsExactly("corp.example.com");
    assertThat(r.options()).containsExactly("edns0", "trust-ad");
  }

  @Test
  void hostNetworkClusterFirstFallsBackToDefault() {
    assertThat(podDns(pod("default", "hostNetwork: true, dnsPolicy: ClusterFirst, ")).nameservers())
        .containsExactly("192.168.1.1", "192.168.1.2");
    assertThat(podDns(pod("default", "hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet, ")).nameservers())
        .containsExactly("10.96.0.10");
  }

  @Test
  void dnsPolicyNoneUsesOnlyDnsConfig() {
    ResolvConf r = podDns(pod("default", "dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1], searches: [my.dns.search.suffix], "
        + "options: [{name: ndots, value: '2'}, {name: edns0}]}, "));

    assertThat(r).isEqualTo(new ResolvConf(List.of("1.1.1.1"), List.of("my.dns.search.suffix"), List.of("ndots:2", "edns0")));
  }

  @Test
  void dnsConfigIsAppendedAndItsOptionsWinByName() {
    ResolvConf r = podDns(pod("testns", "dnsConfig: {nameservers: [10.0.0.11, 10.96.0.10], searches: [my.domain, cluster.local], "
        + "options: [{name: ndots, value: '3'}, {name: debug}]}, "));

    assertThat(r.nameservers()).containsExactly("10.96.0.10", "10.0.0.11");
    assertThat(r.searches()).containsExactly("testns.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example.com", "my.domain");
    assertThat(r.options()).containsExactly("ndots:3", "debug");
  }

  @Test
  void nameserversAreCutToThreeWithAWarning() {
    ResolvConf r = podDns(pod("default", "dnsConfig: {nameservers: [10.0.0.11, 10.0.0.12, 10.0.0.13]}, "));

    assertThat(r.nameservers()).containsExactly("10.96.0.10", "10.0.0.11", "10.0.0.12");
    assertThat(warnings).containsExactly("Nameserver limits were exceeded, some nameservers have been omitted, "
        + "the applied nameserver line is: 10.96.0.10 10.0.0.11 10.0.0.12");
  }

  @Test
  void searchListIsCutTo32EntriesAnd2048Characters() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add("d" + i + ".example");
    }
    ResolvConf r = podDns(pod("default", "dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1], searches: [" + String.join(", ", many) + "]}, "));
    assertThat(r.searches()).hasSize(32).startsWith("d0.example");
    assertThat(warnings).hasSize(1).allMatch(w -> w.startsWith("Search Line limits were exceeded"));

    warnings.clear();
    String long200 = String.join("", Collections.nCopies(200, "a"));
    List<String> wide = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      wide.add(i + long200);
    }
    ResolvConf cut = podDns(pod("default", "dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1], searches: [" + String.join(", ", wide) + "]}, "));
    assertThat(String.join(" ", cut.searches()).length()).isLessThanOrEqualTo(2048);
    assertThat(cut.searches()).hasSize(10);
  }

  @Test
  void nodeFileWithTooManySearchEntriesIsReported() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add("d" + i + ".example");
    }
    PodDnsConfigurer configurer = new PodDnsConfigurer(List.of("10.96.0.10"), "cluster.local",
        new HostResolvConf(List.of("192.168.1.1"), many, List.of()));
    assertThat(configurer.hostFileWarnings("/etc/resolv.conf"))
        .containsExactly("Resolv.conf file '/etc/resolv.conf' contains search line consisting of more than 29 domains!");
    assertThat(dns.hostFileWarnings("/etc/resolv.conf")).isEmpty();
  }
}
