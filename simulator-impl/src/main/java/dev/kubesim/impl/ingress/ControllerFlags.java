package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line flags of {@code /nginx-ingress-controller} that decide what a controller serves
 * and what it writes into its Ingresses' status, read from the controller container's {@code args}
 * as the controller's flag parser reads them ({@code --flag=value} or {@code --flag value}), after the
 * kubelet has expanded {@code $(VAR)} references from the container's environment.
 *
 * @param ingressClass {@code --ingress-class}: the legacy annotation value it answers to
 * @param controllerClass {@code --controller-class}: the {@code spec.controller} of its IngressClasses
 * @param watchWithoutClass {@code --watch-ingress-without-class}: it also serves Ingresses of no class
 * @param publishService {@code --publish-service}: {@code NAMESPACE/NAME} of the Service whose
 *     addresses the Ingresses get
 * @param publishStatusAddress {@code --publish-status-address}: addresses or names given as they are
 */
record ControllerFlags(
    String ingressClass,
    String controllerClass,
    boolean watchWithoutClass,
    Optional<String> publishService,
    List<String> publishStatusAddress) {
  /** The defaults of ingress-nginx's flags. */
  static final ControllerFlags DEFAULTS =
      new ControllerFlags("nginx", "k8s.io/ingress-nginx", false, Optional.empty(), List.of());

  /** The flags of the controller container of {@code pod} (its first container running the image). */
  static ControllerFlags of(Pod pod, Container container) {
    Map<String, String> env = environment(pod, container);
    List<String> args = new ArrayList<>(container.command());
    args.addAll(container.args());
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = expand(args.get(i), env);
      if (!arg.startsWith("--")) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flags.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
        flags.put(arg.substring(2), expand(args.get(++i), env));
      } else {
        flags.put(arg.substring(2), "true");
      }
    }
    List<String> statusAddresses = new ArrayList<>();
    for (String a : flags.getOrDefault("publish-status-address", "").split(",")) {
      if (!a.isBlank()) {
        statusAddresses.add(a.strip());
      }
    }
    return new ControllerFlags(
        flags.getOrDefault("ingress-class", DEFAULTS.ingressClass),
        flags.getOrDefault("controller-class", DEFAULTS.controllerClass),
        Boolean.parseBoolean(flags.getOrDefault("watch-ingress-without-class", "false")),
        Optional.ofNullable(flags.get("publish-service")).filter(s -> !s.isEmpty()),
        List.copyOf(statusAddresses));
  }

  /** Which Ingresses a controller with these flags serves. */
  IngressClassFilter filter() {
    return new IngressClassFilter(controllerClass, ingressClass, watchWithoutClass);
  }

  /**
   * The variables {@code $(VAR)} may name: the container's literal values and the pod's name and
   * namespace through the downward API, as the controller's manifests pass them.
   */
  private static Map<String, String> environment(Pod pod, Container container) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar v : container.env()) {
      String name = v.name().orElse("");
      if (v.value().isPresent()) {
        env.put(name, expand(v.value().get(), env));
      } else if (v.valueFrom().orElse(null) instanceof Map<?, ?> from
          && from.get("fieldRef") instanceof Map<?, ?> ref) {
        Object path = ref.get("fieldPath");
        if ("metadata.namespace".equals(path)) {
          env.put(name, pod.metadata().namespace().orElse(""));
        } else if ("metadata.name".equals(path)) {
          env.put(name, pod.metadata().nameOrEmpty());
        }
      }
    }
    return env;
  }

  /** {@code $(VAR)} replaced where VAR is known; {@code $$} is a literal {@code $}. */
  private static String expand(String text, Map<String, String> env) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        int close = text.indexOf(')', i + 2);
        String name = close < 0 ? null : text.substring(i + 2, close);
        if (name != null && env.containsKey(name)) {
          out.append(env.get(name));
          i = close;
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
