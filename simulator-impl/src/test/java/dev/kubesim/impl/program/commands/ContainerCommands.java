package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A seeded cluster shared by a test class, and the two userlands its commands run in: a BusyBox
 * container's and the GNU one of the host outside the cluster.
 */
abstract class ContainerCommands {
  static final long SEED = 7;
  static SimCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NetTestClusters.build(SEED);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static ExecResult busybox(String script) {
    return cluster.exec("default/busybox", "", java.util.List.of("sh", "-c", script));
  }

  static ExecResult gnu(String script) {
    return cluster.external().exec("sh", "-c", script);
  }
}
