package dev.kubesim.impl.apiserver.validation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One field-level validation error, as apimachinery's {@code field.Error}: what went wrong ({@link
 * ErrorType}), where ({@code field}, a {@link FieldPath} in string form), the offending value and
 * a detail message. {@link #message()} (and {@link #toString()}) renders it exactly as {@code
 * (*field.Error).Error()}, e.g. {@code spec.ports[0].port: Invalid value: 0: must be between 1 and
 * 65535, inclusive}.
 *
 * @param type why the field is invalid
 * @param field the field path, e.g. {@code spec.ports[0].port}
 * @param badValue the offending value (any Java value; see {@link GoFormat#formatValue}), or
 *     {@link #OMITTED_VALUE} when the message must not show one
 * @param detail extra explanation; empty for none
 */
public record FieldError(ErrorType type, String field, Object badValue, String detail) {

  /** Marks a bad value that is not printed (Go's {@code omitValue}), e.g. an unknown count. */
  public static final Object OMITTED_VALUE =
      new Object() {
        @Override
        public String toString() {
          return "<omitted>";
        }
      };

  public FieldError {
    requireNonNull(type, "type");
    requireNonNull(field, "field");
    detail = detail == null ? "" : detail;
  }

  /** {@code path: Required value[: detail]}. */
  public static FieldError required(FieldPath path, String detail) {
    return new FieldError(ErrorType.REQUIRED, path.toString(), "", detail);
  }

  /** {@code path: Invalid value: <value>[: detail]}. */
  public static FieldError invalid(FieldPath path, Object value, String detail) {
    return new FieldError(ErrorType.INVALID, path.toString(), value, detail);
  }

  /**
   * One {@link #invalid} error per message, all for the same value: apimachinery's usual {@code for
   * _, msg := range IsX(v) { allErrs = append(allErrs, field.Invalid(path, v, msg)) }}.
   */
  public static List<FieldError> invalidEach(FieldPath path, Object value, List<String> messages) {
    List<FieldError> errors = new ArrayList<>(messages.size());
    for (String msg : messages) {
      errors.add(invalid(path, value, msg));
    }
    return errors;
  }

  /**
   * {@code path: Unsupported value: <value>: supported values: "a", "b"}; the valid values are
   * quoted and listed in the caller's order, and the detail is left out when there are none.
   */
  public static FieldError notSupported(FieldPath path, Object value, List<String> validValues) {
    String detail =
        validValues.isEmpty()
            ? ""
            : "supported values: "
                + validValues.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
    return new FieldError(ErrorType.NOT_SUPPORTED, path.toString(), value, detail);
  }

  /** {@code path: Forbidden[: detail]}. */
  public static FieldError forbidden(FieldPath path, String detail) {
    return new FieldError(ErrorType.FORBIDDEN, path.toString(), "", detail);
  }

  /** {@code path: Duplicate value: <value>}. */
  public static FieldError duplicate(FieldPath path, Object value) {
    return new FieldError(ErrorType.DUPLICATE, path.toString(), value, "");
  }

  /** {@code path: Not found: <value>}. */
  public static FieldError notFound(FieldPath path, Object value) {
    return new FieldError(ErrorType.NOT_FOUND, path.toString(), value, "");
  }

  /**
   * {@code path: Too long: may not be more than N bytes}. Like apimachinery, the value is not shown
   * (it is accepted only to mirror {@code field.TooLong}'s signature); a negative {@code maxLength}
   * gives {@code value is too long}.
   */
  public static FieldError tooLong(FieldPath path, Object value, int maxLength) {
    String msg;
    if (maxLength >= 0) {
      msg = "may not be more than " + maxLength + (maxLength == 1 ? " byte" : " bytes");
    } else {
      msg = "value is too long";
    }
    return new FieldError(ErrorType.TOO_LONG, path.toString(), "<value omitted>", msg);
  }

  /**
   * {@code path: Too many: <actual>: must have at most N items}; a negative {@code actual} leaves
   * the count out, a negative {@code max} gives {@code has too many items}.
   */
  public static FieldError tooMany(FieldPath path, int actual, int max) {
    String msg;
    if (max >= 0) {
      msg = "must have at most " + max + (max == 1 ? " item" : " items");
    } else {
      msg = "has too many items";
    }
    Object shown = actual >= 0 ? (Object) actual : OMITTED_VALUE;
    return new FieldError(ErrorType.TOO_MANY, path.toString(), shown, msg);
  }

  /** {@code path: Invalid value: <value>[: detail]} with cause type {@code FieldValueTypeInvalid}. */
  public static FieldError typeInvalid(FieldPath path, Object value, String detail) {
    return new FieldError(ErrorType.TYPE_INVALID, path.toString(), value, detail);
  }

  /** {@code path: Internal error: detail}: a failure not caused by the user's input. */
  public static FieldError internalError(FieldPath path, String detail) {
    return new FieldError(ErrorType.INTERNAL, path.toString(), detail, detail);
  }

  /** {@link #internalError(FieldPath, String)} with the throwable's message (or its name). */
  public static FieldError internalError(FieldPath path, Throwable cause) {
    String msg = cause.getMessage() != null ? cause.getMessage() : cause.toString();
    return internalError(path, msg);
  }

  /**
   * The message without the field path, as Go's {@code ErrorBody()}: the type's phrase, then the
   * bad value for the types that show one, then the detail, separated by {@code ": "}.
   */
  public String body() {
    StringBuilder s = new StringBuilder(type.text());
    boolean showsValue =
        switch (type) {
          case REQUIRED, FORBIDDEN, TOO_LONG, TOO_SHORT, INTERNAL -> false;
          default -> badValue != OMITTED_VALUE;
        };
    if (showsValue) {
      s.append(": ").append(GoFormat.formatValue(badValue));
    }
    if (!detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** {@code field: body}, exactly as Kubernetes prints the error. */
  public String message() {
    return field + ": " + body();
  }

  @Override
  public String toString() {
    return message();
  }
}
