package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code service NS/NAME has N ready endpoints}: the ready endpoints of the Service's EndpointSlices. */
record ServiceEndpointsCheck(String text, String namespace, String name, int count) implements LabCheck {
  static final String FORM = "service NS/NAME has N ready endpoints";
  private static final Pattern SYNTAX = Pattern.compile("service ([^/\\s]+)/(\\S+) has (\\d+) ready endpoints?");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new ServiceEndpointsCheck(text, m.group(1), m.group(2), Integer.parseInt(m.group(3))))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    try {
      int ready = context.cluster().service(namespace, name).readyEndpoints().size();
      return CheckResult.of(this, ready == count, String.valueOf(ready));
    } catch (KubeSimException e) {
      return CheckResult.of(this, false, "no service " + namespace + "/" + name);
    }
  }
}
