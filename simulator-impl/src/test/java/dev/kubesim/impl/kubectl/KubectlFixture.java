package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.cluster.SimCluster;

/** A seeded cluster and its kubectl, for tests. */
final class KubectlFixture {
  static final long SEED = 1;

  final SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build();
  final Kubectl kubectl = new Kubectl(cluster);

  KubectlResult run(String commandLine) {
    return kubectl.run(commandLine);
  }

  KubectlResult run(String commandLine, String stdin) {
    return kubectl.run(commandLine, stdin);
  }

  /** Standard output and error together, as a terminal shows them. */
  String output(String commandLine) {
    return run(commandLine).output();
  }

  /** Standard output and error together, with standard input. */
  String output(String commandLine, String stdin) {
    return run(commandLine, stdin).output();
  }

  KubectlFixture apply(String yaml) {
    cluster.apply(yaml);
    return this;
  }

  /** A regex for any AGE cell. */
  static final String AGE = "[0-9]+[smhdy]([0-9]+[smhd])?";
}
