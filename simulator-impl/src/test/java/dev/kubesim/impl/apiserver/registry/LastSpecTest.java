package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastSpecTest {
  @Test
  void computesOnceForARunOfEqualInputsAndAgainWhenTheInputChanges() {
    List<String> computed = new ArrayList<>();
    LastSpec<String, Integer> length = new LastSpec<>(s -> {
      computed.add(s);
      return s.length();
    });

    assertThat(length.apply("spec-a")).isEqualTo(6);
    assertThat(length.apply(new String("spec-a"))).isEqualTo(6);
    assertThat(length.apply("spec-bb")).isEqualTo(7);
    assertThat(length.apply("spec-a")).isEqualTo(6);

    assertThat(computed).containsExactly("spec-a", "spec-bb", "spec-a");
  }
}
