package dev.kubesim.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Kubernetes' {@code intstr.IntOrString}: a port number ({@code 8080}) or a port name ({@code
 * http}), as in {@code targetPort}. Serialised as a bare number or a string.
 */
public final class IntOrString {
  private final Integer intValue;
  private final String stringValue;

  private IntOrString(Integer intValue, String stringValue) {
    this.intValue = intValue;
    this.stringValue = stringValue;
  }

  /**
   * A port number, such as {@code 8080}.
   *
   * @param value the number
   * @return the value, serialised as a bare number
   */
  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  /**
   * A port name, such as {@code http}, looked up among the container's ports.
   *
   * @param value the name
   * @return the value, serialised as a string
   */
  public static IntOrString of(String value) {
    return new IntOrString(null, Objects.requireNonNull(value, "value"));
  }

  @JsonCreator
  static IntOrString fromJson(Object value) {
    if (value instanceof Integer i) {
      return of(i);
    }
    if (value instanceof Number n) {
      return of(n.intValue());
    }
    if (value instanceof String s) {
      return of(s);
    }
    throw new IllegalArgumentException("expected an integer or a string, got " + value);
  }

  /**
   * Whether this is a number rather than a name.
   *
   * @return {@code true} for a number
   */
  public boolean isInt() {
    return intValue != null;
  }

  /**
   * The number, when this is a number.
   *
   * @return the number, when this is a number
   */
  public OptionalInt intValue() {
    return intValue == null ? OptionalInt.empty() : OptionalInt.of(intValue);
  }

  /**
   * The string form: the name, or the number in decimal.
   *
   * @return the string form: the name, or the number in decimal
   */
  public String stringValue() {
    return intValue != null ? intValue.toString() : stringValue;
  }

  @JsonValue
  Object jsonValue() {
    return intValue != null ? intValue : stringValue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntOrString other
        && Objects.equals(intValue, other.intValue)
        && Objects.equals(stringValue, other.stringValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(intValue, stringValue);
  }

  @Override
  public String toString() {
    return stringValue();
  }
}
