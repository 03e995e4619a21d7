package dev.kubesim.impl.apiserver.validation;

/**
 * Why a field is invalid, as apimachinery's {@code field.ErrorType}: {@link #causeType()} is the
 * machine-readable value the API server puts in {@code status.details.causes[].reason} (e.g. {@code
 * FieldValueInvalid}); {@link #text()} is the phrase in the printed message (e.g. {@code Invalid
 * value}).
 */
public enum ErrorType {
  /** A looked-up value was not found. */
  NOT_FOUND("FieldValueNotFound", "Not found"),
  /** A required value is missing (empty string, null, empty list). */
  REQUIRED("FieldValueRequired", "Required value"),
  /** A value that must be unique collides with another. */
  DUPLICATE("FieldValueDuplicate", "Duplicate value"),
  /** A malformed value (failed regex, out of range, ...). */
  INVALID("FieldValueInvalid", "Invalid value"),
  /** A value outside an enumerated set. */
  NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
  /** A well-formed value that is not allowed in the current circumstances. */
  FORBIDDEN("FieldValueForbidden", "Forbidden"),
  /** A value that is too long; the message omits the value. */
  TOO_LONG("FieldValueTooLong", "Too long"),
  /** A list with too many items. */
  TOO_MANY("FieldValueTooMany", "Too many"),
  /** A list with too few items. */
  TOO_FEW("FieldValueTooFew", "Too few"),
  /** A value that is too short. */
  TOO_SHORT("FieldValueTooShort", "Too short"),
  /** A value of the wrong type for its schema. */
  TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
  /** A failure unrelated to user input. */
  INTERNAL("InternalError", "Internal error");

  private final String causeType;
  private final String text;

  ErrorType(String causeType, String text) {
    this.causeType = causeType;
    this.text = text;
  }

  /** Kubernetes' cause type string, e.g. {@code FieldValueRequired}. */
  public String causeType() {
    return causeType;
  }

  /** The human phrase used in messages, e.g. {@code Required value}. */
  public String text() {
    return text;
  }

  /** The human phrase, as Go's {@code ErrorType.String()}. */
  @Override
  public String toString() {
    return text;
  }
}
