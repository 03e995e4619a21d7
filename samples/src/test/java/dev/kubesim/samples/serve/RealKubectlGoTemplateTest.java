package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get -o go-template}, run by the real kubectl against a served cluster and by
 * kubesim's own kubectl against the same cluster: the tutorial's templates, functions and number
 * formatting, lists of several types, and the errors (the debugging text with the raw object
 * included) print the same.
 */
class RealKubectlGoTemplateTest {
  private static final long SEED = 3;

  /** Each case: the words before the template, the template, the words after it. */
  private static final List<String[]> CASES = List.of(
      new String[] {"get pods -o go-template --template", "{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}", ""},
      new String[] {"get services/kubernetes-bootcamp -o", "go-template={{(index .spec.ports 0).nodePort}}", ""},
      new String[] {"get deploy kubernetes-bootcamp -o",
          "go-template={{.spec.replicas}} {{printf \"%v|%d|%5.1f|%q\" .spec.replicas .spec.replicas .spec.replicas"
              + " .metadata.name}} {{.metadata.labels}} {{range .spec.template.spec.containers}}{{.image}}{{end}}", ""},
      new String[] {"get svc,deploy -o", "go-template={{range .items}}{{.kind}}:{{.metadata.name}} {{end}}{{.metadata}}",
          ""},
      new String[] {"get pods -l app=kubernetes-bootcamp -o",
          "template={{range .items}}{{range $k, $v := .metadata.labels}}{{$k}}={{$v}},{{end}}"
              + "{{if eq .status.phase \"Running\"}}up{{end}}{{len .spec.containers}}{{end}}", ""},
      new String[] {"get pods -l app=none -o", "go-template={{len .items}} {{.kind}}", ""},
      new String[] {"get pods nope -o", "go-template={{.kind}}", ""},
      new String[] {"get ns -A -o", "go-template={{range .items}}{{.metadata.name}} {{end}}", ""},
      new String[] {"get svc kubernetes-bootcamp -o", "go-template={{.spec.ports}} {{.spec.selector}}", ""},
      new String[] {"get deploy kubernetes-bootcamp -o", "go-template={{.spec}}", ""},
      new String[] {"get svc kubernetes-bootcamp -o", "go-template={{.spec.type}}{{.spec.nope}}",
          "--allow-missing-template-keys=false"},
      new String[] {"get svc kubernetes-bootcamp -o", "go-template={{.a}", ""});

  @TempDir
  Path home;

  @Test
  void goTemplatesPrintWhatKubesimsKubectlPrints() {
    Path binary = RealKubectl.binaryOrSkip();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(served.kubectl("create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1")
          .exitCode()).isZero();
      assertThat(served.kubectl("expose deployment/kubernetes-bootcamp --type=NodePort --port 8080").exitCode()).isZero();
      for (String[] c : CASES) {
        List<String> words = new ArrayList<>(List.of(c[0].split(" ")));
        words.add(c[1]);
        if (!c[2].isEmpty()) {
          words.add(c[2]);
        }
        RealKubectl.Result theirs = real.runWords(words);
        KubectlResult ours = served.kubectl(c[0] + " '" + c[1] + "' " + c[2]);
        String command = String.join(" ", words);
        assertThat(ours.stdout()).as(command).isEqualTo(theirs.stdout());
        assertThat(ours.stderr()).as(command).isEqualTo(theirs.stderr());
        assertThat(ours.exitCode()).as(command).isEqualTo(theirs.exitCode());
      }
    }
  }
}
