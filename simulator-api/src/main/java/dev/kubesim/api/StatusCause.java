package dev.kubesim.api;

import static java.util.Objects.requireNonNull;

/**
 * One cause of a rejected request, as the API server reports it in {@code status.details.causes}:
 * the field path ({@code spec.ports[0].port}), the cause type ({@code FieldValueInvalid}) and the
 * message of that one field error.
 *
 * @param field the field path in Kubernetes' notation ({@code .} between fields, {@code [i]} for
 *     list indexes, {@code [key]} for map keys); empty when the cause is not tied to a field
 * @param type the Kubernetes cause type, e.g. {@code FieldValueRequired}
 * @param message the field error as Kubernetes prints it, e.g.
 *     {@code spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive}
 */
public record StatusCause(String field, String type, String message) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param field the field path in Kubernetes' notation ({@code .} between fields, {@code [i]} for
   *     list indexes, {@code [key]} for map keys); empty when the cause is not tied to a field
   * @param type the Kubernetes cause type, e.g. {@code FieldValueRequired}
   * @param message the field error as Kubernetes prints it, e.g. {@code spec.ports[0].port: Invalid
   *     value: 0: must be between 1 and 65535, inclusive}
   */
  public StatusCause {
    requireNonNull(field, "field");
    requireNonNull(type, "type");
    requireNonNull(message, "message");
  }
}
