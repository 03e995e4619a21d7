package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortSyntaxTest {
  private static final String CHARSET = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
  private static final String ONE_LETTER = "must contain at least one letter (a-z)";

  @Test
  void portNumbersMustBeBetween1And65535() {
    assertThat(PortSyntax.isValidPortNum(1)).isEmpty();
    assertThat(PortSyntax.isValidPortNum(65535)).isEmpty();
    assertThat(PortSyntax.isValidPortNum(0)).containsExactly("must be between 1 and 65535, inclusive");
    assertThat(PortSyntax.isValidPortNum(65536)).containsExactly("must be between 1 and 65535, inclusive");
  }

  @Test
  void portNameAcceptsIanaServiceNames() {
    assertThat(PortSyntax.isValidPortName("http")).isEmpty();
    assertThat(PortSyntax.isValidPortName("metrics-9090")).isEmpty();
    assertThat(PortSyntax.isValidPortName("a".repeat(15))).isEmpty();
  }

  @Test
  void portNameWithoutLettersIsRejected() {
    assertThat(PortSyntax.isValidPortName("8080")).containsExactly(ONE_LETTER);
  }

  @Test
  void portNameRejectsUppercaseAsCharsetAndLetterProblems() {
    assertThat(PortSyntax.isValidPortName("HTTP")).containsExactly(CHARSET, ONE_LETTER);
  }

  @Test
  void portNameReportsHyphenProblems() {
    assertThat(PortSyntax.isValidPortName("my--port"))
        .containsExactly("must not contain consecutive hyphens");
    assertThat(PortSyntax.isValidPortName("-http")).containsExactly("must not begin or end with a hyphen");
    assertThat(PortSyntax.isValidPortName("http-")).containsExactly("must not begin or end with a hyphen");
  }

  @Test
  void portNameLongerThan15CharactersIsRejected() {
    assertThat(PortSyntax.isValidPortName("very-long-port-name"))
        .containsExactly("must be no more than 15 characters");
  }

  @Test
  void emptyPortNameBreaksCharsetAndLetterRules() {
    assertThat(PortSyntax.isValidPortName("")).containsExactly(CHARSET, ONE_LETTER);
  }

  @Test
  void validatePortNumOrNameReportsAtThePathWithTheValue() {
    FieldPath target = FieldPath.root("spec", "ports").index(0).child("targetPort");

    assertThat(PortSyntax.validatePortNumOrName(0, target))
        .extracting(FieldError::message)
        .containsExactly(
            "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive");
    assertThat(PortSyntax.validatePortNumOrName("8080", target))
        .extracting(FieldError::message)
        .containsExactly(
            "spec.ports[0].targetPort: Invalid value: \"8080\": must contain at least one letter (a-z)");
    assertThat(PortSyntax.validatePortNumOrName("http", target)).isEmpty();
  }
}
