package dev.kubesim.impl.kubectl.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFormatTest {

  @Test
  void formatLabelsJoinsSortedPairsWithCommas() {
    assertThat(LabelFormat.formatLabels(Map.of("tier", "web", "app", "kubia")))
        .isEqualTo("app=kubia,tier=web");
  }

  @Test
  void formatLabelsIsNoneWhenEmpty() {
    assertThat(LabelFormat.formatLabels(Map.of())).isEqualTo("<none>");
    assertThat(LabelFormat.formatLabels(null)).isEqualTo("<none>");
    assertThat(LabelFormat.setString(Map.of())).isEmpty();
  }

  @Test
  void pairsAreSortedAsWholeStringsLikeLabelsSetString() {
    Map<String, String> labels = new HashMap<>();
    labels.put("a", "1");
    labels.put("a-b", "2");
    // '-' sorts before '=', so the longer key comes first
    assertThat(LabelFormat.formatLabels(labels)).isEqualTo("a-b=2,a=1");
  }

  @Test
  void orderIsByCodePointAsGoComparesBytes() {
    // U+FF21 (fullwidth A) is a single UTF-16 unit above the surrogates of U+1F600
    Map<String, String> labels = Map.of("\uFF21", "x", "\uD83D\uDE00", "y");
    assertThat(LabelFormat.formatLabels(labels)).isEqualTo("\uFF21=x,\uD83D\uDE00=y");
  }
}
