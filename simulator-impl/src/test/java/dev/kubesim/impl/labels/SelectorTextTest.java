package dev.kubesim.impl.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectorTextTest {
  private static final Map<String, String> LABELS = Map.of("app", "kubia", "tier", "web");

  @Test
  void equalitySetAndExistenceRequirementsAllHaveToHold() {
    assertThat(SelectorText.parse("app=kubia").test(LABELS)).isTrue();
    assertThat(SelectorText.parse("app==kubia,tier=web").test(LABELS)).isTrue();
    assertThat(SelectorText.parse("app!=kubia").test(LABELS)).isFalse();
    assertThat(SelectorText.parse("tier in (web, db)").test(LABELS)).isTrue();
    assertThat(SelectorText.parse("tier notin (web),app").test(LABELS)).isFalse();
    assertThat(SelectorText.parse("!canary, app").test(LABELS)).isTrue();
    assertThat(SelectorText.parse("").test(LABELS)).isTrue();
  }

  @Test
  void malformedSelectorsAreRejectedWithApimachineryWording() {
    assertThatThrownBy(() -> SelectorText.parse("tier in (web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unable to parse requirement");
  }

  @Test
  void labelSelectorExpressionsMatchLikeApimachinery() {
    LabelSelector selector = new LabelSelector(Map.of("app", "kubia"), List.of(
        new LabelSelectorRequirement(Optional.of("tier"), Optional.of("In"), List.of("web", "db")),
        new LabelSelectorRequirement(Optional.of("canary"), Optional.of("DoesNotExist"), List.of())));
    assertThat(LabelSelectors.matches(selector, LABELS)).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("app", "kubia", "tier", "cache"))).isFalse();
  }
}
