package dev.kubesim.impl.dnswire;

import java.util.Locale;
import java.util.Objects;

/**
 * One DNS question (class IN). The name is kept as asked, case included (answers echo it, as DNS
 * servers do), and made fully qualified; the type is upper case ({@code A}, {@code SRV}).
 *
 * @param name the queried name, with its trailing dot
 * @param type the record type mnemonic
 */
public record DnsQuestion(String name, String type) {
  public DnsQuestion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty() || type.isEmpty()) {
      throw new IllegalArgumentException("a DNS question needs a name and a type, got \"" + name + "\" " + type);
    }
    name = DnsNames.fqdn(name);
    type = type.toUpperCase(Locale.ROOT);
  }

  public static DnsQuestion of(String name, String type) {
    return new DnsQuestion(name, type);
  }

  /** The name in lower case, as servers compare names. */
  public String lowerName() {
    return DnsNames.lower(name);
  }

  /** The same question for another name (following a CNAME). */
  public DnsQuestion withName(String value) {
    return new DnsQuestion(value, type);
  }

  /** The same name asked for another type. */
  public DnsQuestion withType(String value) {
    return new DnsQuestion(name, value);
  }

  @Override
  public String toString() {
    return name + " IN " + type;
  }
}
