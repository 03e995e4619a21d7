package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code describeServiceAccount}: name, namespace, labels, annotations, then its image pull
 * secrets, mountable secrets and legacy token Secrets under headers sorted by name ({@code
 * <none>} when a list is empty, {@code (not found)} after a mountable Secret that does not exist),
 * then its events.
 */
final class ServiceAccountDescriber implements ObjectDescriber {
  private static final String EMPTY_HEADER = "                   ";
  private static final String TOKEN_TYPE = "kubernetes.io/service-account-token";
  private static final String ACCOUNT_ANNOTATION = "kubernetes.io/service-account.name";

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    String namespace = object.metadata().namespace().orElse("");
    String name = object.metadata().nameOrEmpty();
    Set<String> secrets = new TreeSet<>();
    List<String> tokens = new ArrayList<>();
    for (KubeObject s : ctx.list("Secret", namespace)) {
      secrets.add(s.metadata().nameOrEmpty());
      Object type = s instanceof GenericObject g ? g.content().get("type") : null;
      if (TOKEN_TYPE.equals(type) && name.equals(s.metadata().annotations().get(ACCOUNT_ANNOTATION))) {
        tokens.add(s.metadata().nameOrEmpty());
      }
    }
    // The headers carry their own padding, so "Mountable secrets: " sorts and aligns as kubectl's do.
    Map<String, List<String>> lists = new TreeMap<>();
    lists.put("Image pull secrets:", names(content.get("imagePullSecrets")));
    lists.put("Mountable secrets: ", names(content.get("secrets")));
    lists.put("Tokens:            ", tokens);
    Set<String> missing = new TreeSet<>(lists.get("Mountable secrets: "));
    missing.removeAll(secrets);
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", name);
      w.write(LEVEL_0, "Namespace:\t%s\n", namespace);
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      lists.forEach((header, list) -> {
        if (list.isEmpty()) {
          w.write(LEVEL_0, "%s\t<none>\n", header);
          return;
        }
        String prefix = header;
        for (String secret : list) {
          w.write(LEVEL_0, "%s\t%s%s\n", prefix, secret, missing.contains(secret) ? " (not found)" : "");
          prefix = EMPTY_HEADER;
        }
      });
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  private static List<String> names(Object references) {
    List<String> names = new ArrayList<>();
    if (references instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          names.add(Objects.toString(m.get("name"), ""));
        }
      }
    }
    return names;
  }
}
