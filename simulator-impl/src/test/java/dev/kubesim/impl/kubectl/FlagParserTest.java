package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagParserTest {
  private final FlagParser parser =
      new FlagParser(
          List.of(Flag.value("output", "o"), Flag.value("namespace", "n"), Flag.bool("all-namespaces", "A"),
              Flag.bool("watch", "w"), Flag.value("filename", "f")),
          "get");

  @Test
  void longFlagsTakeValuesWithOrWithoutEquals() {
    ParsedArgs a = parser.parse(List.of("pods", "--output=wide", "--namespace", "shop"));
    assertThat(a.positional()).containsExactly("pods");
    assertThat(a.string("output")).contains("wide");
    assertThat(a.string("namespace")).contains("shop");
  }

  @Test
  void shorthandsTakeAttachedOrSeparateValues() {
    assertThat(parser.parse(List.of("-owide")).string("output")).contains("wide");
    assertThat(parser.parse(List.of("-o", "yaml")).string("output")).contains("yaml");
    assertThat(parser.parse(List.of("-o=json")).string("output")).contains("json");
  }

  @Test
  void booleanShorthandsCluster() {
    ParsedArgs a = parser.parse(List.of("-Aw"));
    assertThat(a.bool("all-namespaces")).isTrue();
    assertThat(a.bool("watch")).isTrue();
  }

  @Test
  void booleanAcceptsExplicitFalse() {
    assertThat(parser.parse(List.of("--watch=false")).bool("watch")).isFalse();
  }

  @Test
  void aDashAloneIsAValue() {
    assertThat(parser.parse(List.of("-f", "-")).strings("filename")).containsExactly("-");
  }

  @Test
  void repeatedFlagsKeepEveryValue() {
    assertThat(parser.parse(List.of("-f", "a.yaml", "-f", "b.yaml")).strings("filename")).containsExactly("a.yaml", "b.yaml");
  }

  @Test
  void wordsAfterDoubleDashAreNotFlags() {
    ParsedArgs a = parser.parse(List.of("kubia", "--", "ls", "-l"));
    assertThat(a.positional()).containsExactly("kubia");
    assertThat(a.afterDash()).containsExactly("ls", "-l");
  }

  @Test
  void unknownFlagsAreReportedAsCobraDoes() {
    assertThatThrownBy(() -> parser.parse(List.of("--foo"))).hasMessage("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.");
    assertThatThrownBy(() -> parser.parse(List.of("-z")))
        .hasMessage("Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.");
  }

  @Test
  void missingValueIsReported() {
    assertThatThrownBy(() -> parser.parse(List.of("-n")))
        .hasMessage("Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.");
    assertThatThrownBy(() -> parser.parse(List.of("--output")))
        .hasMessage("Error: flag needs an argument: --output\nSee 'kubectl get --help' for usage.");
  }
}
