package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Pod;
import org.junit.jupiter.api.Test;

class PodStrategyTest {
  private final Fixture f = new Fixture();

  private static String pod(String name, String spec) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec: " + spec + "\n";
  }

  @Test
  void podWithoutContainersIsRejectedAtSpecContainers() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: []}"));

    assertThat(causes(e)).containsExactly("spec.containers FieldValueRequired");
    assertThat(e.getMessage()).isEqualTo("Pod \"p\" is invalid: spec.containers: Required value");
  }

  @Test
  void containerWithoutNameIsRejectedAtItsName() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].name FieldValueRequired");
    assertThat(e.getMessage()).isEqualTo("Pod \"p\" is invalid: spec.containers[0].name: Required value");
  }

  @Test
  void duplicateContainerNameIsRejectedAtTheSecondContainer() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: app, image: nginx}, {name: app, image: busybox}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[1].name FieldValueDuplicate");
    assertThat(e.getMessage()).isEqualTo("Pod \"p\" is invalid: spec.containers[1].name: Duplicate value: \"app\"");
  }

  @Test
  void containerPortOutOfRangeIsRejectedWithTheRange() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: app, image: nginx, ports: [{containerPort: 70000}]}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].ports[0].containerPort FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo(
        "Pod \"p\" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
  }

  @Test
  void unsupportedRestartPolicyListsTheValuesInDeclarationOrder() {
    InvalidObjectException e = f.rejected(pod("p", "{restartPolicy: Sometimes, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.restartPolicy FieldValueNotSupported");
    assertThat(e.getMessage()).isEqualTo(
        "Pod \"p\" is invalid: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");
  }

  @Test
  void nameWithUnderscoreIsRejectedAtMetadataName() {
    InvalidObjectException e = f.rejected(pod("my_pod", "{containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("metadata.name FieldValueInvalid");
    assertThat(e.getMessage()).contains("metadata.name: Invalid value: \"my_pod\": a lowercase RFC 1123 subdomain must consist of lower case");
  }

  @Test
  void containerWithoutImageIsRejectedAtItsImage() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: app}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].image FieldValueRequired");
    assertThat(e.getMessage()).isEqualTo("Pod \"p\" is invalid: spec.containers[0].image: Required value");
  }

  @Test
  void invalidLabelValueIsRejectedAtMetadataLabels() {
    InvalidObjectException e = f.rejected(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: \"-web\"}}\nspec: {containers: [{name: app, image: nginx}]}\n");

    assertThat(causes(e)).containsExactly("metadata.labels FieldValueInvalid");
    assertThat(e.getMessage()).contains("metadata.labels: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric");
  }

  @Test
  void podLevelDefaultsAreFilledIn() {
    Pod p = f.create(pod("p", "{containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]}"));

    assertThat(at(p, "spec.restartPolicy").asText()).isEqualTo("Always");
    assertThat(at(p, "spec.dnsPolicy").asText()).isEqualTo("ClusterFirst");
    assertThat(at(p, "spec.schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(at(p, "spec.terminationGracePeriodSeconds").asLong()).isEqualTo(30);
    assertThat(at(p, "spec.enableServiceLinks").asBoolean()).isTrue();
    assertThat(at(p, "spec.securityContext").isObject()).isTrue();
    assertThat(at(p, "spec.securityContext").size()).isZero();
    assertThat(at(p, "spec.containers[0].terminationMessagePath").asText()).isEqualTo("/dev/termination-log");
    assertThat(at(p, "spec.containers[0].terminationMessagePolicy").asText()).isEqualTo("File");
    assertThat(at(p, "spec.containers[0].ports[0].protocol").asText()).isEqualTo("TCP");
  }

  @Test
  void admissionSetsAccountPriorityAndNotReadyTolerations() {
    Pod p = f.create(pod("p", "{containers: [{name: app, image: nginx}]}"));

    assertThat(at(p, "spec.serviceAccountName").asText()).isEqualTo("default");
    assertThat(at(p, "spec.serviceAccount").asText()).isEqualTo("default");
    assertThat(at(p, "spec.priority").asInt()).isZero();
    assertThat(at(p, "spec.preemptionPolicy").asText()).isEqualTo("PreemptLowerPriority");
    assertThat(at(p, "spec.tolerations").toString()).isEqualTo(
        "[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300},"
            + "{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300}]");
  }

  @Test
  void aTolerationOfAllNoExecuteTaintsSuppressesTheDefaultOnes() {
    Pod p = f.create(pod("p", "{tolerations: [{operator: Exists}], containers: [{name: app, image: nginx}]}"));

    assertThat(at(p, "spec.tolerations").size()).isEqualTo(1);
  }

  @Test
  void newPodIsPendingWithItsQosClass() {
    Pod best = f.create(pod("best", "{containers: [{name: app, image: nginx}]}"));
    Pod guaranteed = f.create(pod("g", "{containers: [{name: app, image: nginx, resources: {limits: {cpu: 500m, memory: 1Gi}}}]}"));
    Pod burstable = f.create(pod("b", "{containers: [{name: app, image: nginx, resources: {requests: {cpu: 100m}}}]}"));

    assertThat(at(best, "status.phase").asText()).isEqualTo("Pending");
    assertThat(at(best, "status.qosClass").asText()).isEqualTo("BestEffort");
    assertThat(at(guaranteed, "status.qosClass").asText()).isEqualTo("Guaranteed");
    assertThat(at(burstable, "status.qosClass").asText()).isEqualTo("Burstable");
  }

  @Test
  void limitsWithoutRequestsBecomeTheRequests() {
    Pod p = f.create(pod("p", "{containers: [{name: app, image: nginx, resources: {limits: {cpu: 500m}}}]}"));

    assertThat(at(p, "spec.containers[0].resources.requests.cpu").asText()).isEqualTo("500m");
  }

  @Test
  void requestAboveLimitIsRejectedAtRequests() {
    InvalidObjectException e = f.rejected(
        pod("p", "{containers: [{name: app, image: nginx, resources: {limits: {cpu: 500m}, requests: {cpu: 600m}}}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].resources.requests FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("Invalid value: \"600m\": must be less than or equal to cpu limit of 500m");
  }

  @Test
  void untaggedImageDefaultsToAlwaysPull() {
    Pod p = f.create(pod("untagged", "{containers: [{name: app, image: nginx}]}"));

    assertThat(at(p, "spec.containers[0].imagePullPolicy").asText()).isEqualTo("Always");
  }

  @Test
  void versionTagDefaultsToIfNotPresentAndLatestToAlways() {
    assertThat(PodSpecDefaults.pullPolicy("nginx:1.27")).isEqualTo("IfNotPresent");
    assertThat(PodSpecDefaults.pullPolicy("nginx:latest")).isEqualTo("Always");
    assertThat(PodSpecDefaults.pullPolicy("registry.example.com:5000/team/app")).isEqualTo("Always");
    assertThat(PodSpecDefaults.pullPolicy("registry.example.com:5000/team/app:v2")).isEqualTo("IfNotPresent");
  }

  @Test
  void digestDefaultsToIfNotPresent() {
    assertThat(PodSpecDefaults.pullPolicy("nginx@sha256:" + "a".repeat(64))).isEqualTo("IfNotPresent");
    assertThat(PodSpecDefaults.pullPolicy("Nginx")).as("an unparsable reference").isEqualTo("IfNotPresent");
  }

  @Test
  void probeTimingsAndHttpGetPathAndSchemeAreDefaulted() {
    Pod p = f.create(pod("probed", "{containers: [{name: app, image: nginx, ports: [{containerPort: 80}], readinessProbe: {httpGet: {port: 80}}}]}"));

    String probe = "spec.containers[0].readinessProbe.";
    assertThat(at(p, probe + "httpGet.path").asText()).isEqualTo("/");
    assertThat(at(p, probe + "httpGet.scheme").asText()).isEqualTo("HTTP");
    assertThat(at(p, probe + "httpGet.port").asInt()).isEqualTo(80);
    assertThat(at(p, probe + "timeoutSeconds").asInt()).isEqualTo(1);
    assertThat(at(p, probe + "periodSeconds").asInt()).isEqualTo(10);
    assertThat(at(p, probe + "successThreshold").asInt()).isEqualTo(1);
    assertThat(at(p, probe + "failureThreshold").asInt()).isEqualTo(3);
  }

  @Test
  void probeWithoutHandlerAndNegativeNumbersIsRejected() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: app, image: nginx, livenessProbe: {initialDelaySeconds: -1}}]}"));

    assertThat(causes(e)).containsExactly(
        "spec.containers[0].livenessProbe FieldValueRequired",
        "spec.containers[0].livenessProbe.initialDelaySeconds FieldValueInvalid");
    assertThat(e.getMessage()).contains("spec.containers[0].livenessProbe: Required value: must specify a handler type");
    assertThat(e.getMessage()).contains("initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void probeWithTwoHandlersIsRejectedAtTheSecond() {
    InvalidObjectException e = f.rejected(
        pod("p", "{containers: [{name: app, image: nginx, readinessProbe: {exec: {command: [ls]}, tcpSocket: {port: 80}}}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].readinessProbe.tcpSocket FieldValueForbidden");
    assertThat(e.getMessage()).endsWith("tcpSocket: Forbidden: may not specify more than 1 handler type");
  }

  @Test
  void livenessProbeMustSucceedOnce() {
    InvalidObjectException e = f.rejected(
        pod("p", "{containers: [{name: app, image: nginx, livenessProbe: {exec: {command: [ls]}, successThreshold: 2}}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].livenessProbe.successThreshold FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("successThreshold: Invalid value: 2: must be 1");
  }

  @Test
  void dnsPolicyNoneWithoutDnsConfigIsRejected() {
    InvalidObjectException e = f.rejected(pod("p", "{dnsPolicy: None, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.dnsConfig FieldValueRequired");
    assertThat(e.getMessage()).endsWith("spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
  }

  @Test
  void dnsPolicyNoneNeedsANameserver() {
    InvalidObjectException e = f.rejected(pod("p", "{dnsPolicy: None, dnsConfig: {searches: [a.b]}, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.dnsConfig.nameservers FieldValueRequired");
  }

  @Test
  void unsupportedDnsPolicyListsTheFourPolicies() {
    InvalidObjectException e = f.rejected(pod("p", "{dnsPolicy: Custom, containers: [{name: app, image: nginx}]}"));

    assertThat(e.getMessage()).endsWith(
        "spec.dnsPolicy: Unsupported value: \"Custom\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
  }

  @Test
  void dnsConfigLimitsAreEnforced() {
    String searches = "[" + String.join(", ", java.util.Collections.nCopies(33, "a.example")) + "]";
    InvalidObjectException e = f.rejected(pod("p",
        "{dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4], searches: " + searches + "}, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.dnsConfig.nameservers FieldValueInvalid", "spec.dnsConfig.searches FieldValueInvalid");
    assertThat(e.getMessage()).contains("must not have more than 3 nameservers", "must not have more than 32 search paths");
  }

  @Test
  void dnsSearchMustBeASubdomainButMayEndInADot() {
    f.create(pod("ok", "{dnsConfig: {searches: [corp.example.com., _srv.example.com]}, containers: [{name: app, image: nginx}]}"));
    InvalidObjectException e = f.rejected(pod("p", "{dnsConfig: {searches: [Bad.Example]}, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.dnsConfig.searches[0] FieldValueInvalid");
  }

  @Test
  void hostnameAndSubdomainMustBeLabels() {
    InvalidObjectException e = f.rejected(pod("p", "{hostname: a.b, subdomain: Sub, containers: [{name: app, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.hostname FieldValueInvalid", "spec.subdomain FieldValueInvalid");
    assertThat(e.getMessage()).contains("spec.hostname: Invalid value: \"a.b\": must not contain dots");
  }

  @Test
  void containerNameMustBeALabel() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: My_App, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].name FieldValueInvalid");
  }

  @Test
  void unsupportedPortProtocolListsTheSortedProtocols() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: app, image: nginx, ports: [{containerPort: 80, protocol: HTTP}]}]}"));

    assertThat(e.getMessage()).endsWith(
        "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
  }

  @Test
  void portNamesMustBeValidAndUnique() {
    InvalidObjectException e = f.rejected(pod("p",
        "{containers: [{name: app, image: nginx, ports: [{name: web, containerPort: 80}, {name: web, containerPort: 81}, {name: Web_1, containerPort: 82}]}]}"));

    assertThat(causes(e)).containsExactly(
        "spec.containers[0].ports[1].name FieldValueDuplicate",
        "spec.containers[0].ports[2].name FieldValueInvalid");
  }

  @Test
  void conflictingHostPortsAreDuplicates() {
    InvalidObjectException e = f.rejected(pod("p",
        "{containers: [{name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}, {name: b, image: nginx, ports: [{containerPort: 81, hostPort: 8080}]}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[1].ports[0].hostPort FieldValueDuplicate");
    assertThat(e.getMessage()).endsWith("hostPort: Duplicate value: \"TCP//8080\"");
  }

  @Test
  void hostNetworkPortsDefaultToTheContainerPort() {
    Pod p = f.create(pod("p", "{hostNetwork: true, containers: [{name: a, image: nginx, ports: [{containerPort: 80}]}]}"));

    assertThat(at(p, "spec.containers[0].ports[0].hostPort").asInt()).isEqualTo(80);
  }

  @Test
  void envVarNamesAreRequiredAndPrintable() {
    InvalidObjectException e = f.rejected(pod("p", "{containers: [{name: a, image: nginx, env: [{value: x}, {name: \"A=B\"}, {name: my.var-1}]}]}"));

    assertThat(causes(e)).containsExactly(
        "spec.containers[0].env[0].name FieldValueRequired",
        "spec.containers[0].env[1].name FieldValueInvalid");
    assertThat(e.getMessage()).contains("must consist only of printable ASCII characters other than '='");
  }

  @Test
  void envFieldRefIsDefaultedAndChecked() {
    Pod p = f.create(pod("p", "{containers: [{name: a, image: nginx, env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]}]}"));
    assertThat(at(p, "spec.containers[0].env[0].valueFrom.fieldRef.apiVersion").asText()).isEqualTo("v1");

    InvalidObjectException e = f.rejected(pod("q", "{containers: [{name: a, image: nginx, env: [{name: X, valueFrom: {fieldRef: {fieldPath: spec.restartPolicy}}}]}]}"));
    assertThat(causes(e)).containsExactly("spec.containers[0].env[0].valueFrom.fieldRef.fieldPath FieldValueNotSupported");
  }

  @Test
  void volumeMountMustNameAVolume() {
    InvalidObjectException e = f.rejected(pod("p",
        "{volumes: [{name: data}], containers: [{name: a, image: nginx, volumeMounts: [{name: data, mountPath: /d}, {name: logs, mountPath: /l}]}]}"));

    assertThat(causes(e)).containsExactly("spec.containers[0].volumeMounts[1].name FieldValueNotFound");
  }

  @Test
  void volumeWithoutSourceIsAnEmptyDir() {
    Pod p = f.create(pod("p", "{volumes: [{name: data}], containers: [{name: a, image: nginx, volumeMounts: [{name: data, mountPath: /d}]}]}"));

    assertThat(at(p, "spec.volumes[0].emptyDir").isObject()).isTrue();
  }

  @Test
  void tolerationsAreValidated() {
    InvalidObjectException e = f.rejected(pod("p",
        "{tolerations: [{operator: Equal, value: x}, {key: k, operator: Exists, value: v}, {key: k, effect: Sometimes}], containers: [{name: a, image: nginx}]}"));

    assertThat(causes(e)).containsExactly(
        "spec.tolerations[0].operator FieldValueInvalid",
        "spec.tolerations[1].operator FieldValueInvalid",
        "spec.tolerations[2].effect FieldValueNotSupported");
  }

  @Test
  void unknownPriorityClassIsForbidden() {
    KubeSimException e = catchThrowableOfType(
        () -> f.api.create(Fixture.decode(pod("p", "{priorityClassName: gold, containers: [{name: a, image: nginx}]}"))),
        KubeSimException.class);

    assertThat(e.reason()).isEqualTo("Forbidden");
    assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: no PriorityClass with name gold was found");
  }

  @Test
  void systemPriorityClassesResolveWithoutBeingStored() {
    Pod p = f.create(pod("p", "{priorityClassName: system-node-critical, containers: [{name: a, image: nginx}]}"));

    assertThat(at(p, "spec.priority").asInt()).isEqualTo(2000001000);
  }

  @Test
  void storedPriorityClassGivesItsValue() {
    f.create("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: gold}\nvalue: 1000\n");
    Pod p = f.create(pod("p", "{priorityClassName: gold, containers: [{name: a, image: nginx}]}"));

    assertThat(at(p, "spec.priority").asInt()).isEqualTo(1000);
  }

  @Test
  void podUpdateMayChangeTheImageButNotTheRestartPolicy() {
    f.create(pod("p", "{containers: [{name: a, image: nginx}]}"));

    Pod updated = f.update(pod("p", "{containers: [{name: a, image: nginx:1.27}]}"));
    assertThat(at(updated, "spec.containers[0].image").asText()).isEqualTo("nginx:1.27");
    assertThat(at(updated, "status.phase").asText()).as("the status is kept").isEqualTo("Pending");

    InvalidObjectException e = f.rejectedUpdate(pod("p", "{restartPolicy: Never, containers: [{name: a, image: nginx:1.27}]}"));
    assertThat(causes(e)).containsExactly("spec FieldValueForbidden");
    assertThat(e.getMessage()).contains("spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`");
  }

  @Test
  void podUpdateMayNotAddContainers() {
    f.create(pod("p", "{containers: [{name: a, image: nginx}]}"));

    InvalidObjectException e = f.rejectedUpdate(pod("p", "{containers: [{name: a, image: nginx}, {name: b, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.containers FieldValueForbidden");
    assertThat(e.getMessage()).endsWith("spec.containers: Forbidden: pod updates may not add or remove containers");
  }

  @Test
  void initContainerProbesNeedRestartPolicyAlways() {
    InvalidObjectException e = f.rejected(pod("p",
        "{initContainers: [{name: init, image: busybox, readinessProbe: {exec: {command: [ls]}}}], containers: [{name: a, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.initContainers[0].readinessProbe FieldValueForbidden");
  }

  @Test
  void initContainerMayNotReuseAContainerName() {
    InvalidObjectException e = f.rejected(pod("p", "{initContainers: [{name: a, image: busybox}], containers: [{name: a, image: nginx}]}"));

    assertThat(causes(e)).containsExactly("spec.initContainers[0].name FieldValueDuplicate");
  }
}
