package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSpecValidationTest {
  private static PodSpec defaulted(String yaml) {
    Pod pod = (Pod) Fixture.decode(yaml);
    return PodSpecDefaults.defaults(pod.specOrEmpty(), true);
  }

  private static List<String> messages(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).toList();
  }

  @Test
  void errorsOfEveryPartComeInValidatePodSpecOrder() {
    PodSpec spec = defaulted("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          tolerations: [{key: k, operator: Sometimes}]
          dnsPolicy: Elsewhere
          securityContext: {runAsUser: -1}
          volumes: [{name: Bad_Name, emptyDir: {}}]
          containers:
          - name: app
            image: nginx
            env: [{name: "A=B", value: x}]
            resources: {limits: {cpu: -1}}
            readinessProbe: {exec: {command: ["true"]}, periodSeconds: -1}
            lifecycle: {preStop: {}}
        """);

    List<FieldError> errors = PodSpecValidation.validatePodSpec(spec, FieldPath.root("spec"), true);

    assertThat(errors).extracting(FieldError::field).containsExactly(
        "spec.volumes[0].name",
        "spec.containers[0].env[0].name",
        "spec.containers[0].resources.limits[cpu]",
        "spec.containers[0].resources.requests[cpu]", // defaulting copied the limit into the requests
        "spec.containers[0].lifecycle.preStop",
        "spec.containers[0].readinessProbe.periodSeconds",
        "spec.dnsPolicy",
        "spec.securityContext.runAsUser",
        "spec.tolerations[0].operator");
  }

  @Test
  void aTemplateReportsItsSpecUnderItsOwnPathAndForbidsEphemeralContainers() {
    Pod pod = (Pod) Fixture.decode("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx}]
          ephemeralContainers: [{name: debug, image: busybox}]
          restartPolicy: Never
        """);
    PodTemplateSpec template = PodSpecDefaults.template(new PodTemplateSpec(pod.metadata(), pod.spec()));

    List<FieldError> errors = PodTemplateValidation.validateWorkloadTemplate(
        template, FieldPath.root("spec", "template"), "ReplicaSet");

    assertThat(messages(errors)).containsExactly(
        "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
  }

  @Test
  void qosClassFollowsTheCpuAndMemoryFigures() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx%s}]
        """;
    assertThat(PodQos.qosClass(defaulted(pod.formatted("")))).isEqualTo("BestEffort");
    assertThat(PodQos.qosClass(defaulted(pod.formatted(", resources: {requests: {cpu: 100m}}")))).isEqualTo("Burstable");
    assertThat(PodQos.qosClass(defaulted(pod.formatted(", resources: {limits: {cpu: 100m, memory: 64Mi}}"))))
        .isEqualTo("Guaranteed");
  }
}
