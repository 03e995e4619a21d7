package dev.kubesim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/**
 * {@link KubeSimTest} run through JUnit's own engine: the classes nested here are test classes of
 * their own (Surefire leaves nested classes out), executed by the test kit, whose events are
 * asserted on.
 */
class KubeSimExtensionTest {

  @Test
  void fieldsAndParametersGetTheClusterBuiltWithTheAnnotationsSettingsAndManifests() {
    EngineExecutionResults results = run(Kubia.class);

    assertThat(failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(3);
  }

  @Test
  void everyTestMethodGetsAClusterOfItsOwnThatIsClosedAfterIt() {
    PerMethod.seen.clear();
    EngineExecutionResults results = run(PerMethod.class);

    assertThat(failures(results)).isEmpty();
    assertThat(entries(results, "cluster")).hasSize(4).doesNotHaveDuplicates();
    assertThat(PerMethod.seen).hasSize(4).allSatisfy(cluster ->
        assertThatThrownBy(cluster::now).hasMessage("the cluster is closed"));
  }

  @Test
  void withALifecyclePerClassTheTestsShareOneClusterBuiltBeforeBeforeAll() {
    EngineExecutionResults results = run(PerClass.class);

    assertThat(failures(results)).isEmpty();
    assertThat(entries(results, "cluster")).hasSize(3).containsOnly(entries(results, "beforeAll").get(0));
  }

  @Test
  void aClusterInBeforeAllWithoutLifecyclePerClassIsRefusedSayingWhy() {
    EngineExecutionResults results = run(BeforeAllWithoutPerClass.class);

    Throwable failure = containerFailure(results);
    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("@BeforeAll, @AfterAll and constructors have none")
        .hasMessageContaining("@TestInstance(Lifecycle.PER_CLASS)");
  }

  @Test
  void aFailingTestKeepsItsAssertionErrorAndCarriesTheClustersReport() {
    EngineExecutionResults results = run(Failing.class);

    Throwable failure = failures(results).get("assertionFails()");
    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("expected: <0> but was: <6>");
    assertThat(failure.getSuppressed()).singleElement().isInstanceOf(ClusterReport.class);
    String report = failure.getSuppressed()[0].getMessage();
    assertThat(report)
        .startsWith("kubesim cluster at the failure: seed 42, virtual time ")
        .contains(", 2 nodes, add-ons [coredns]")
        .contains("$ kubectl get all -A\nNAMESPACE     NAME")
        .contains("service/kubia")
        .contains("replicationcontroller/kubia");
    assertThat(failure.getSuppressed()[0].getStackTrace()).isEmpty();
  }

  @Test
  void aFailingTestsReportRendersTheTracesOfTheRequestsItMade() {
    EngineExecutionResults results = run(Failing.class);

    String report = failures(results).get("curlAnswerIsNotWhatWasExpected()").getSuppressed()[0].getMessage();
    assertThat(report)
        .contains("Traces of the requests made (1):")
        .contains("curl -s http://kubia")
        .contains("DELIVERED");
    assertThat(failures(results).get("assertionFails()").getSuppressed()[0].getMessage())
        .contains("No request was traced in this cluster.");
  }

  @Test
  void aFailingBeforeEachCarriesTheReportToo() {
    EngineExecutionResults results = run(Failing.class);

    Throwable failure = failures(results).get("neverRuns()");
    // The test method never ran: the @BeforeEach of its own test instance failed.
    assertThat(failure).hasMessage("before each");
    assertThat(failure.getSuppressed()).singleElement().isInstanceOf(ClusterReport.class);
  }

  @Test
  void anAbortedTestIsNoFailureAndHasNoReport() {
    EngineExecutionResults results = run(Failing.class);

    Event aborted = results.testEvents().aborted().stream().findFirst().orElseThrow();
    Throwable cause = aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(cause.getSuppressed()).isEmpty();
  }

  @Test
  void aSelectorThatMatchesNoPodIsRefusedListingTheNamespacesPods() {
    EngineExecutionResults results = run(Selectors.class);

    Throwable failure = failures(results).get("nothingMatches(String)");
    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("no pod in namespace \"default\" matches "
            + "@PodSelector(namespace = \"default\", value = \"app=nothing\"); the namespace's pods:\n"
            + "NAME          READY   STATUS    RESTARTS   AGE   LABELS")
        .hasMessageContaining("app=kubia");
  }

  @Test
  void anInvalidSelectorIsRefusedInKubectlsWords() {
    EngineExecutionResults results = run(Selectors.class);

    assertThat(failures(results).get("invalidSelector(String)"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("@PodSelector(namespace = \"default\", value = \"app in (a\") cannot be resolved: ");
  }

  @Test
  void aPodSelectorOnAnotherTypeIsRefused() {
    EngineExecutionResults results = run(Selectors.class);

    assertThat(failures(results).get("wrongType(Integer)"))
        .hasMessageStartingWith("@PodSelector needs a parameter of type String (the pod's name) or "
            + "dev.kubesim.api.model.Pod, not java.lang.Integer");
  }

  @Test
  void aStaticClusterFieldIsRefusedSayingWhy() {
    EngineExecutionResults results = run(StaticField.class);

    assertThat(failures(results).get("test()"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("is static: make it a non-final instance field");
  }

  @Test
  void aMissingManifestIsNamedWithItsAbsolutePath() {
    EngineExecutionResults results = run(MissingManifest.class);

    assertThat(failures(results).get("test(Cluster)"))
        .hasMessageContaining("@KubeSimTest manifest \"no/such/folder\": the path \"")
        .hasMessageContaining("does not exist (write classpath:no/such/folder for a resource)");
  }

  @Test
  void aProjectManifestIsFoundFromTheProjectsRootWhateverTheWorkingDirectory() {
    EngineExecutionResults results = run(ProjectManifest.class);

    assertThat(failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void anAbsentManifestSkipsTheTestWhenTheAnnotationAsks() {
    EngineExecutionResults results = run(AbsentManifestSkipped.class);

    assertThat(failures(results)).isEmpty();
    Event aborted = results.testEvents().aborted().stream().findFirst().orElseThrow();
    assertThat(aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .hasMessageContaining("@KubeSimTest manifest \"project:../no/such/checkout/app.yaml\": the path \"")
        .hasMessageEndingWith("no/such/checkout/app.yaml\" does not exist");
  }

  @Test
  void nestedClassesUseTheEnclosingClassesSettings() {
    EngineExecutionResults results = run(Outer.class);

    assertThat(failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void eachRepetitionOfARepeatedTestGetsAClusterOfItsOwn() {
    EngineExecutionResults results = run(Repeated.class);

    assertThat(failures(results)).isEmpty();
    assertThat(entries(results, "cluster")).hasSize(3).doesNotHaveDuplicates();
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  /** The failed tests' exceptions by their display names, in the order they finished. */
  private static Map<String, Throwable> failures(EngineExecutionResults results) {
    Map<String, Throwable> out = new java.util.LinkedHashMap<>();
    results.testEvents().failed().stream().forEach(e -> out.put(e.getTestDescriptor().getDisplayName(),
        e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()));
    return out;
  }

  private static Throwable containerFailure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream().findFirst().orElseThrow()
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** The values the tests published under a key, in the order they were published. */
  private static List<String> entries(EngineExecutionResults results, String key) {
    List<String> out = new ArrayList<>();
    results.allEvents().stream().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
        .filter(java.util.Objects::nonNull)
        .forEach(out::add);
    return out;
  }

  private static String id(Cluster cluster) {
    return Integer.toHexString(System.identityHashCode(cluster));
  }

  @KubeSimTest(seed = 7, nodes = 2, manifests = {"classpath:junit/kubia.yaml", "src/test/resources/junit/folder"})
  static class Kubia {
    Cluster cluster;

    @Test
    void theFieldHoldsTheClusterTheParameterGets(Cluster parameter) {
      assertThat(parameter).isSameAs(cluster);
      assertThat(cluster.options().seed()).isEqualTo(7);
      assertThat(cluster.options().nodes()).hasSize(2);
    }

    @Test
    void manifestsAreAppliedAndSettledBeforeTheTest(@PodSelector("app=kubia") Pod kubia) {
      assertThat(cluster.get(Service.class, "default", "kubia")).isPresent();
      assertThat(kubia.metadata().nameOrEmpty()).startsWith("kubia-");
      assertThat(kubia.status().orElseThrow().phase()).contains("Running");
    }

    @Test
    void aSelectedPodAnswersRequests(@PodSelector(namespace = "default", value = "app=client") String client) {
      assertThat(client).isEqualTo("client");
      assertThat(cluster.exec(client, "curl", "-s", "http://kubia").stdout()).startsWith("You've hit kubia-");
    }
  }

  @KubeSimTest(addons = {})
  static class PerMethod {
    static final List<Cluster> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Cluster cluster;

    @BeforeEach
    void remember() {
      seen.add(cluster);
    }

    @Test
    void one(TestReporter reporter) {
      reporter.publishEntry("cluster", id(cluster));
    }

    @Test
    void two(TestReporter reporter, Cluster parameter) {
      reporter.publishEntry("cluster", id(parameter));
    }

    @RepeatedTest(2)
    void repeated(TestReporter reporter) {
      reporter.publishEntry("cluster", id(cluster));
    }
  }

  @KubeSimTest(addons = {})
  @TestInstance(Lifecycle.PER_CLASS)
  static class PerClass {
    Cluster cluster;

    @BeforeAll
    void setUp(Cluster parameter, TestReporter reporter) {
      assertThat(cluster).isSameAs(parameter);
      reporter.publishEntry("beforeAll", id(parameter));
    }

    @RepeatedTest(3)
    void shared(TestReporter reporter) {
      reporter.publishEntry("cluster", id(cluster));
    }
  }

  @KubeSimTest(addons = {})
  static class BeforeAllWithoutPerClass {
    @BeforeAll
    static void setUp(Cluster cluster) {}

    @Test
    void test() {}
  }

  @KubeSimTest(seed = 42, nodes = 2, manifests = "classpath:junit/kubia.yaml")
  static class Failing {
    Cluster cluster;

    @BeforeEach
    void failOnce(org.junit.jupiter.api.TestInfo info) {
      if (info.getDisplayName().equals("neverRuns()")) {
        throw new IllegalStateException("before each");
      }
    }

    @Test
    void assertionFails() {
      org.junit.jupiter.api.Assertions.assertEquals(0, cluster.list(Pod.class, "default").size() * 2);
    }

    @Test
    void neverRuns() {}

    @Test
    void curlAnswerIsNotWhatWasExpected() {
      String pod = cluster.list(Pod.class, "default").get(0).metadata().name().orElseThrow();
      org.junit.jupiter.api.Assertions.assertEquals("nobody", cluster.exec(pod, "curl", "-s", "http://kubia").stdout());
    }

    @Test
    void aborted() {
      Assumptions.assumeTrue(cluster.list(Pod.class, "default").isEmpty(), "no pods");
    }
  }

  @KubeSimTest(manifests = "classpath:junit/kubia.yaml")
  static class Selectors {
    @Test
    void nothingMatches(@PodSelector("app=nothing") String pod) {}

    @Test
    void invalidSelector(@PodSelector("app in (a") String pod) {}

    @Test
    void wrongType(@PodSelector("app=kubia") Integer pod) {}
  }

  @KubeSimTest(addons = {})
  static class StaticField {
    static Cluster cluster;

    @Test
    void test() {}
  }

  @KubeSimTest(addons = {}, manifests = "no/such/folder")
  static class MissingManifest {
    @Test
    void test(Cluster cluster) {}
  }

  // The tests run in simulator-impl's folder; the location names the module from the project's root.
  @KubeSimTest(addons = {}, manifests = "project:simulator-impl/src/test/resources/junit/kubia.yaml")
  static class ProjectManifest {
    @Test
    void applied(@PodSelector("app=kubia") Pod kubia) {
      assertThat(kubia.metadata().nameOrEmpty()).startsWith("kubia-");
    }
  }

  @KubeSimTest(addons = {}, manifests = "project:../no/such/checkout/app.yaml", skipWhenManifestsAbsent = true)
  static class AbsentManifestSkipped {
    @Test
    void test(Cluster cluster) {}
  }

  @KubeSimTest(seed = 9, addons = {})
  static class Outer {
    @Nested
    class Inner {
      Cluster cluster;

      @Test
      void seesTheOuterSettings() {
        assertThat(cluster.options().seed()).isEqualTo(9);
      }
    }
  }

  @KubeSimTest(addons = {})
  static class Repeated {
    @RepeatedTest(3)
    void repeated(Cluster cluster, TestReporter reporter) {
      reporter.publishEntry("cluster", id(cluster));
    }
  }
}
