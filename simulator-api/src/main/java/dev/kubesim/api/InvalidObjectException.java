package dev.kubesim.api;

import java.util.List;

/**
 * The API server rejected an object: reason {@code Invalid} (HTTP 422), with one cause per field
 * error, e.g. {@code Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between
 * 1 and 65535, inclusive}.
 */
public class InvalidObjectException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * A rejected object.
   *
   * @param message the message, as kubectl prints it
   * @param causes one cause per field error
   */
  public InvalidObjectException(String message, List<StatusCause> causes) {
    super("Invalid", 422, message, causes);
  }
}
