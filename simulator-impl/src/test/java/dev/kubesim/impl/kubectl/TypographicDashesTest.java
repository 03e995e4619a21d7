package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/** Command lines copied from typeset notes: kubectl's own error first, then a hint naming the dash. */
class TypographicDashesTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void createWithAnEnDashFlagGetsKubectlsUnexpectedArgsAndAHint() {
    KubectlResult r = k.run("kubectl create \u2013f kubia-svc.yaml");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: Unexpected args: [\u2013f kubia-svc.yaml]\n"
        + "See 'kubectl create -h' for help and examples\n"
        + "hint: \"\u2013f\" starts with an en dash (U+2013), not \"-\"; type -f\n");
  }

  @Test
  void execWithTypesetDashesGetsKubectlsErrorAndAHintPerWord() {
    KubectlResult r = k.run("kubectl exec kubia-5dz2n \u2013 curl \u2013s http://10.80.15.170");

    assertThat(r.stderr()).isEqualTo(
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
            + "See 'kubectl exec -h' for help and examples\n"
            + "hint: \"\u2013\" is an en dash (U+2013), not \"--\"; type --\n"
            + "hint: \"\u2013s\" starts with an en dash (U+2013), not \"-\"; type -s\n");
  }

  @Test
  void aLongFlagTypesetWithAnEmDashIsMeantWithTwoHyphens() {
    KubectlResult r = k.run("kubectl get pods \u2014namespace kube-system");

    assertThat(r.stderr()).endsWith("hint: \"\u2014namespace\" starts with an em dash (U+2014), not \"--\"; type --namespace\n");
  }

  @Test
  void aCommandThatSucceedsGetsNoHint() {
    KubectlResult r = k.run("kubectl get pods -n \u2013");

    assertThat(r.stderr()).doesNotContain("hint:");
  }

  @Test
  void anUnknownCreateArgumentIsUnexpectedNotUnsupported() {
    assertThat(k.run("kubectl create frob x").stderr())
        .isEqualTo("error: Unexpected args: [frob x]\nSee 'kubectl create -h' for help and examples\n");
    assertThat(k.run("kubectl create namespace").stderr())
        .isEqualTo("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n");
  }

  @Test
  void labelAsksForResourcesBeforeUpdates() {
    assertThat(k.run("kubectl label").stderr())
        .isEqualTo("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    assertThat(k.run("kubectl label pods x").stderr()).isEqualTo("error: at least one label update is required\n");
  }
}
