package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.kubectl.ErrorMessages.Failure;

/** Carries one object's failure out of per-object work, to be reported with the others at the end. */
final class FailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  FailureException(Failure failure) {
    super(failure.clientMessage() != null ? failure.clientMessage() : failure.apiError().getMessage());
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }
}
