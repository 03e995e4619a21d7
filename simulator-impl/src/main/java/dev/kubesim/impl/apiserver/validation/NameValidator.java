package dev.kubesim.impl.apiserver.validation;

import java.util.List;

/**
 * How one resource type's names must look, as apimachinery's {@code ValidateNameFunc}: given a name
 * and whether it is a {@code generateName} prefix (to which random characters will be appended),
 * returns the problems found, or an empty list.
 */
@FunctionalInterface
public interface NameValidator {
  /** Names that must be RFC 1123 subdomains (most kinds; {@code NameIsDNSSubdomain}). */
  NameValidator DNS_SUBDOMAIN =
      (name, prefix) -> DnsNames.isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

  /** Names that must be RFC 1123 labels (namespaces; {@code NameIsDNSLabel}). */
  NameValidator DNS_LABEL =
      (name, prefix) -> DnsNames.isDNS1123Label(prefix ? maskTrailingDash(name) : name);

  /** Names that must be RFC 1035 labels (Services; {@code NameIsDNS1035Label}). */
  NameValidator DNS1035_LABEL =
      (name, prefix) -> DnsNames.isDNS1035Label(prefix ? maskTrailingDash(name) : name);

  /**
   * Validates {@code name}; when {@code prefix} is true it is a generateName prefix and a trailing
   * {@code -} is allowed.
   */
  List<String> validate(String name, boolean prefix);

  /**
   * apimachinery's {@code maskTrailingDash}, which lets a generateName end in {@code -}: a name
   * ending in a dash loses its last <em>two</em> characters and gains an {@code a} ({@code
   * "my-svc-"} is checked as {@code "my-sva"}). Go panics on a lone {@code "-"}; here it becomes
   * {@code "a"}.
   */
  static String maskTrailingDash(String name) {
    if (name.endsWith("-")) {
      return name.substring(0, Math.max(0, name.length() - 2)) + "a";
    }
    return name;
  }
}
