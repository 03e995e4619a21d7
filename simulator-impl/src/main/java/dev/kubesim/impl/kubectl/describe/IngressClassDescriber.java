package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.IngressClass;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.Map;
import java.util.Objects;

/** {@code describeIngressClassV1}. */
final class IngressClassDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    IngressClass ic = (IngressClass) object;
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", ic.metadata().nameOrEmpty());
      w.printLabelsMultiline("Labels", ic.metadata().labels());
      w.printAnnotationsMultiline("Annotations", ic.metadata().annotations());
      w.write(LEVEL_0, "Controller:\t%s\n", ic.specOrEmpty().controller().orElse(""));
      if (ic.specOrEmpty().parameters().orElse(null) instanceof Map<?, ?> p) {
        w.write(LEVEL_0, "Parameters:\n");
        if (p.get("apiGroup") != null) {
          w.write(LEVEL_1, "APIGroup:\t%s\n", p.get("apiGroup"));
        }
        w.write(LEVEL_1, "Kind:\t%s\n", Objects.toString(p.get("kind"), ""));
        w.write(LEVEL_1, "Name:\t%s\n", Objects.toString(p.get("name"), ""));
      }
      EventsSection.write(w, EventsSection.find(ctx, ic, true), ctx.now());
    });
  }
}
