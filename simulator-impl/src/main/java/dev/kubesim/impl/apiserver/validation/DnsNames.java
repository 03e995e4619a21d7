package dev.kubesim.impl.apiserver.validation;

import static dev.kubesim.impl.apiserver.validation.ValidationMessages.byteLength;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.maxLenError;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.regexError;

import java.util.ArrayList;
import java.util.List;

/**
 * DNS-style name checks from apimachinery's {@code validation.go}: RFC 1123 labels and
 * subdomains, RFC 1035 labels and wildcard subdomains. Each returns the problems found, worded as
 * Kubernetes words them, or an empty list when the value is valid.
 */
public final class DnsNames {
  /** Longest RFC 1123 label. */
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  /** Longest RFC 1123 subdomain. */
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  /** Longest RFC 1035 label. */
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_ERR_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_ERR_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_ERR_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final String WILDCARD_DNS1123_SUBDOMAIN_FMT = "\\*\\." + DNS1123_SUBDOMAIN_FMT;
  private static final String WILDCARD_DNS1123_SUBDOMAIN_ERR_MSG =
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain,"
          + " which must consist of lower case alphanumeric characters, '-' or '.' and end with an"
          + " alphanumeric character";

  private DnsNames() {}

  /** An RFC 1123 label: namespace names, most other short names, {@code my-name}. */
  public static List<String> isDNS1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
    }
    if (!NameSyntax.isDns1123Label(value)) {
      if (NameSyntax.isDns1123Subdomain(value)) {
        // A valid subdomain but not a label: length is already reported, so it must be dots.
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  /** An RFC 1123 subdomain: most object names, {@code example.com}. */
  public static List<String> isDNS1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!NameSyntax.isDns1123Subdomain(value)) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** An RFC 1035 label: Service names, which must start with a letter. */
  public static List<String> isDNS1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
    }
    if (!NameSyntax.isDns1035Label(value)) {
      errs.add(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** A wildcard subdomain (RFC 1034 section 4.3.3): {@code *.example.com}. */
  public static List<String> isWildcardDNS1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!NameSyntax.isWildcardDns1123Subdomain(value)) {
      errs.add(
          regexError(
              WILDCARD_DNS1123_SUBDOMAIN_ERR_MSG, WILDCARD_DNS1123_SUBDOMAIN_FMT, "*.example.com"));
    }
    return errs;
  }
}
