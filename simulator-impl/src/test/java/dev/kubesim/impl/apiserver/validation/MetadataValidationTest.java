package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataValidationTest {
  private static final FieldPath METADATA = FieldPath.root("metadata");
  private static final String DNS1035_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

  @Test
  void invalidNameGivesOneErrorPerMessageAtMetadataName() {
    assertThat(MetadataValidation.validateName("MyService", "", NameValidator.DNS1035_LABEL, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.name: Invalid value: \"MyService\": " + DNS1035_MSG);
    assertThat(
            MetadataValidation.validateName("A".repeat(64), null, NameValidator.DNS1035_LABEL, METADATA))
        .extracting(FieldError::detail)
        .containsExactly("must be no more than 63 characters", DNS1035_MSG);
  }

  @Test
  void missingNameIsRequiredWithGenerateNameHint() {
    assertThat(MetadataValidation.validateName("", "", NameValidator.DNS_SUBDOMAIN, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.name: Required value: name or generateName is required");
  }

  @Test
  void generateNameMayEndWithADash() {
    assertThat(
            MetadataValidation.validateName(
                "my-svc-x7k2p", "my-svc-", NameValidator.DNS1035_LABEL, METADATA))
        .isEmpty();
  }

  @Test
  void invalidGenerateNameIsReportedAtMetadataGenerateName() {
    assertThat(
            MetadataValidation.validateName("My-abcde", "My-", NameValidator.DNS1035_LABEL, METADATA))
        .extracting(FieldError::message)
        .containsExactly(
            "metadata.generateName: Invalid value: \"My-\": " + DNS1035_MSG,
            "metadata.name: Invalid value: \"My-abcde\": " + DNS1035_MSG);
  }

  @Test
  void maskTrailingDashReplacesTheLastTwoCharactersLikeApimachinery() {
    assertThat(NameValidator.maskTrailingDash("my-svc-")).isEqualTo("my-sva");
    assertThat(NameValidator.maskTrailingDash("abc")).isEqualTo("abc");
    assertThat(NameValidator.maskTrailingDash("-")).isEqualTo("a");
    // The character before the dash is never checked, as in Kubernetes.
    assertThat(NameValidator.DNS_SUBDOMAIN.validate("ab_-", true)).isEmpty();
  }

  @Test
  void labelValueErrorsAreReportedAtTheLabelsMapPath() {
    FieldPath labels = METADATA.child("labels");

    assertThat(MetadataValidation.validateLabels(Map.of("app", "-bad", "tier", "web"), labels))
        .extracting(FieldError::message)
        .containsExactly(
            "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or"
                + " consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
                + " an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex"
                + " used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }

  @Test
  void labelKeyErrorsShowTheKeyAtTheLabelsMapPath() {
    assertThat(MetadataValidation.validateLabels(Map.of("bad key", "v"), METADATA.child("labels")))
        .extracting(FieldError::message)
        .containsExactly(
            "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric"
                + " characters, '-', '_' or '.', and must start and end with an alphanumeric"
                + " character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }

  @Test
  void labelErrorsComeInSortedKeyOrder() {
    assertThat(
            MetadataValidation.validateLabels(
                Map.of("z", "-z", "a", "-a", "m", "ok"), METADATA.child("labels")))
        .extracting(FieldError::badValue)
        .containsExactly("-a", "-z");
  }

  @Test
  void annotationKeysAreCheckedIgnoringCaseButShownAsGiven() {
    FieldPath annotations = METADATA.child("annotations");

    assertThat(MetadataValidation.validateAnnotations(Map.of("Example.com/Foo", "x"), annotations))
        .isEmpty();
    assertThat(MetadataValidation.validateAnnotations(Map.of("Bad Key", "x"), annotations))
        .extracting(FieldError::message)
        .singleElement()
        .asString()
        .startsWith("metadata.annotations: Invalid value: \"Bad Key\": name part must consist of");
  }

  @Test
  void annotationsLargerThan256KiBAreTooLong() {
    FieldPath annotations = METADATA.child("annotations");

    assertThat(MetadataValidation.validateAnnotations(Map.of("k", "v".repeat(262143)), annotations))
        .isEmpty();
    assertThat(MetadataValidation.validateAnnotations(Map.of("k", "v".repeat(262144)), annotations))
        .extracting(FieldError::message)
        .containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
  }

  @Test
  void namespaceIsRequiredForNamespacedKindsAndForbiddenOtherwise() {
    assertThat(MetadataValidation.validateNamespace("", true, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.namespace: Required value");
    assertThat(MetadataValidation.validateNamespace("default", true, METADATA)).isEmpty();
    assertThat(MetadataValidation.validateNamespace("kube.system", true, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.namespace: Invalid value: \"kube.system\": must not contain dots");
    assertThat(MetadataValidation.validateNamespace("default", false, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    assertThat(MetadataValidation.validateNamespace(null, false, METADATA)).isEmpty();
  }
}
