package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelNamesTest {
  private static final String NAME_PART_REGEX_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
          + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @Test
  void qualifiedNameAcceptsPlainAndPrefixedKeys() {
    assertThat(LabelNames.isQualifiedName("app")).isEmpty();
    assertThat(LabelNames.isQualifiedName("MyName")).isEmpty();
    assertThat(LabelNames.isQualifiedName("kubernetes.io/metadata.name")).isEmpty();
    assertThat(LabelNames.isQualifiedName("app.kubernetes.io/part-of")).isEmpty();
  }

  @Test
  void qualifiedNameReportsNamePartProblems() {
    assertThat(LabelNames.isQualifiedName("bad key")).containsExactly("name part " + NAME_PART_REGEX_MSG);
    assertThat(LabelNames.isQualifiedName("a".repeat(64)))
        .containsExactly("name part must be no more than 63 characters");
    assertThat(LabelNames.isQualifiedName(""))
        .containsExactly("name part must be non-empty", "name part " + NAME_PART_REGEX_MSG);
  }

  @Test
  void qualifiedNameReportsPrefixPartProblems() {
    assertThat(LabelNames.isQualifiedName("/foo")).containsExactly("prefix part must be non-empty");
    assertThat(LabelNames.isQualifiedName("Example.com/foo"))
        .containsExactly(
            "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                + " characters, '-' or '.', and must start and end with an alphanumeric character"
                + " (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(LabelNames.isQualifiedName("example.com/"))
        .containsExactly("name part must be non-empty", "name part " + NAME_PART_REGEX_MSG);
  }

  @Test
  void qualifiedNameWithTwoSlashesGetsTheWholeFormatMessage() {
    assertThat(LabelNames.isQualifiedName("a/b/c"))
        .containsExactly(
            "a qualified name "
                + NAME_PART_REGEX_MSG
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  }

  @Test
  void labelValueMayBeEmptyOrAlphanumericWithInnerPunctuation() {
    assertThat(LabelNames.isValidLabelValue("")).isEmpty();
    assertThat(LabelNames.isValidLabelValue("my_value-1.0")).isEmpty();
  }

  @Test
  void labelValueRejectsBadCharactersWithKubernetesMessage() {
    assertThat(LabelNames.isValidLabelValue("-bad")).containsExactly(LABEL_VALUE_MSG);
    assertThat(LabelNames.isValidLabelValue("a b")).containsExactly(LABEL_VALUE_MSG);
  }

  @Test
  void labelValueLongerThan63CharactersIsRejected() {
    assertThat(LabelNames.isValidLabelValue("v".repeat(63))).isEmpty();
    assertThat(LabelNames.isValidLabelValue("v".repeat(64)))
        .containsExactly("must be no more than 63 characters");
  }
}
