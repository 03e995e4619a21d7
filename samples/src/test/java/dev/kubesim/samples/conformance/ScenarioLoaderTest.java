package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.NodeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  private Scenario parse(String yaml) {
    return loader.parse(yaml, "inline");
  }

  @Test
  void unknownStepKeyFailsTheStep() {
    Scenario s = parse("""
        name: t/strict
        steps:
        - {name: fine, kubectl: get svc, expect: {exitCode: 0}}
        - {name: typo, kubectl: get svc, expct: {exitCode: 0}}
        """);
    assertThat(s.problems()).isEmpty();
    assertThat(s.steps().get(0).problems()).isEmpty();
    assertThat(s.steps().get(1).problems()).containsExactly("unknown key \"expct\"");
  }

  @Test
  void unknownKeysInsideAVerbOrItsExpectationNameTheirPath() {
    Scenario s = parse("""
        name: t/strict
        steps:
        - {name: a, packet: {node: n, src: 1.1.1.1, dst: 2.2.2.2, dport: 80, proto: TCP, ttl: 3}, expect: {verdict: DNAT, masq: true}}
        """);
    assertThat(s.steps().get(0).problems())
        .containsExactly("unknown key \"ttl\" in packet", "unknown key \"masq\" in expect");
  }

  @Test
  void expectationsThatCheckNothingAreProblems() {
    Scenario s = parse("""
        name: t/empty
        steps:
        - {name: a, apply: "kind: x", expect: {error: {}}}
        - {name: b, get: {kind: Service, name: web}, expect: {fields: {}}}
        - {name: c, exec: {pod: default/x, command: "true"}, repeat: 2, expect: {distinct: {}}}
        - {name: d, dns: {name: kubia., type: A}, expect: {ordered: true}}
        - {name: e, env: {pod: default/x}, expect: {includes: {}}}
        - {name: f, kubectl: get svc, expect: {}}
        """);
    assertThat(s.steps()).extracting(Step::problems).containsExactly(
        List.of("expect.error checks nothing: give one of reason, causes, messageContains"),
        List.of("expect.fields: empty, so it would check nothing"),
        List.of("expect.distinct checks nothing: give one of min, max"),
        List.of("expect checks nothing: give one of rcode, answers"),
        List.of("expect.includes: empty, so it would check nothing"),
        List.of("expect checks nothing: give one of output, outputMatches, exitCode"));
  }

  @Test
  void unknownTopLevelOrClusterKeyFailsTheScenario() {
    Scenario s = parse("""
        name: t/strict
        colour: red
        cluster: {seed: 1, nodez: 3}
        steps:
        - {name: a, kubectl: get svc, expect: {exitCode: 0}}
        """);
    assertThat(s.problems()).containsExactly("unknown key \"colour\"", "unknown key \"nodez\" in cluster");
  }

  @Test
  void valuesOfTheWrongTypeAreProblems() {
    Scenario s = parse("""
        name: t/types
        steps:
        - {name: a, packet: {node: n, src: a, dst: b, dport: "80", proto: ICMP}, expect: {verdict: DNAT}}
        - {name: b, get: {kind: Service, name: web}, expect: {inRange: {'spec.ports[0].nodePort': lots}}}
        """);
    assertThat(s.steps().get(0).problems()).containsExactly(
        "packet.dport: expected an integer, got \"80\"", "packet.proto: expected one of TCP, UDP, SCTP, got \"ICMP\"");
    assertThat(s.steps().get(1).problems()).containsExactly(
        "expect.inRange[spec.ports[0].nodePort]: expected a range first-last, got \"lots\"");
  }

  @Test
  void aStepNeedsExactlyOneVerbAndAProbeNeedsAnExpectation() {
    Scenario s = parse("""
        name: t/verbs
        steps:
        - {name: none, expect: {exitCode: 0}}
        - {name: two, kubectl: get svc, advance: 1s}
        - {name: bare probe, get: {kind: Service, name: web}}
        - {name: advance with expect, advance: 1s, expect: {ok: true}}
        - {name: repeated get, get: {kind: Service, name: web}, repeat: 2, expect: {absent: [x]}}
        """);
    assertThat(s.steps().get(0).problems()).singleElement().asString().startsWith("no verb");
    assertThat(s.steps().get(1).problems()).containsExactly("more than one verb: kubectl, advance");
    assertThat(s.steps().get(2).problems()).containsExactly("a get step needs an expect");
    assertThat(s.steps().get(3).problems()).containsExactly("key \"expect\" is not for advance steps");
    assertThat(s.steps().get(4).problems()).containsExactly("key \"repeat\" is only for exec and http steps");
  }

  @Test
  void requiresNamesOnlyFeaturesBeyondTheCore() {
    Scenario s = parse("""
        name: t/req
        requires: [ipv6, dns]
        steps:
        - {name: a, kubectl: get svc, expect: {exitCode: 0}}
        """);
    assertThat(s.problems()).containsExactly("requires[1]: expected one of ipv6, nftables, ipvs, musl, sctp, got \"dns\"");
  }

  @Test
  void duplicateKeysAndExtraDocumentsAreRejected() {
    assertThat(parse("name: a\nname: b\nsteps: []\n").problems()).singleElement().asString().startsWith("not valid YAML");
    assertThat(parse("name: a\nsteps: [{advance: 1s}]\n---\nname: b\n").problems())
        .containsExactly("a scenario file holds exactly one YAML document, found 2");
  }

  @Test
  void stepsWithoutNameAreNamedByPosition() {
    Scenario s = parse("""
        name: t/names
        steps:
        - {advance: 1s}
        - {name: second, advance: 1s}
        - {advance: 2s}
        """);
    assertThat(s.steps()).extracting(Step::name).containsExactly("step 1", "second", "step 3");
    assertThat(s.cases()).isEmpty();
  }

  @Test
  void stepNamesAreUniqueWithinAScenario() {
    Scenario s = parse("""
        name: t/names
        steps:
        - {name: twice, advance: 1s}
        - {name: twice, advance: 2s}
        """);
    assertThat(s.steps().get(0).problems()).isEmpty();
    assertThat(s.steps().get(1).problems()).containsExactly("name: already the name of step 1");
  }

  @Test
  void everyClusterOptionReachesTheBuilder() {
    Scenario s = parse("""
        name: t/cluster
        cluster:
          seed: 7
          nodes:
            - {name: a, addresses: [192.168.0.2, 192.168.1.2], podCIDR: 10.0.0.0/24}
          serviceCIDR: 172.30.0.0/16
          clusterCIDR: 10.0.0.0/8
          nodePortRange: 3000-32767
          clusterDomain: example.local
          kubeProxy: {mode: nftables, masqueradeAll: true, detectLocal: None, localhostNodePorts: false, nodePortAddresses: [127.0.0.0/8]}
          hostResolvConf: {nameservers: [192.168.1.1], searches: [corp.example.com], options: [edns0]}
          upstreamDns: {db.example.com: [192.0.2.50]}
          addons: []
        steps:
        - {advance: 1s}
        """);
    assertThat(s.problems()).isEmpty();
    ClusterOptions o = s.cluster().toBuilder().options();
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.nodes()).containsExactly(new NodeConfig("a", List.of("192.168.0.2", "192.168.1.2"), "10.0.0.0/24"));
    assertThat(o.serviceCIDR()).isEqualTo("172.30.0.0/16");
    assertThat(o.clusterCIDR()).isEqualTo("10.0.0.0/8");
    assertThat(o.nodePortFirst()).isEqualTo(3000);
    assertThat(o.nodePortLast()).isEqualTo(32767);
    assertThat(o.clusterDomain()).isEqualTo("example.local");
    assertThat(o.kubeProxy()).isEqualTo(new KubeProxyOptions("nftables", true, "None", false, List.of("127.0.0.0/8")));
    assertThat(o.hostResolvConf())
        .isEqualTo(new HostResolvConf(List.of("192.168.1.1"), List.of("corp.example.com"), List.of("edns0")));
    assertThat(o.upstreamDns()).isEqualTo(Map.of("db.example.com", List.of("192.0.2.50")));
    assertThat(o.addons()).isEmpty();
  }

  @Test
  void addonsDefaultToCorednsAndPartialKubeProxyKeepsDefaults() {
    Scenario s = parse("""
        name: t/defaults
        cluster: {kubeProxy: {mode: ipvs}}
        steps:
        - {advance: 1s}
        """);
    ClusterOptions o = s.cluster().toBuilder().options();
    assertThat(o.addons()).containsExactly("coredns");
    assertThat(o.kubeProxy()).isEqualTo(new KubeProxyOptions("ipvs", false, "ClusterCIDR", true, List.of()));
  }
}
