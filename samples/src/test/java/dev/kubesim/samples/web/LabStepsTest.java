package dev.kubesim.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.samples.lab.LabFile;
import dev.kubesim.samples.lab.LabScript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabStepsTest {
  private static final LabScript SCRIPT = LabScript.parse("demo", """
      # A Service gives pods one address.
      # Its endpoints follow the pods.
      kubectl create -f kubia-rc.yaml
      kubectl get pods
      # That is all.
      """);

  @Test
  void eachStepIsTheNarrationBeforeACommandAndTheCommand() {
    LabSteps steps = LabSteps.of(SCRIPT);
    assertThat(steps.name()).isEqualTo("demo");
    assertThat(steps.steps()).containsExactly(
        new LabSteps.Step(List.of("A Service gives pods one address.", "Its endpoints follow the pods."),
            Optional.of("kubectl create -f kubia-rc.yaml")),
        new LabSteps.Step(List.of(), Optional.of("kubectl get pods")),
        new LabSteps.Step(List.of("That is all."), Optional.empty()));
  }

  @Test
  void aLabFileGivesAStepACommandLineATaskItsSolutionAndTheFirstStepTheTitle() {
    LabFile lab = LabFile.parse("demo.md", """
        # Demo

        A Service gives pods one address.

        ```kubesim
        kubectl create -f kubia-rc.yaml
        kubectl create -f kubia-svc.yaml
        ```

        ```task
        Scale kubia to two pods.
        ```

        ```solution
        kubectl scale rc kubia --replicas=2
        ```

        ```check
        pods default -l app=kubia: 2 running
        ```

        That is all.
        """);
    assertThat(LabSteps.of(lab).steps()).containsExactly(
        new LabSteps.Step(List.of("Demo", "A Service gives pods one address."), Optional.of("kubectl create -f kubia-rc.yaml")),
        new LabSteps.Step(List.of(), Optional.of("kubectl create -f kubia-svc.yaml")),
        new LabSteps.Step(List.of("Task: Scale kubia to two pods."), Optional.of("kubectl scale rc kubia --replicas=2")),
        new LabSteps.Step(List.of("That is all."), Optional.empty()));
  }

  @Test
  void progressShowsTheStepToComeAndEndsFinished() {
    LabSteps steps = LabSteps.of(SCRIPT);
    LabProgress first = LabProgress.of(steps, 0);
    assertThat(first.step()).isZero();
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.command()).hasValue("kubectl create -f kubia-rc.yaml");
    assertThat(first.finished()).isFalse();
    LabProgress closing = LabProgress.of(steps, 2);
    assertThat(closing.explanation()).containsExactly("That is all.");
    assertThat(closing.command()).isEmpty();
    LabProgress done = LabProgress.of(steps, 3);
    assertThat(done.finished()).isTrue();
    assertThat(done.explanation()).isEmpty();
  }

  @Test
  void theVirtualClockShowsHoursOnlyOnceThereAreSome() {
    assertThat(StateJson.clock(0)).isEqualTo("T+0m00.000s");
    assertThat(StateJson.clock(72_002)).isEqualTo("T+1m12.002s");
    assertThat(StateJson.clock(3_723_456)).isEqualTo("T+1h02m03.456s");
  }
}
