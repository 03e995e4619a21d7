package dev.kubesim.impl.kubectl.kustomize;

/** A kustomization that does not build, with kustomize's message for it. */
public final class KustomizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with kustomize's wording. */
  public KustomizeException(String message) {
    super(message);
  }

  /** This failure with kustomize's prefix before it ({@code accumulating resources: ...}). */
  KustomizeException prefixed(String prefix) {
    return new KustomizeException(prefix + getMessage());
  }

  /** This failure with text after it. */
  KustomizeException suffixed(String suffix) {
    return new KustomizeException(getMessage() + suffix);
  }
}
