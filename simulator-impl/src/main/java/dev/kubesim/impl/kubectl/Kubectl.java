package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.cluster.SimCluster;

/** PLACEHOLDER so the module compiles while kubectl is written; replaced by the real facade. */
public final class Kubectl {
  public Kubectl(SimCluster cluster) {}

  public KubectlResult run(String commandLine) {
    return run(commandLine, "");
  }

  public KubectlResult run(String commandLine, String stdin) {
    return new KubectlResult("", "error: kubectl is not available yet\n", 1);
  }
}
