package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CronJob controller on a whole cluster whose virtual clock starts at 2025-01-01T00:00:00Z (seed 1). */
class CronJobControllerTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static String cronJob(String name, String schedule, String extra, String command) {
    return """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: %s}
        spec:
          schedule: "%s"
        %s
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: main, image: busybox, command: [sh, -c, '%s']}]
        """.formatted(name, schedule, extra.isEmpty() ? "" : extra.indent(2).stripTrailing(), command);
  }

  private List<String> jobNames() {
    return cluster.kubectl("get jobs -o name").stdout().lines().toList();
  }

  private Map<String, Object> status(String name) {
    return StorageObjects.section((GenericObject) cluster.get("CronJob", "default", name).orElseThrow(), "status");
  }

  private static String minutes(String instant) {
    return Long.toString(Instant.parse(instant).getEpochSecond() / 60);
  }

  @Test
  void eachScheduledMinuteCreatesAJobNamedByTheMinute() {
    cluster.apply(cronJob("tick", "*/1 * * * *", "", "echo tick"));
    assertThat(jobNames()).isEmpty();
    cluster.advance(Duration.ofMinutes(3));
    assertThat(jobNames()).containsExactly(
        "job.batch/tick-" + minutes("2025-01-01T00:01:00Z"),
        "job.batch/tick-" + minutes("2025-01-01T00:02:00Z"),
        "job.batch/tick-" + minutes("2025-01-01T00:03:00Z"));
    GenericObject job = cluster.get("Job", "default", "tick-" + minutes("2025-01-01T00:01:00Z")).flatMap(JobObjects::of)
        .orElseThrow();
    assertThat(job.metadata().annotations())
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2025-01-01T00:01:00Z");
    assertThat(job.metadata().controllerRef()).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("tick"));
    assertThat(JobObjects.conditionTrue(job, "Complete")).isTrue();
    assertThat(status("tick")).containsEntry("lastScheduleTime", "2025-01-01T00:03:00Z").containsKey("lastSuccessfulTime");
    KubectlResult get = cluster.kubectl("get cronjobs");
    assertThat(get.stdout()).matches("NAME\\s+SCHEDULE\\s+TIMEZONE\\s+SUSPEND\\s+ACTIVE\\s+LAST SCHEDULE\\s+AGE\\n"
        + "tick\\s+\\*/1 \\* \\* \\* \\*\\s+<none>\\s+False\\s+\\d\\s+\\d+s\\s+3m\\d*s?\\n");
    assertThat(cluster.kubectl("get events --field-selector involvedObject.kind=CronJob").stdout())
        .contains("SuccessfulCreate", "Created job tick-").contains("SawCompletedJob", "condition: Complete");
  }

  @Test
  void onlyTheHistoryLimitsOfFinishedJobsAreKept() {
    cluster.apply(cronJob("keep", "* * * * *", "successfulJobsHistoryLimit: 2", "echo ok"));
    cluster.advance(Duration.ofMinutes(5).plusSeconds(30));
    assertThat(jobNames()).containsExactly(
        "job.batch/keep-" + minutes("2025-01-01T00:04:00Z"),
        "job.batch/keep-" + minutes("2025-01-01T00:05:00Z"));
    assertThat(cluster.kubectl("get events --field-selector involvedObject.kind=CronJob").stdout())
        .contains("SuccessfulDelete", "Deleted job keep-" + minutes("2025-01-01T00:01:00Z"));
  }

  @Test
  void forbidSkipsStartsWhileThePreviousJobRunsThenRunsTheLatestMissedOne() {
    cluster.apply(cronJob("single", "* * * * *", "concurrencyPolicy: Forbid", "sleep 150"));
    cluster.advance(Duration.ofMinutes(3).plusSeconds(30));
    // the 00:02 and 00:03 starts come while the 00:01 Job runs
    assertThat(jobNames()).containsExactly("job.batch/single-" + minutes("2025-01-01T00:01:00Z"));
    assertThat(cluster.kubectl("get events --field-selector involvedObject.kind=CronJob").stdout())
        .contains("JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    // once it finishes, the most recent missed start (00:03) runs, late, as startingDeadlineSeconds is unset;
    // the 00:04 start then waits for that one
    cluster.advance(Duration.ofMinutes(1));
    assertThat(jobNames()).containsExactly(
        "job.batch/single-" + minutes("2025-01-01T00:01:00Z"),
        "job.batch/single-" + minutes("2025-01-01T00:03:00Z"));
  }

  @Test
  void replaceDeletesTheRunningJobForTheNextOne() {
    cluster.apply(cronJob("swap", "* * * * *", "concurrencyPolicy: Replace", "sleep 3600"));
    cluster.advance(Duration.ofMinutes(2).plusSeconds(30));
    assertThat(jobNames()).containsExactly("job.batch/swap-" + minutes("2025-01-01T00:02:00Z"));
    assertThat(JobObjects.list(status("swap"), "active")).hasSize(1);
  }

  @Test
  void aSuspendedCronJobStartsNothingAndATimeZoneShiftsTheSchedule() {
    cluster.apply(cronJob("paused", "* * * * *", "suspend: true", "echo ok"));
    cluster.apply(cronJob("tokyo", "5 9 * * *", "timeZone: Asia/Tokyo", "echo ok"));
    cluster.advance(Duration.ofMinutes(6));
    assertThat(jobNames()).containsExactly("job.batch/tokyo-" + minutes("2025-01-01T00:05:00Z"));
    GenericObject job = cluster.get("Job", "default", "tokyo-" + minutes("2025-01-01T00:05:00Z")).flatMap(JobObjects::of)
        .orElseThrow();
    assertThat(job.metadata().annotations())
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2025-01-01T09:05:00+09:00");
    assertThat(cluster.kubectl("get cronjob paused tokyo").stdout())
        .containsPattern("paused\\s+\\* \\* \\* \\* \\*\\s+<none>\\s+True\\s+0\\s+<none>")
        .containsPattern("tokyo\\s+5 9 \\* \\* \\*\\s+Asia/Tokyo\\s+False");
  }

  @Test
  void kubectlCreatesAJobFromACronJobByHand() {
    cluster.apply(cronJob("nightly", "@daily", "", "echo by hand"));
    assertThat(cluster.kubectl("create job manual --from=cronjob/nightly").stdout()).isEqualTo("job.batch/manual created\n");
    GenericObject job = cluster.get("Job", "default", "manual").flatMap(JobObjects::of).orElseThrow();
    assertThat(job.metadata().annotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(job.metadata().ownerReferences()).singleElement()
        .satisfies(r -> assertThat(r.kind() + "/" + r.name()).isEqualTo("CronJob/nightly"));
    cluster.advance(Duration.ofSeconds(10));
    assertThat(cluster.kubectl("logs job/manual").stdout()).isEqualTo("by hand\n");
  }

  @Test
  void theApiServerDefaultsAndValidatesTheSchedule() {
    cluster.apply(cronJob("ok", "@hourly", "", "echo"));
    Map<String, Object> spec = StorageObjects.section((GenericObject) cluster.get("CronJob", "default", "ok").orElseThrow(), "spec");
    assertThat(spec).containsEntry("concurrencyPolicy", "Allow").containsEntry("suspend", false)
        .containsEntry("successfulJobsHistoryLimit", 3).containsEntry("failedJobsHistoryLimit", 1);
    assertThatThrownBy(() -> cluster.apply(cronJob("bad", "61 * * * *", "", "echo")))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageEndingWith("CronJob.batch \"bad\" is invalid: spec.schedule: Invalid value: \"61 * * * *\": "
            + "end of range (61) above maximum (59): 61");
    assertThatThrownBy(() -> cluster.apply(cronJob("tz", "0 * * * *", "timeZone: Mars/Base", "echo")))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageEndingWith("spec.timeZone: Invalid value: \"Mars/Base\": unknown time zone Mars/Base");
    Optional<KubeObject> none = cluster.get("CronJob", "default", "bad");
    assertThat(none).isEmpty();
  }

  @Test
  void kubectlCreatesACronJob() {
    assertThat(cluster.kubectl("create cronjob every --image=busybox --schedule='*/5 * * * *' -- echo hi").stdout()
        + cluster.kubectl("create cronjob noschedule --image=busybox").stderr())
        .isEqualTo("cronjob.batch/every created\nerror: --schedule must be specified\n");
    Map<String, Object> spec = StorageObjects.section((GenericObject) cluster.get("CronJob", "default", "every").orElseThrow(), "spec");
    assertThat(spec).containsEntry("schedule", "*/5 * * * *");
    cluster.advance(Duration.ofMinutes(5));
    assertThat(jobNames()).containsExactly("job.batch/every-" + minutes("2025-01-01T00:05:00Z"));
  }

  @Test
  void describeShowsTheScheduleTheTemplateAndTheActiveJobs() {
    cluster.apply(cronJob("long", "* * * * *", "", "sleep 3600"));
    cluster.advance(Duration.ofSeconds(70));
    String out = cluster.kubectl("describe cronjob long").stdout();
    assertThat(out)
        .contains("Schedule:                      * * * * *\n")
        .contains("Concurrency Policy:            Allow\n")
        .contains("Suspend:                       False\n")
        .contains("Successful Job History Limit:  3\n")
        .contains("Starting Deadline Seconds:     <unset>\n")
        .contains("Last Schedule Time:  Wed, 01 Jan 2025 00:01:00 +0000\n")
        .contains("Active Jobs:         long-" + minutes("2025-01-01T00:01:00Z") + "\n")
        .contains("Created job long-");
  }
}
