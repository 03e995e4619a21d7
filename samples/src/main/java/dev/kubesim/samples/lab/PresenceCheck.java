package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code exists KIND NS/NAME} or {@code absent KIND NS/NAME} ({@code KIND NAME} for a cluster-scoped
 * kind): whether the API server has the object. KIND is the object's kind as its manifests write it
 * ({@code NetworkPolicy}).
 */
record PresenceCheck(String text, String kind, String namespace, String name, boolean present) implements LabCheck {
  static final String FORM = "exists|absent KIND NS/NAME";
  private static final Pattern SYNTAX = Pattern.compile("(exists|absent) (\\S+) (?:([^/\\s]+)/)?([^/\\s]+)");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new PresenceCheck(text, m.group(2), m.group(3) == null ? "" : m.group(3), m.group(4),
            m.group(1).equals("exists")))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    boolean there;
    try {
      there = context.cluster().get(kind, namespace, name).isPresent();
    } catch (KubeSimException | IllegalArgumentException e) {
      return CheckResult.of(this, false, e.getMessage());
    }
    String ref = kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    return CheckResult.of(this, there == present, there ? ref : "no " + ref);
  }
}
