package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.Base64;
import java.util.Map;

/**
 * {@code describeSecret}: name, namespace, labels, annotations, its type, then each {@code data}
 * key with the size of its decoded value in bytes (a service account token's {@code token} shown
 * whole), keys in order. No events.
 */
final class SecretDescriber implements ObjectDescriber {
  private static final String TOKEN_TYPE = "kubernetes.io/service-account-token";

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    String type = String.valueOf(content.getOrDefault("type", "Opaque"));
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "\nType:\t%s\n", type);
      w.write(LEVEL_0, "\nData\n====\n");
      ConfigMapDescriber.strings(content.get("data")).forEach((k, v) -> {
        if (k.equals("token") && type.equals(TOKEN_TYPE)) {
          w.write(LEVEL_0, "%s:\t%s\n", k, decoded(v));
        } else {
          w.write(LEVEL_0, "%s:\t%d bytes\n", k, decodedLength(v));
        }
      });
    });
  }

  /** The length of a base64 value's bytes (its text's length when it is not base64). */
  static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.length();
    }
  }

  private static String decoded(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return base64;
    }
  }
}
