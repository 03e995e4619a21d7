package dev.kubesim.api;

/** An update lost a race or contradicts the stored object: reason {@code Conflict} (HTTP 409). */
public class ConflictException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflicting update.
   *
   * @param message the message, as kubectl prints it
   */
  public ConflictException(String message) {
    super("Conflict", 409, message);
  }
}
