package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.KubeObject;

/** The {@code kubectl describe} text of one kind's objects. */
public interface ObjectDescriber {
  /** The whole text for one object, ending with a newline. */
  String describe(KubeObject object, DescribeContext ctx);
}
