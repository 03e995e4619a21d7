package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpansionTest {
  private static String expand(String input) {
    return EnvExpansion.expand(input, List.of(Map.of("A", "first"), Map.of("A", "second", "B", "bee")));
  }

  @Test
  void definedReferenceIsReplacedFromTheFirstContextThatHasIt() {
    assertThat(expand("$(A)-$(B)")).isEqualTo("first-bee");
  }

  @Test
  void undefinedReferenceStaysAsWritten() {
    assertThat(expand("x$(NOPE)y")).isEqualTo("x$(NOPE)y");
  }

  @Test
  void doubleDollarEscapesAReference() {
    assertThat(expand("$$(A) $$$(A) $$")).isEqualTo("$(A) $first $");
  }

  @Test
  void unclosedReferenceAndLoneDollarsStay() {
    assertThat(expand("$(A")).isEqualTo("$(A");
    assertThat(expand("a$b $")).isEqualTo("a$b $");
    assertThat(expand("$()")).isEqualTo("$()");
  }
}
