package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.Optional;

/** {@code DescribePodTemplate} on its own, as {@code kubectl rollout history --revision=N} prints it. */
public final class PodTemplateDescription {
  private PodTemplateDescription() {}

  public static String of(PodTemplateSpec template) {
    return Describer.tabbedString(w -> PodSections.podTemplate(w, Optional.of(template)));
  }
}
