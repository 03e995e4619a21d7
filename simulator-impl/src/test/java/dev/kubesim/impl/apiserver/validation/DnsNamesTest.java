package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsNamesTest {
  private static final String DNS1035_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  private static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
          + " used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  @Test
  void dns1035LabelAcceptsLowercaseNamesStartingWithALetter() {
    assertThat(DnsNames.isDNS1035Label("my-service")).isEmpty();
    assertThat(DnsNames.isDNS1035Label("a")).isEmpty();
    assertThat(DnsNames.isDNS1035Label("abc-123")).isEmpty();
  }

  @Test
  void dns1035LabelRejectsUppercaseWithKubernetesMessage() {
    assertThat(DnsNames.isDNS1035Label("MyService")).containsExactly(DNS1035_MSG);
  }

  @Test
  void dns1035LabelRejectsLeadingDigitAndTrailingDashAndEmpty() {
    assertThat(DnsNames.isDNS1035Label("1abc")).containsExactly(DNS1035_MSG);
    assertThat(DnsNames.isDNS1035Label("abc-")).containsExactly(DNS1035_MSG);
    assertThat(DnsNames.isDNS1035Label("")).containsExactly(DNS1035_MSG);
  }

  @Test
  void dns1035LabelReportsLengthAndFormatSeparately() {
    assertThat(DnsNames.isDNS1035Label("a".repeat(63))).isEmpty();
    assertThat(DnsNames.isDNS1035Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
    assertThat(DnsNames.isDNS1035Label("A".repeat(64)))
        .containsExactly("must be no more than 63 characters", DNS1035_MSG);
  }

  @Test
  void dns1123LabelAllowsLeadingDigitButRejectsUppercase() {
    assertThat(DnsNames.isDNS1123Label("123-abc")).isEmpty();
    assertThat(DnsNames.isDNS1123Label("My_Name")).containsExactly(DNS1123_LABEL_MSG);
  }

  @Test
  void dns1123LabelSaysDotsAreNotAllowedWhenTheValueIsASubdomain() {
    assertThat(DnsNames.isDNS1123Label("kube.system")).containsExactly("must not contain dots");
  }

  @Test
  void dns1123LabelDoesNotAcceptATrailingNewline() {
    assertThat(DnsNames.isDNS1123Label("abc\n")).containsExactly(DNS1123_LABEL_MSG);
  }

  @Test
  void dns1123SubdomainAcceptsDottedNamesUpTo253Characters() {
    assertThat(DnsNames.isDNS1123Subdomain("example.com")).isEmpty();
    String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    assertThat(longest).hasSize(253);
    assertThat(DnsNames.isDNS1123Subdomain(longest)).isEmpty();
    assertThat(DnsNames.isDNS1123Subdomain(longest + "a"))
        .containsExactly("must be no more than 253 characters");
  }

  @Test
  void dns1123SubdomainRejectsUppercaseWithKubernetesMessage() {
    assertThat(DnsNames.isDNS1123Subdomain("Example.com")).containsExactly(DNS1123_SUBDOMAIN_MSG);
    assertThat(DnsNames.isDNS1123Subdomain("a..b")).containsExactly(DNS1123_SUBDOMAIN_MSG);
  }

  @Test
  void wildcardSubdomainRequiresStarDotPrefix() {
    assertThat(DnsNames.isWildcardDNS1123Subdomain("*.example.com")).isEmpty();
    assertThat(DnsNames.isWildcardDNS1123Subdomain("example.com"))
        .containsExactly(
            "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain,"
                + " which must consist of lower case alphanumeric characters, '-' or '.' and end"
                + " with an alphanumeric character (e.g. '*.example.com', regex used for validation"
                + " is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
}
