package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.samples.conformance.ConformanceReport.CaseResult;
import dev.kubesim.samples.conformance.ConformanceReport.Status;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
  private static final String SMALL_CLUSTER = """
      cluster:
        nodes: [{name: node-1, addresses: [192.168.49.2], podCIDR: 10.244.1.0/24}]
        addons: []
      """;

  private static List<CaseResult> run(String yaml) {
    return run(new ScenarioRunner(), yaml);
  }

  private static List<CaseResult> run(ScenarioRunner runner, String yaml) {
    return runner.run(new ScenarioLoader().parse(yaml, "inline"));
  }

  @Test
  void anApplyRejectedAsExpectedPasses() {
    List<CaseResult> results = run("name: t/apply\n" + SMALL_CLUSTER + """
        steps:
        - name: uppercase name
          apply: |
            apiVersion: v1
            kind: Service
            metadata: {name: MyService}
            spec: {selector: {app: web}, ports: [{port: 80}]}
          expect:
            error:
              reason: Invalid
              causes: [{field: metadata.name, type: FieldValueInvalid}]
              messageContains: 'metadata.name: Invalid value: "MyService"'
        - name: wrong reason
          apply: |
            apiVersion: v1
            kind: Service
            metadata: {name: MyService}
            spec: {selector: {app: web}, ports: [{port: 80}]}
          expect: {error: {reason: NotFound}}
        - name: valid
          apply: |
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}]}
          expect: {ok: true}
        """);
    assertThat(results).containsExactly(
        CaseResult.passed("t/apply :: uppercase name"),
        CaseResult.failed("t/apply :: wrong reason", "reason NotFound / reason Invalid"),
        CaseResult.passed("t/apply :: valid"));
  }

  @Test
  void getComparesFieldsAsYamlDataAndChecksAbsentFields() {
    List<CaseResult> results = run("name: t/get\n" + SMALL_CLUSTER + """
        manifests: |
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {selector: {app: web}, ports: [{port: 80}]}
        steps:
        - name: defaults
          get: {kind: Service, namespace: default, name: web}
          expect:
            fields: {spec.type: ClusterIP, 'spec.ports[0].port': 80, 'spec.selector[app]': web, 'spec.clusterIPs[0]': '${svc:default/web}'}
            absent: [spec.externalTrafficPolicy, 'spec.ports[0].nodePort', 'spec.ports[1]']
            inCIDR: {spec.clusterIP: 10.96.0.0/12}
        - name: a string is not a number
          get: {kind: Service, namespace: default, name: web}
          expect:
            fields: {'spec.ports[0].port': '80'}
        - name: present is not absent
          get: {kind: Service, namespace: default, name: web}
          expect:
            absent: [spec.type]
        - name: missing object
          get: {kind: Service, namespace: default, name: nope}
          expect:
            absent: [spec]
        """);
    assertThat(results).containsExactly(
        CaseResult.passed("t/get :: defaults"),
        CaseResult.failed("t/get :: a string is not a number", "spec.ports[0].port: \"80\" / spec.ports[0].port: 80"),
        CaseResult.failed("t/get :: present is not absent", "spec.type absent / spec.type: \"ClusterIP\""),
        CaseResult.failed("t/get :: missing object", "Service default/nope / not found"));
  }

  @Test
  void kubectlComparesExitCodeAndOutputTogether() throws Exception {
    KubectlResult printed = new KubectlResult("", "Error from server (NotFound): services \"nope\" not found\n", 1);
    try (Cluster real = KubeSim.cluster().addons(List.of()).build()) {
      Cluster cluster = withKubectl(real, printed);
      StepContext ctx = new StepContext(cluster, new ScenarioTarget.Unsupported());
      JsonNode command = TextNode.valueOf("get svc nope");
      KubectlHandler kubectl = new KubectlHandler();
      assertThat(kubectl.run(ctx, command, Optional.of(yaml(
          "{exitCode: 1, outputMatches: '(?m)^Error from server \\(NotFound\\): services \"nope\" not found$'}")), 1))
          .isEqualTo(StepOutcome.PASSED);
      assertThat(kubectl.run(ctx, command, Optional.of(yaml("{exitCode: 0, output: ''}")), 1).message())
          .isEqualTo("exit code 0; output \"\" / exit code 1; output \"Error from server (NotFound): services \\\"nope\\\" not found\\n\"");
      assertThat(kubectl.run(ctx, command, Optional.empty(), 1).passed()).isFalse();
    }
  }

  /** The cluster, except that every kubectl command prints {@code result}. */
  private static Cluster withKubectl(Cluster real, KubectlResult result) {
    return (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[] {Cluster.class},
        (proxy, method, args) -> {
          if (method.getName().equals("kubectl")) {
            return result;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static JsonNode yaml(String text) throws Exception {
    return new YAMLMapper().readTree(text);
  }

  @Test
  void verbsWithoutMachineryFailAsNotSupportedYet() {
    List<CaseResult> results = run("name: t/packet\n" + SMALL_CLUSTER + """
        steps:
        - name: clusterIP
          packet: {node: node-1, src: 10.244.1.2, dst: 10.96.0.1, dport: 443, proto: TCP}
          expect: {verdict: DNAT}
        - name: touch
          exec: {pod: default/p, command: touch /var/ready}
        """);
    assertThat(results).containsExactly(
        CaseResult.failed("t/packet :: clusterIP", "{\"verdict\":\"DNAT\"} / not supported yet: packet"),
        CaseResult.failed("t/packet :: touch", "success / not supported yet: exec"));
  }

  @Test
  void requiredFeaturesTheSimulatorLacksSkipTheCases() {
    List<CaseResult> results = run("""
        name: t/v6
        requires: [ipv6]
        cluster: {serviceCIDR: "10.96.0.0/12,fd00:10:96::/112"}
        steps:
        - {name: a, kubectl: get svc, expect: {exitCode: 0}}
        - {name: b, advance: 1s}
        """);
    assertThat(results).containsExactly(CaseResult.skipped("t/v6 :: a", "requires ipv6"));
  }

  @Test
  void aFailedSetupFailsEveryCase() {
    List<CaseResult> results = run("""
        name: t/setup
        cluster: {serviceCIDR: not-a-cidr, addons: []}
        steps:
        - {name: a, kubectl: get svc, expect: {exitCode: 0}}
        - {name: b, advance: 1s}
        - {name: c, kubectl: get pods, expect: {exitCode: 0}}
        """);
    assertThat(results).extracting(CaseResult::id).containsExactly("t/setup :: a", "t/setup :: c");
    assertThat(results).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.message()).startsWith("a cluster from cluster: / setup failed: ");
    });
  }

  @Test
  void aFailingActionWithoutExpectIsAFailedCaseAndLaterStepsStillRun() {
    List<CaseResult> results = run("name: t/action\n" + SMALL_CLUSTER + """
        steps:
        - name: delete what is not there
          delete: {kind: Service, namespace: default, name: nope}
        - name: still running
          get: {kind: Service, namespace: default, name: kubernetes}
          expect: {fields: {spec.clusterIP: 10.96.0.1}}
        """);
    assertThat(results).hasSize(2);
    assertThat(results.get(0).status()).isEqualTo(Status.FAILED);
    assertThat(results.get(0).message()).startsWith("success / error NotFound: ");
    assertThat(results.get(1)).isEqualTo(CaseResult.passed("t/action :: still running"));
  }

  @Test
  void repeatedExecChecksEveryRunAndCountsDistinctOutputs() {
    AtomicInteger calls = new AtomicInteger();
    ScenarioTarget.Factory execOnly = new ScenarioTarget.Factory() {
      @Override
      public Capabilities capabilities() {
        return new Capabilities() {
          @Override
          public boolean exec() {
            return true;
          }
        };
      }

      @Override
      public ScenarioTarget create(Cluster cluster) {
        return new ScenarioTarget.Unsupported() {
          @Override
          public ExecResult exec(String pod, String command) {
            return new ExecResult("You've hit kubia-" + (calls.incrementAndGet() % 2) + "\n", "", 0);
          }
        };
      }
    };
    List<CaseResult> results = run(new ScenarioRunner(execOnly), "name: t/exec\n" + SMALL_CLUSTER + """
        steps:
        - name: spread
          exec: {pod: default/client, command: curl -s http://kubia}
          repeat: 10
          expect: {exitCode: 0, stdoutMatches: '\\AYou''ve hit kubia-\\d\\n\\z', distinct: {min: 2}}
        - name: sticky
          exec: {pod: default/client, command: curl -s http://kubia}
          repeat: 4
          expect: {exitCode: 0, distinct: {max: 1}}
        - name: one run fails
          exec: {pod: default/client, command: curl -s http://kubia}
          repeat: 3
          expect: {stdout: "You've hit kubia-1\\n"}
        """);
    assertThat(results.get(0)).isEqualTo(CaseResult.passed("t/exec :: spread"));
    assertThat(results.get(1)).isEqualTo(CaseResult.failed("t/exec :: sticky", "at most 1 different outputs / 2 different outputs"));
    assertThat(results.get(2).message()).startsWith("run 2 of 3: stdout \"You've hit kubia-1\\n\" / stdout \"You've hit kubia-0\\n\"");
  }

  /**
   * {@code reachability} and {@code connect} through the product: agnhost servers on TCP 80 and UDP
   * 80, probed with {@code agnhost connect} from each pod's first container; no policy, so what
   * listens is reached and the rest is not.
   */
  @Test
  void reachabilityAndConnectProbeWithAgnhostConnect() {
    String pod = """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: {pod: %s}}
        spec:
          containers:
          - name: cont-80-%s
            image: registry.k8s.io/e2e-test-images/agnhost:2.52
            command: [/agnhost, serve-hostname, --%s, --http=false, --port, '80']
            ports: [{containerPort: 80, protocol: %s}]
        """;
    String manifests = "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n"
        + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: y}\n"
        + pod.formatted("a", "x", "a", "tcp", "tcp", "TCP")
        + pod.formatted("b", "x", "b", "tcp", "tcp", "TCP")
        + pod.formatted("u", "y", "u", "udp", "udp", "UDP")
        + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s-x-a, namespace: x}\n"
        + "spec: {selector: {pod: a}, ports: [{port: 8080, targetPort: 80}]}\n";
    StringBuilder yaml = new StringBuilder("name: t/netpol\ncluster: {seed: 1}\nmanifests: |\n");
    manifests.lines().forEach(l -> yaml.append("  ").append(l).append('\n'));
    yaml.append("""
        steps:
        - name: tcp
          reachability: {port: 80}
          expect:
            matrix: |
              -   x/a x/b y/u
              x/a -   .   X
              x/b .   -   X
              y/u .   .   -
        - name: udp
          reachability: {port: 80, protocol: UDP}
          expect:
            matrix: |
              -   x/a x/b y/u
              x/a -   X   .
              x/b X   -   .
              y/u X   X   -
        - name: wrong cells
          reachability: {port: 80, protocol: TCP}
          expect:
            matrix: |
              -   x/a y/u
              y/u X   -
              x/a -   .
        - name: via the Service
          connect: {from: x/b, to: svc:x/s-x-a, port: 8080, protocol: TCP}
          expect: {allowed: true}
        - name: to a pod by selector
          connect: {from: y/u, to: {namespace: x, selector: pod=b}, port: 80}
          expect: {allowed: true}
        - name: refused
          connect: {from: x/a, to: x/b, port: 81, protocol: TCP}
          expect: {allowed: true}
        - name: an address nobody has
          connect: {from: x/a, to: 10.244.9.9, port: 80, protocol: UDP}
          expect: {allowed: false}
        - name: sctp
          requires: [sctp]
          connect: {from: x/a, to: x/b, port: 80, protocol: SCTP}
          expect: {allowed: false}
        """);
    List<CaseResult> results = run(new ScenarioRunner(SimulatorTarget.FACTORY), yaml.toString());
    assertThat(results).containsExactly(
        CaseResult.passed("t/netpol :: tcp"),
        CaseResult.passed("t/netpol :: udp"),
        CaseResult.failed("t/netpol :: wrong cells", "the matrix as written / 2 of 2 cells differ: "
            + "x/a -> y/u: expected . got X (REFUSED); y/u -> x/a: expected X got ."),
        CaseResult.passed("t/netpol :: via the Service"),
        CaseResult.passed("t/netpol :: to a pod by selector"),
        CaseResult.failed("t/netpol :: refused", "allowed true / allowed false (REFUSED)"),
        CaseResult.passed("t/netpol :: an address nobody has"),
        CaseResult.passed("t/netpol :: sctp"));
  }

  /** A client image without agnhost probes TCP with curl's connect; it has nothing for UDP. */
  @Test
  void connectFromAnImageWithoutAgnhostUsesCurlForTcp() {
    List<CaseResult> results = run(new ScenarioRunner(SimulatorTarget.FACTORY), """
        name: t/curl
        cluster: {seed: 1}
        manifests: |
          apiVersion: v1
          kind: Pod
          metadata: {name: client}
          spec: {containers: [{name: curl, image: curlimages/curl, command: [sleep, '999999']}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: server}
          spec:
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.52
              command: [/agnhost, serve-hostname, --tcp, --http=false, --port, '80']
        steps:
        - {name: open, connect: {from: default/client, to: default/server, port: 80}, expect: {allowed: true}}
        - {name: closed, connect: {from: default/client, to: default/server, port: 81}, expect: {allowed: true}}
        - {name: udp, connect: {from: default/client, to: default/server, port: 80, protocol: UDP}, expect: {allowed: false}}
        """);
    assertThat(results).containsExactly(
        CaseResult.passed("t/curl :: open"),
        CaseResult.failed("t/curl :: closed", "allowed true / allowed false (curl exit 7)"),
        CaseResult.failed("t/curl :: udp", "a client for UDP in default/client's container curl / none in image "
            + "docker.io/curlimages/curl:latest (agnhost connect for any protocol, curl for TCP)"));
  }

  @Test
  void reachabilityAndConnectAreStrict() {
    List<CaseResult> results = run("""
        name: t/strict-netpol
        steps:
        - {name: a, reachability: {port: 80, proto: TCP}, expect: {matrix: "- x/a\\nx/a -"}}
        - {name: b, reachability: {port: 0}, expect: {matrix: "- x/a\\nx/a ."}}
        - {name: c, connect: {from: x/a, to: svc:x, port: 80}, expect: {allowed: yes please}}
        - {name: d, connect: {from: x/a, to: x/b, port: 80}}
        """);
    assertThat(results).containsExactly(
        CaseResult.failed("t/strict-netpol :: a", "a valid step / unknown key \"proto\" in reachability"),
        CaseResult.failed("t/strict-netpol :: b", "a valid step / reachability.port: expected a port number (1-65535), got 0; "
            + "expect.matrix: line 2: x/a -> x/a is the diagonal, written -, got \".\""),
        CaseResult.failed("t/strict-netpol :: c", "a valid step / connect.to: expected a pod as NS/NAME, svc:NS/NAME or an IP address, "
            + "got \"svc:x\"; expect.allowed: expected true or false, got \"yes please\""),
        CaseResult.failed("t/strict-netpol :: d", "a valid step / a connect step needs an expect"));
  }

  @Test
  void anInvalidStepFailsEvenInASkippedScenario() {
    List<CaseResult> results = run("""
        name: t/broken
        requires: [nftables]
        steps:
        - {name: a, packet: {node: n, src: a, dst: b, dport: 80, proto: TCP}, expect: {verdict: DNAT, colour: red}}
        """);
    assertThat(results).containsExactly(
        CaseResult.failed("t/broken :: a", "a valid step / unknown key \"colour\" in expect"));
  }
}
