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
