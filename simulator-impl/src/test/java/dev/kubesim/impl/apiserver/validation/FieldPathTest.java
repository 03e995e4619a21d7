package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void childAndIndexRenderWithDotsAndBrackets() {
    FieldPath path = FieldPath.root("spec").child("ports").index(0).child("name");

    assertThat(path).hasToString("spec.ports[0].name");
  }

  @Test
  void mapKeysRenderUnquotedInBrackets() {
    FieldPath path = FieldPath.root("metadata").child("labels").key("kubernetes.io/metadata.name");

    assertThat(path).hasToString("metadata.labels[kubernetes.io/metadata.name]");
  }

  @Test
  void rootAndChildAcceptSeveralNamesAtOnce() {
    assertThat(FieldPath.root("spec", "template", "spec")).hasToString("spec.template.spec");
    assertThat(FieldPath.root("spec").child("selector", "matchLabels"))
        .hasToString("spec.selector.matchLabels");
  }

  @Test
  void extendingAPathLeavesTheOriginalUnchanged() {
    FieldPath ports = FieldPath.root("spec").child("ports");

    FieldPath first = ports.index(0);
    FieldPath second = ports.index(1).child("port");

    assertThat(ports).hasToString("spec.ports");
    assertThat(first).hasToString("spec.ports[0]");
    assertThat(second).hasToString("spec.ports[1].port");
    assertThat(second.parent().parent()).isEqualTo(ports);
  }

  @Test
  void subscriptDirectlyOnRootAndNestedSubscriptsRenderLikeGo() {
    assertThat(FieldPath.root("items").index(2).index(3)).hasToString("items[2][3]");
  }

  @Test
  void emptyChildNameRendersAsEmptySubscriptLikeGo() {
    assertThat(FieldPath.root("a").child("")).hasToString("a[]");
  }

  @Test
  void pathsWithTheSameTextAreEqual() {
    assertThat(FieldPath.root("spec").child("type"))
        .isEqualTo(FieldPath.root("spec", "type"))
        .hasSameHashCodeAs(FieldPath.root("spec", "type"));
  }
}
