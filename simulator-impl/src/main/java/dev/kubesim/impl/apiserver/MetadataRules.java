package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * apimachinery's {@code ValidateObjectMeta} for one object: generateName and name by the kind's
 * name rule, namespace, labels and annotations, at the real field paths.
 */
final class MetadataRules {
  private MetadataRules() {}

  static List<FieldError> validate(ObjectMeta meta, KindInfo info, Strategy<?> strategy) {
    FieldPath path = FieldPath.root("metadata");
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(MetadataValidation.validateName(
        meta.name().orElse(""), meta.generateName().orElse(""), strategy.nameValidator(), path));
    errors.addAll(MetadataValidation.validateNamespace(meta.namespace().orElse(""), info.namespaced(), path));
    errors.addAll(MetadataValidation.validateLabels(meta.labels(), path.child("labels")));
    errors.addAll(MetadataValidation.validateAnnotations(meta.annotations(), path.child("annotations")));
    return errors;
  }
}
