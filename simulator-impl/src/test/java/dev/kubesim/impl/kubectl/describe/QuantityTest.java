package dev.kubesim.impl.kubectl.describe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantityTest {
  private static String canonical(String text) {
    return Quantity.parse(text).orElseThrow().toString();
  }

  @Test
  void quantitiesPrintInKubernetesCanonicalForm() {
    assertThat(canonical("102400Mi")).isEqualTo("100Gi");
    assertThat(canonical("16Gi")).isEqualTo("16Gi");
    assertThat(canonical("1.5Gi")).isEqualTo("1536Mi");
    assertThat(canonical("512")).isEqualTo("512");
    assertThat(canonical("0.5")).isEqualTo("500m");
    assertThat(canonical("1000m")).isEqualTo("1");
    assertThat(canonical("1500")).isEqualTo("1500");
    assertThat(canonical("2000")).isEqualTo("2k");
    assertThat(canonical("1e3")).isEqualTo("1k");
    assertThat(canonical("0")).isEqualTo("0");
  }

  @Test
  void sumsKeepTheFirstFormatAndValuesRoundUp() {
    Quantity sum = Quantity.parse("100m").orElseThrow().plus(Quantity.parse("250m").orElseThrow());
    assertThat(sum.toString()).isEqualTo("350m");
    assertThat(sum.milliValue()).isEqualTo(350);
    assertThat(Quantity.parse("64Mi").orElseThrow().wholeValue()).isEqualTo(64L * 1024 * 1024);
    assertThat(Quantity.parse("bogus")).isEmpty();
  }
}
