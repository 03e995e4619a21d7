package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberSyntaxTest {

  @Test
  void inRangeIsInclusiveAndExplainsTheBounds() {
    assertThat(NumberSyntax.isInRange(30000, 30000, 32767)).isEmpty();
    assertThat(NumberSyntax.isInRange(32767, 30000, 32767)).isEmpty();
    assertThat(NumberSyntax.isInRange(80, 30000, 32767))
        .containsExactly("must be between 30000 and 32767, inclusive");
  }

  @Test
  void percentMustBeDigitsFollowedByPercentSign() {
    assertThat(NumberSyntax.isValidPercent("25%")).isEmpty();
    assertThat(NumberSyntax.isValidPercent("25"))
        .containsExactly(
            "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%', "
                + " or '93%', regex used for validation is '[0-9]+%')");
    assertThat(NumberSyntax.isValidPercent("-5%")).hasSize(1);
  }
}
