package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.impl.program.Shell;

/**
 * The verbs kubesim serves today beyond the API server and kubectl: {@code exec} runs the command
 * line (split as a shell would, then run without one, as {@code kubectl exec POD -- ...} does) in
 * the pod's first container. The other verbs stay refused until their machinery lands.
 */
final class SimulatorTarget extends ScenarioTarget.Unsupported {
  /** Makes a target per scenario cluster; its capabilities name what it serves. */
  static final ScenarioTarget.Factory FACTORY = new ScenarioTarget.Factory() {
    @Override
    public Capabilities capabilities() {
      return new Capabilities() {
        @Override
        public boolean exec() {
          return true;
        }
      };
    }

    @Override
    public ScenarioTarget create(Cluster cluster) {
      return new SimulatorTarget(cluster);
    }
  };

  private final Cluster cluster;

  private SimulatorTarget(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ExecResult exec(String pod, String command) {
    dev.kubesim.api.ExecResult r = cluster.exec(pod, "", Shell.split(command));
    return new ExecResult(r.stdout(), r.stderr(), r.exitCode());
  }
}
