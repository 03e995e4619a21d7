package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The root of kubesim's errors. Every failure a caller can cause (a bad manifest, a missing object,
 * a conflict) is one of its subclasses and carries what the Kubernetes API server would answer:
 * the HTTP status code, the {@code reason} ({@code Invalid}, {@code NotFound}, ...) and the causes
 * as data, with the message as the API server words it.
 */
public class KubeSimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Kubernetes' reason, as a {@code Status} carries it. */
  private final String reason;
  /** The HTTP status code the API server would answer. */
  private final int code;
  /** The causes, as the API server lists them in {@code details.causes}. */
  private final ImmutableList<StatusCause> causes;

  /**
   * A failure with Kubernetes' reason, code and causes.
   *
   * @param reason the reason ({@code Invalid}, {@code NotFound}, ...)
   * @param code the HTTP status code
   * @param message the message, as kubectl prints it
   * @param causes the causes, as the API server lists them
   */
  public KubeSimException(String reason, int code, String message, List<StatusCause> causes) {
    super(message);
    this.reason = reason;
    this.code = code;
    this.causes = ImmutableList.copyOf(causes);
  }

  /**
   * A failure with Kubernetes' reason and code, without causes.
   *
   * @param reason the reason ({@code Invalid}, {@code NotFound}, ...)
   * @param code the HTTP status code
   * @param message the message, as kubectl prints it
   */
  public KubeSimException(String reason, int code, String message) {
    this(reason, code, message, ImmutableList.of());
  }

  /** {@return Kubernetes' reason: {@code Invalid}, {@code NotFound}, {@code AlreadyExists}, ...} */
  public String reason() {
    return reason;
  }

  /** {@return the HTTP status code the API server would answer with (422, 404, 409, 400, ...)} */
  public int code() {
    return code;
  }

  /** {@return the causes, in the order the API server lists them; empty when there are none} */
  public ImmutableList<StatusCause> causes() {
    return causes;
  }
}
