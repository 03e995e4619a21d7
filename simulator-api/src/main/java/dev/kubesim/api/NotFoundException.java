package dev.kubesim.api;

/** The named object does not exist: reason {@code NotFound} (HTTP 404), e.g. {@code services "nope" not found}. */
public class NotFoundException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * A missing object.
   *
   * @param message the message, as kubectl prints it
   */
  public NotFoundException(String message) {
    super("NotFound", 404, message);
  }
}
