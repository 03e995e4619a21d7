package dev.kubesim.impl.ingress;

import com.google.common.net.InetAddresses;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.impl.net.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code allowlist-source-range} annotation (and its older name {@code whitelist-source-range},
 * read when the new one is empty): the client networks a location admits, written by ingress-nginx
 * as {@code allow CIDR; ... deny all;}. Entries are CIDRs (their host bits cleared) or single
 * addresses, sorted as text as the controller sorts them.
 *
 * @param entries the ranges as nginx's {@code allow} lines name them
 */
record SourceRange(List<String> entries) {
  static final String ALLOWLIST = "allowlist-source-range";
  static final String WHITELIST = "whitelist-source-range";

  SourceRange {
    entries = List.copyOf(entries);
  }

  /** No restriction: the controller's default {@code whitelist-source-range} is empty. */
  static SourceRange none() {
    return new SourceRange(List.of());
  }

  /** Whether the location restricts its clients. */
  boolean restricts() {
    return !entries.isEmpty();
  }

  /** The result of reading the annotation: the range, or why the location is denied. */
  record Parsed(SourceRange range, Optional<String> denied) {}

  /**
   * The Ingress's range. A value that is empty or does not parse is ingress-nginx's {@code
   * LocationDeniedError}: the range is left empty and every location of the Ingress answers 503.
   */
  static Parsed parse(Ingress ing) {
    String value;
    try {
      value = AnnotationReader.string(ing, ALLOWLIST, v -> parseEntries(v).isPresent(), WHITELIST);
    } catch (AnnotationReader.Problem p) {
      if (p.kind == AnnotationReader.Problem.Kind.MISSING) {
        return new Parsed(none(), Optional.empty());
      }
      return new Parsed(none(), Optional.of(p.getMessage()));
    }
    Optional<List<String>> entries = parseEntries(value);
    if (entries.isEmpty()) {
      return new Parsed(none(), Optional.of("the annotation does not contain a valid IP address or network"));
    }
    return new Parsed(new SourceRange(entries.get()), Optional.empty());
  }

  /** {@code ParseIPNets} over the comma-separated entries: every one a CIDR or an address, else none. */
  private static Optional<List<String>> parseEntries(String value) {
    TreeSet<String> out = new TreeSet<>();
    for (String spec : value.split(",", -1)) {
      String s = spec.strip();
      Optional<Cidr> cidr = Cidr.tryParse(s);
      if (cidr.isPresent()) {
        out.add(cidr.get().toString());
      } else if (InetAddresses.isInetAddress(s)) {
        out.add(InetAddresses.toAddrString(InetAddresses.forString(s)));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new ArrayList<>(out));
  }

  /** nginx's {@code allow} lines in order, then {@code deny all}: whether the client address is admitted. */
  boolean admits(String clientAddress) {
    if (!restricts()) {
      return true;
    }
    if (!InetAddresses.isInetAddress(clientAddress)) {
      return false;
    }
    InetAddress client = InetAddresses.forString(clientAddress);
    for (String e : entries) {
      if (e.contains("/") ? Cidr.parse(e).contains(client) : InetAddresses.forString(e).equals(client)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(",", entries);
  }
}
