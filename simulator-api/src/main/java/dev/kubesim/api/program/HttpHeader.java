package dev.kubesim.api.program;

import java.util.Objects;

/**
 * One HTTP header field, as sent: the name keeps its spelling, lookups ignore case.
 *
 * @param name the field name, e.g. {@code Content-Type}
 * @param value the field value
 */
public record HttpHeader(String name, String value) {
  /**
   * Checks that no field is {@code null}; a header without a name is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param name the field name, e.g. {@code Content-Type}
   * @param value the field value
   */
  public HttpHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an HTTP header needs a name");
    }
  }

  /**
   * A header with this name and value.
   *
   * @param name the header's name, as written (compared without case)
   * @param value its value
   * @return the header
   */
  public static HttpHeader of(String name, String value) {
    return new HttpHeader(name, value);
  }

  /**
   * Whether this header has the given name, ignoring case as HTTP does.
   *
   * @param otherName a header name, in any case
   * @return whether this header has the given name, ignoring case as HTTP does
   */
  public boolean is(String otherName) {
    return name.equalsIgnoreCase(otherName);
  }
}
