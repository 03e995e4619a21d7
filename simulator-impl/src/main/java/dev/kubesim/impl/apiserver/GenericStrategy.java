package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.validation.FieldError;
import java.util.List;

/**
 * Kinds kubesim does not model (and typed kinds without rules of their own): stored as written,
 * with the common metadata rules only.
 */
final class GenericStrategy extends Strategy<KubeObject> {
  GenericStrategy() {
    super(KubeObject.class);
  }

  @Override
  public List<FieldError> validate(KubeObject object) {
    return List.of();
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
