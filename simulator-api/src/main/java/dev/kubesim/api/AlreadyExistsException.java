package dev.kubesim.api;

/** A create named an object that exists: reason {@code AlreadyExists} (HTTP 409), e.g. {@code services "web" already exists}. */
public class AlreadyExistsException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * An object that exists already.
   *
   * @param message the message, as kubectl prints it
   */
  public AlreadyExistsException(String message) {
    super("AlreadyExists", 409, message);
  }
}
