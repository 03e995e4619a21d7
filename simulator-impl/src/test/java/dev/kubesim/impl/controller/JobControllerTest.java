package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.JobObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Job controller and the TTL-after-finished controller, run on a whole cluster (seed 1). */
class JobControllerTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static String job(String name, String spec, String restartPolicy, String command) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: %s}
        spec:
        %s
          template:
            spec:
              restartPolicy: %s
              containers: [{name: main, image: busybox, command: [sh, -c, '%s']}]
        """.formatted(name, spec.isEmpty() ? "" : spec.indent(2).stripTrailing(), restartPolicy, command);
  }

  private GenericObject getJob(String name) {
    return cluster.get("Job", "default", name).flatMap(JobObjects::of).orElseThrow();
  }

  private Map<String, Object> status(String name) {
    return JobObjects.status(getJob(name));
  }

  private List<Pod> pods(String job) {
    return cluster.pods("default", "batch.kubernetes.io/job-name=" + job);
  }

  private String kubectl(String line) {
    KubectlResult r = cluster.kubectl(line);
    return r.stdout() + r.stderr();
  }

  private List<String> conditionTypes(String name) {
    return JobObjects.list(status(name), "conditions").stream()
        .map(c -> String.valueOf(((Map<?, ?>) c).get("type"))).toList();
  }

  @Test
  void theApiServerDefaultsTheSpecAndGeneratesTheSelectorFromTheUid() {
    cluster.apply(job("hello", "", "Never", "echo hi"));
    GenericObject job = getJob("hello");
    String uid = job.metadata().uid().orElseThrow();
    Map<String, Object> spec = JobObjects.spec(job);
    assertThat(spec).containsEntry("parallelism", 1).containsEntry("completions", 1).containsEntry("backoffLimit", 6)
        .containsEntry("completionMode", "NonIndexed").containsEntry("suspend", false)
        .containsEntry("manualSelector", false).containsEntry("podReplacementPolicy", "TerminatingOrFailed");
    assertThat(spec.get("selector")).isEqualTo(Map.of("matchLabels", Map.of(JobObjects.CONTROLLER_UID, uid)));
    Map<String, String> labels = Map.of(JobObjects.CONTROLLER_UID, uid, JobObjects.JOB_NAME, "hello",
        "controller-uid", uid, "job-name", "hello");
    assertThat(JobObjects.template(job).metadata().labels()).isEqualTo(labels);
    assertThat(job.metadata().labels()).isEqualTo(labels);
  }

  @Test
  void aJobMustChooseOnFailureOrNeverAsItsRestartPolicy() {
    assertThatThrownBy(() -> cluster.apply("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: bad}
        spec:
          template:
            spec:
              containers: [{name: main, image: busybox}]
        """))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageEndingWith("Job.batch \"bad\" is invalid: spec.template.spec.restartPolicy: Required value: "
            + "valid values: \"OnFailure\", \"Never\"");
  }

  @Test
  void podsAreCreatedWithTheJobAsControllerAndTheTrackingFinalizer() {
    cluster.apply(job("work", "completions: 3\nparallelism: 2", "Never", "sleep 5"));
    List<Pod> pods = pods("work");
    assertThat(pods).hasSize(2).allSatisfy(p -> {
      assertThat(p.metadata().nameOrEmpty()).matches("work-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().finalizers()).containsExactly(JobObjects.TRACKING_FINALIZER);
      assertThat(p.metadata().ownerReferences()).containsExactly(new OwnerReference("batch/v1", "Job", "work",
          getJob("work").metadata().uid().orElseThrow(), Optional.of(true), Optional.of(true)));
      assertThat(p.metadata().labels()).containsEntry("job-name", "work");
    });
    assertThat(status("work")).containsEntry("active", 2).containsEntry("terminating", 0)
        .containsEntry("uncountedTerminatedPods", Map.of()).containsKey("startTime");
  }

  @Test
  void enoughSuccessesCompleteTheJobWithTheInterimConditionFirst() {
    cluster.apply(job("work", "completions: 3\nparallelism: 2", "Never", "echo done; sleep 5"));
    cluster.advance(Duration.ofSeconds(30));
    Map<String, Object> status = status("work");
    assertThat(status).containsEntry("succeeded", 3).containsEntry("ready", 0).doesNotContainKey("active")
        .containsKey("completionTime");
    assertThat(conditionTypes("work")).containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(JobObjects.condition(getJob("work"), "Complete").orElseThrow())
        .containsEntry("reason", "CompletionsReached").containsEntry("message", "Reached expected number of succeeded pods");
    assertThat(pods("work")).hasSize(3).allSatisfy(p -> assertThat(p.metadata().finalizers()).isEmpty());
    assertThat(kubectl("get jobs")).matches("(?s)NAME\\s+STATUS\\s+COMPLETIONS\\s+DURATION\\s+AGE\\n"
        + "work\\s+Complete\\s+3/3\\s+1\\ds\\s+3\\ds\\n");
    assertThat(kubectl("get events --field-selector involvedObject.kind=Job"))
        .contains("SuccessfulCreate", "Created pod: work-").contains("Completed", "Job completed");
    assertThat(kubectl("logs job/work")).isEqualTo("done\n");
  }

  @Test
  void aFailedPodIsReplacedAfterADoublingBackOffUntilTheBackoffLimitFailsTheJob() {
    cluster.apply(job("fail", "backoffLimit: 2", "Never", "exit 1"));
    cluster.advance(Duration.ofMinutes(2));
    List<Instant> created = pods("fail").stream()
        .map(p -> Instant.parse(p.metadata().creationTimestamp().orElseThrow()))
        .sorted(Comparator.naturalOrder()).toList();
    assertThat(created).hasSize(3);
    // the second pod comes about 10 s after the first failed, the third about 20 s after the second
    assertThat(Duration.between(created.get(0), created.get(1)).toSeconds()).isBetween(10L, 12L);
    assertThat(Duration.between(created.get(1), created.get(2)).toSeconds()).isBetween(20L, 22L);
    assertThat(status("fail")).containsEntry("failed", 3).doesNotContainKey("succeeded");
    assertThat(conditionTypes("fail")).containsExactly("FailureTarget", "Failed");
    assertThat(JobObjects.condition(getJob("fail"), "Failed").orElseThrow())
        .containsEntry("reason", "BackoffLimitExceeded").containsEntry("message", "Job has reached the specified backoff limit");
    assertThat(kubectl("get job fail")).contains("Failed").contains("0/1");
    assertThat(kubectl("get events --field-selector involvedObject.kind=Job"))
        .contains("Warning   BackoffLimitExceeded");
  }

  @Test
  void containerRestartsOfAnOnFailurePodCountTowardsTheBackoffLimit() {
    cluster.apply(job("restarts", "backoffLimit: 2", "OnFailure", "exit 1"));
    cluster.advance(Duration.ofMinutes(3));
    assertThat(conditionTypes("restarts")).containsExactly("FailureTarget", "Failed");
    assertThat(status("restarts")).containsEntry("failed", 1);
    assertThat(pods("restarts")).isEmpty(); // the Job deleted its pod to stop the restarts
  }

  @Test
  void aJobActiveLongerThanItsDeadlineFailsAndLosesItsPods() {
    cluster.apply(job("slow", "activeDeadlineSeconds: 20", "Never", "sleep 3600"));
    cluster.advance(Duration.ofSeconds(15));
    assertThat(conditionTypes("slow")).isEmpty();
    cluster.advance(Duration.ofSeconds(60));
    assertThat(JobObjects.condition(getJob("slow"), "Failed").orElseThrow())
        .containsEntry("reason", "DeadlineExceeded").containsEntry("message", "Job was active longer than specified deadline");
    assertThat(status("slow")).containsEntry("failed", 1).doesNotContainKey("active");
  }

  @Test
  void aSuspendedJobHasNoPodsUntilItIsResumed() {
    cluster.apply(job("later", "suspend: true", "Never", "echo ok"));
    assertThat(pods("later")).isEmpty();
    assertThat(JobObjects.condition(getJob("later"), "Suspended").orElseThrow())
        .containsEntry("status", "True").containsEntry("reason", "JobSuspended");
    assertThat(status("later")).doesNotContainKey("startTime");
    assertThat(kubectl("get job later")).contains("Suspended");
    assertThat(kubectl("patch job later -p '{\"spec\":{\"suspend\":false}}'")).isEqualTo("job.batch/later patched\n");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(JobObjects.condition(getJob("later"), "Suspended").orElseThrow())
        .containsEntry("status", "False").containsEntry("reason", "JobResumed");
    assertThat(conditionTypes("later")).containsExactly("Suspended", "SuccessCriteriaMet", "Complete");
  }

  @Test
  void aFinishedJobWithATtlIsDeletedWithItsPods() {
    cluster.apply(job("short", "ttlSecondsAfterFinished: 30", "Never", "echo ok"));
    cluster.advance(Duration.ofSeconds(10));
    assertThat(conditionTypes("short")).contains("Complete");
    assertThat(cluster.get("Job", "default", "short")).isPresent();
    cluster.advance(Duration.ofSeconds(60));
    assertThat(cluster.get("Job", "default", "short")).isEmpty();
    assertThat(pods("short")).isEmpty();
  }

  @Test
  void anIndexedJobGivesEachPodItsIndex() {
    cluster.apply("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: idx}
        spec:
          completions: 3
          parallelism: 3
          completionMode: Indexed
          template:
            spec:
              restartPolicy: Never
              containers: [{name: main, image: busybox, command: [sh, -c, 'echo index $JOB_COMPLETION_INDEX; sleep 2']}]
        """);
    List<Pod> pods = pods("idx");
    assertThat(pods).extracting(p -> p.metadata().annotations().get(JobObjects.COMPLETION_INDEX))
        .containsExactlyInAnyOrder("0", "1", "2");
    assertThat(pods).allSatisfy(p -> {
      String ix = p.metadata().annotations().get(JobObjects.COMPLETION_INDEX);
      assertThat(p.metadata().nameOrEmpty()).startsWith("idx-" + ix + "-");
      assertThat(p.spec().orElseThrow().hostname()).contains("idx-" + ix);
      assertThat(p.metadata().labels()).containsEntry(JobObjects.COMPLETION_INDEX, ix);
    });
    cluster.advance(Duration.ofSeconds(20));
    assertThat(status("idx")).containsEntry("completedIndexes", "0-2").containsEntry("succeeded", 3);
    String first = pods("idx").stream().filter(p -> p.metadata().nameOrEmpty().startsWith("idx-1-")).findFirst()
        .orElseThrow().metadata().nameOrEmpty();
    assertThat(kubectl("logs " + first)).isEqualTo("index 1\n");
  }

  @Test
  void kubectlCreatesWaitsForDescribesAndListsJobs() {
    assertThat(kubectl("create job once --image=busybox -- sh -c 'echo once'")).isEqualTo("job.batch/once created\n");
    assertThat(kubectl("wait --for=condition=complete job/once --timeout=60s")).isEqualTo("job.batch/once condition met\n");
    GenericObject job = getJob("once");
    assertThat(JobObjects.template(job).specOrEmpty().restartPolicy()).contains("Never");
    assertThat(kubectl("get jobs -o wide")).matches("(?s)NAME\\s+STATUS\\s+COMPLETIONS\\s+DURATION\\s+AGE\\s+CONTAINERS\\s+"
        + "IMAGES\\s+SELECTOR\\nonce\\s+Complete\\s+1/1\\s+\\d+s\\s+\\d+s\\s+once\\s+busybox\\s+"
        + "batch.kubernetes.io/controller-uid=[0-9a-f-]{36}\\n");
    assertThat(kubectl("describe job once"))
        .contains("Completions:      1\n")
        .contains("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n")
        .contains("Normal  Completed         ")
        .contains("job-controller  Job completed");
    assertThat(kubectl("create job bad")).isEqualTo("error: either --image or --from must be specified\n");
  }

  @Test
  void aDeletedJobTakesItsPodsAlong() {
    cluster.apply(job("gone", "", "Never", "sleep 3600"));
    assertThat(pods("gone")).hasSize(1);
    cluster.kubectl("delete job gone");
    cluster.advance(Duration.ofSeconds(40));
    assertThat(pods("gone")).isEmpty();
  }

  @Test
  void aJobsFailedTriesDoNotHoldUpAwaitReady() {
    cluster.apply(job("flaky", "", "Never", "if [ -e /tmp/x ]; then exit 0; fi; exit 1"));
    cluster.advance(Duration.ofSeconds(30));
    assertThat(pods("flaky")).extracting(p -> p.status().flatMap(s -> s.phase()).orElse("")).containsOnly("Failed");
    assertThat(cluster.awaitReady(Duration.ofSeconds(5))).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theSameSeedGivesTheSameTranscript() {
    assertThat(transcript()).isEqualTo(transcript());
  }

  private static String transcript() {
    try (Cluster c = KubeSim.cluster().seed(7).build()) {
      c.apply(job("ok", "completions: 4\nparallelism: 2", "Never", "echo ok; sleep 3"));
      c.apply(job("bad", "backoffLimit: 2", "Never", "exit 1"));
      c.apply("""
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: tick}
          spec:
            schedule: "* * * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: OnFailure
                    containers: [{name: main, image: busybox, command: [sh, -c, 'echo tick']}]
          """);
      c.advance(Duration.ofMinutes(3));
      return c.kubectl("get jobs,cronjobs,pods -o yaml").stdout() + c.kubectl("get events").stdout();
    }
  }
}
