package dev.kubesim.impl.apiserver.validation;

import static dev.kubesim.impl.apiserver.validation.ValidationMessages.byteLength;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.inclusiveRangeError;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.maxLenError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Port number and port name (IANA_SVC_NAME) checks from apimachinery's {@code validation.go}, plus
 * core validation's {@code ValidatePortNumOrName} for int-or-string ports such as {@code
 * targetPort}.
 */
public final class PortSyntax {
  /** Longest port name (RFC 6335). */
  public static final int PORT_NAME_MAX_LENGTH = 15;

  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern ONE_LETTER = Pattern.compile("[a-z]");

  private PortSyntax() {}

  /** A non-zero port: {@code must be between 1 and 65535, inclusive} otherwise. */
  public static List<String> isValidPortNum(int port) {
    if (1 <= port && port <= 65535) {
      return List.of();
    }
    return List.of(inclusiveRangeError(1, 65535));
  }

  /**
   * An IANA service name: at most 15 characters of {@code [-a-z0-9]}, at least one letter, no
   * leading, trailing or doubled hyphen. Every broken rule is reported, in apimachinery's order.
   */
  public static List<String> isValidPortName(String port) {
    List<String> errs = new ArrayList<>();
    if (byteLength(port) > PORT_NAME_MAX_LENGTH) {
      errs.add(maxLenError(PORT_NAME_MAX_LENGTH));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!ONE_LETTER.matcher(port).find()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  /** {@code ValidatePortNumOrName} for a numeric port: one Invalid error per problem. */
  public static List<FieldError> validatePortNumOrName(int port, FieldPath path) {
    return FieldError.invalidEach(path, port, isValidPortNum(port));
  }

  /** {@code ValidatePortNumOrName} for a named port: one Invalid error per problem. */
  public static List<FieldError> validatePortNumOrName(String portName, FieldPath path) {
    return FieldError.invalidEach(path, portName, isValidPortName(portName));
  }
}
