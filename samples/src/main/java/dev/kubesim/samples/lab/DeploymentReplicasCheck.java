package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code deployment NS/NAME has N available replicas}: the Deployment's {@code status.availableReplicas}. */
record DeploymentReplicasCheck(String text, String namespace, String name, int count) implements LabCheck {
  static final String FORM = "deployment NS/NAME has N available replicas";
  private static final Pattern SYNTAX = Pattern.compile("deployment ([^/\\s]+)/(\\S+) has (\\d+) available replicas?");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new DeploymentReplicasCheck(text, m.group(1), m.group(2), Integer.parseInt(m.group(3))))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    try {
      int available = context.cluster().deployment(namespace, name).availableReplicas();
      return CheckResult.of(this, available == count, String.valueOf(available));
    } catch (KubeSimException e) {
      return CheckResult.of(this, false, "no deployment " + namespace + "/" + name);
    }
  }
}
