package dev.kubesim.impl.apiserver.validation;

/**
 * Scanners for the name syntaxes that {@link DnsNames} and {@link LabelNames} check, equivalent to
 * apimachinery's regular expressions (anchored at both ends) but without a regex engine: every
 * object written is checked several times over, so these run on the API server's hot path. The
 * regular expressions stay in the error messages, as Kubernetes prints them.
 */
final class NameSyntax {
  private NameSyntax() {}

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code value[from, to)}. */
  static boolean isDns1123Label(String value, int from, int to) {
    if (from >= to || !isLowerAlnum(value.charAt(from)) || !isLowerAlnum(value.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = value.charAt(i);
      if (!isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}: a whole RFC 1123 label. */
  static boolean isDns1123Label(String value) {
    return isDns1123Label(value, 0, value.length());
  }

  /** RFC 1123 labels joined by single dots over {@code value[from, length)}. */
  static boolean isDns1123Subdomain(String value, int from) {
    int start = from;
    while (true) {
      int dot = value.indexOf('.', start);
      int end = dot < 0 ? value.length() : dot;
      if (!isDns1123Label(value, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** RFC 1123 labels joined by single dots: a whole subdomain. */
  static boolean isDns1123Subdomain(String value) {
    return isDns1123Subdomain(value, 0);
  }

  /** {@code \*\.} followed by an RFC 1123 subdomain. */
  static boolean isWildcardDns1123Subdomain(String value) {
    return value.startsWith("*.") && isDns1123Subdomain(value, 2);
  }

  /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}. */
  static boolean isDns1035Label(String value) {
    return !value.isEmpty() && isLowerAlpha(value.charAt(0)) && isDns1123Label(value);
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}: a qualified name's name part. */
  static boolean isQualifiedNamePart(String value) {
    int n = value.length();
    if (n == 0 || !isAlnum(value.charAt(0)) || !isAlnum(value.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = value.charAt(i);
      if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** A label value: empty or a qualified name's name part. */
  static boolean isLabelValue(String value) {
    return value.isEmpty() || isQualifiedNamePart(value);
  }

  private static boolean isLowerAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLowerAlnum(char c) {
    return isLowerAlpha(c) || (c >= '0' && c <= '9');
  }

  private static boolean isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }
}
