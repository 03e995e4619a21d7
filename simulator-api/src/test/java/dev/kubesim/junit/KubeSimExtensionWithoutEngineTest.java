package dev.kubesim.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.kubesim.api.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** simulator-api's tests have no engine on the class path: the extension says what to add. */
class KubeSimExtensionWithoutEngineTest {

  @Test
  void aTestWithoutTheEngineOnTheClassPathFailsNamingTheArtifactToAdd() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(NeedsACluster.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test("usesTheCluster"), finishedWithFailure(message(
            "@KubeSimTest cannot build its cluster: no kubesim engine on the class path: add the artifact "
                + "dev.kubesim:simulator-impl beside dev.kubesim:simulator-api (in test scope for tests)"))));
  }

  /** A kubesim test, run only through the test kit. */
  @KubeSimTest
  static class NeedsACluster {
    @Test
    void usesTheCluster(Cluster cluster) {
      cluster.settle();
    }
  }
}
