package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTextTest {
  private static final Map<String, String> LABELS = Map.of("app", "kubia", "tier", "web");

  @Test
  void equalityAndSetRequirements() {
    assertThat(LabelSelectorText.parse("app=kubia").test(LABELS)).isTrue();
    assertThat(LabelSelectorText.parse("app==kubia,tier=web").test(LABELS)).isTrue();
    assertThat(LabelSelectorText.parse("app!=kubia").test(LABELS)).isFalse();
    assertThat(LabelSelectorText.parse("tier in (web, db)").test(LABELS)).isTrue();
    assertThat(LabelSelectorText.parse("tier notin (web),app").test(LABELS)).isFalse();
    assertThat(LabelSelectorText.parse("!canary, app").test(LABELS)).isTrue();
  }

  @Test
  void malformedSelectorsAreRejected() {
    assertThatThrownBy(() -> LabelSelectorText.parse("app=kubia=x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabelSelectorText.parse(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
