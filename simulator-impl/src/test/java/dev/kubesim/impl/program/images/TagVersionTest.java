package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tags read as a version and its variant, as the official images name their tags. */
class TagVersionTest {
  @Test
  void aVersionTagSplitsIntoItsNumbersAndItsVariant() {
    TagVersion v = TagVersion.parse("7.2.4-alpine3.19").orElseThrow();
    assertThat(v.text()).isEqualTo("7.2.4");
    assertThat(v.parts()).containsExactly(7, 2, 4);
    assertThat(v.suffix()).isEqualTo("alpine3.19");
    assertThat(v.variant()).isEqualTo("alpine");
    assertThat(v.prefixed()).isFalse();
  }

  @Test
  void seriesVariantsAndVPrefixesAreRead() {
    assertThat(TagVersion.parse("1.25-alpine").orElseThrow().parts()).containsExactly(1, 25);
    assertThat(TagVersion.parse("3.13-management-alpine").orElseThrow().variant()).isEqualTo("management");
    assertThat(TagVersion.parse("22.04").orElseThrow().text()).isEqualTo("22.04");
    TagVersion v2 = TagVersion.parse("v2").orElseThrow();
    assertThat(v2.prefixed()).isTrue();
    assertThat(v2.parts()).containsExactly(2);
    assertThat(TagVersion.parse("16").orElseThrow().suffix()).isEmpty();
  }

  @Test
  void wordsAreNoVersions() {
    for (String tag : List.of("latest", "stable", "stable-alpine", "alpine", "bookworm", "e2e", "mainline", "1.x", "")) {
      assertThat(TagVersion.parse(tag)).as(tag).isEmpty();
    }
    assertThat(TagVersion.parse(Optional.empty())).isEmpty();
  }

  @Test
  void hugeNumbersDoNotOverflow() {
    assertThat(TagVersion.parse("20250101123456").orElseThrow().parts()).containsExactly(Integer.MAX_VALUE);
  }

  @Test
  void prefixesAndOrder() {
    TagVersion series = TagVersion.parse("1.14").orElseThrow();
    TagVersion release = TagVersion.parse("1.14.2").orElseThrow();
    assertThat(series.isPrefixOf(release)).isTrue();
    assertThat(release.isPrefixOf(series)).isFalse();
    assertThat(release.isPrefixOf(release)).isTrue();
    assertThat(TagVersion.parse("1.9.15").orElseThrow().compareNumbers(TagVersion.parse("1.10.3").orElseThrow())).isNegative();
    assertThat(series.compareNumbers(release)).isNegative();
  }
}
