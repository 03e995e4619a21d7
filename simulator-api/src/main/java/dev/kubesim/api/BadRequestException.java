package dev.kubesim.api;

import java.util.List;

/**
 * The request could not be decoded: reason {@code BadRequest} (HTTP 400). Malformed YAML, an
 * unknown kind, or (strict decoding, as {@code kubectl apply} does it) a field the kind does not
 * have: {@code strict decoding error: unknown field "spec.foo"}. The message names the source and
 * document when the object came from a manifest.
 */
public class BadRequestException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /**
   * A request that could not be decoded, with its causes.
   *
   * @param message the message, as kubectl prints it
   * @param causes the causes, as the API server lists them
   */
  public BadRequestException(String message, List<StatusCause> causes) {
    super("BadRequest", 400, message, causes);
  }

  /**
   * A request that could not be decoded.
   *
   * @param message the message, as kubectl prints it
   */
  public BadRequestException(String message) {
    super("BadRequest", 400, message);
  }
}
