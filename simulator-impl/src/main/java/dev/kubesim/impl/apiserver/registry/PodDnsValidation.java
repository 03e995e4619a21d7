package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.PodDNSConfig;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Core validation's {@code validateDNSPolicy} and {@code validatePodDNSConfig}: the pod's DNS
 * policy, nameservers, search paths (relaxed, as on since 1.33) and options.
 */
final class PodDnsValidation {
  private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final int MAX_DNS_NAMESERVERS = 3;
  private static final int MAX_DNS_SEARCH_PATHS = 32;
  private static final int MAX_DNS_SEARCH_LIST_CHARS = 2048;
  private static final String DNS1123_SUBDOMAIN_UNDERSCORE_FMT =
      "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN_UNDERSCORE = Pattern.compile(DNS1123_SUBDOMAIN_UNDERSCORE_FMT);

  private PodDnsValidation() {}

  static List<FieldError> validateDnsPolicy(String policy, FieldPath path) {
    if (policy.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!DNS_POLICIES.contains(policy)) {
      return List.of(FieldError.notSupported(path, policy, DNS_POLICIES));
    }
    return List.of();
  }

  /** {@code validatePodDNSConfig} with relaxed search-path validation (on since 1.33). */
  static List<FieldError> validateDnsConfig(Optional<PodDNSConfig> config, String policy, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (policy.equals("None")) {
      if (config.isEmpty()) {
        errs.add(FieldError.required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
        return errs;
      }
      if (config.get().nameservers().isEmpty()) {
        errs.add(FieldError.required(path.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
        return errs;
      }
    }
    if (config.isEmpty()) {
      return errs;
    }
    PodDNSConfig c = config.get();
    if (c.nameservers().size() > MAX_DNS_NAMESERVERS) {
      errs.add(FieldError.invalid(path.child("nameservers"), c.nameservers(),
          "must not have more than " + MAX_DNS_NAMESERVERS + " nameservers"));
    }
    for (int i = 0; i < c.nameservers().size(); i++) {
      String ns = c.nameservers().get(i);
      errs.addAll(FieldError.invalidEach(path.child("nameservers").index(i), ns, IpSyntax.isValidIP(ns)));
    }
    if (c.searches().size() > MAX_DNS_SEARCH_PATHS) {
      errs.add(FieldError.invalid(path.child("searches"), c.searches(),
          "must not have more than " + MAX_DNS_SEARCH_PATHS + " search paths"));
    }
    if (String.join(" ", c.searches()).length() > MAX_DNS_SEARCH_LIST_CHARS) {
      errs.add(FieldError.invalid(path.child("searches"), c.searches(),
          "must not have more than " + MAX_DNS_SEARCH_LIST_CHARS + " characters (including spaces) in the search list"));
    }
    for (int i = 0; i < c.searches().size(); i++) {
      String search = c.searches().get(i);
      if (search.equals(".")) {
        continue;
      }
      if (search.endsWith(".")) {
        search = search.substring(0, search.length() - 1);
      }
      errs.addAll(FieldError.invalidEach(path.child("searches").index(i), search, dns1123SubdomainWithUnderscore(search)));
    }
    for (int i = 0; i < c.options().size(); i++) {
      if (c.options().get(i).name().orElse("").isEmpty()) {
        errs.add(FieldError.required(path.child("options").index(i), "must not be empty"));
      }
    }
    return errs;
  }

  /** {@code IsDNS1123SubdomainWithUnderscore}. */
  private static List<String> dns1123SubdomainWithUnderscore(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(ValidationMessages.maxLenError(DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN_UNDERSCORE.matcher(value).matches()) {
      errs.add(ValidationMessages.regexError(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', "
              + "and must start and end with an alphanumeric character",
          DNS1123_SUBDOMAIN_UNDERSCORE_FMT, "example.com"));
    }
    return errs;
  }
}
