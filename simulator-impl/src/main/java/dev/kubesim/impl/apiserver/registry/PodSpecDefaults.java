package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * core/v1 defaulting of a pod spec, as {@code SetObjectDefaults_Pod} and the pod-template variants
 * run it: {@code SetDefaults_Pod} (pods only), {@code SetDefaults_PodSpec}, volumes, containers,
 * ports, probes and HTTP handlers, plus the v1 conversion that mirrors {@code serviceAccountName}
 * into the deprecated {@code serviceAccount}.
 */
final class PodSpecDefaults {
  static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
  static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
  static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

  // The volume sources that carry a defaultMode of 0644 (420) in v1.
  private static final Set<String> MODE_SOURCES = Set.of("secret", "configMap", "downwardAPI", "projected");

  // distribution/reference's grammar, used by ParseNormalizedNamed.
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "((?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
              + "(?::([\\w][\\w.-]{0,127}))?"
              + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");

  private PodSpecDefaults() {}

  /**
   * Defaults a pod's spec ({@code isPod}) or a pod template's. The pod-only part ({@code
   * SetDefaults_Pod}: requests from limits, {@code enableServiceLinks}, host-network ports) never
   * applies to templates, exactly as upstream keeps it out of embedded pod specs.
   */
  static PodSpec defaults(PodSpec spec, boolean isPod) {
    PodSpec.Builder b = spec.toBuilder();
    List<Container> containers = spec.containers();
    List<Container> initContainers = spec.initContainers();
    if (isPod) {
      containers = requestsFromLimits(containers);
      initContainers = requestsFromLimits(initContainers);
      if (spec.enableServiceLinks().isEmpty()) {
        b.enableServiceLinks(true);
      }
      if (spec.hostNetwork().orElse(false)) {
        containers = hostNetworkPorts(containers);
        initContainers = hostNetworkPorts(initContainers);
      }
    }
    if (spec.dnsPolicy().filter(s -> !s.isEmpty()).isEmpty()) {
      b.dnsPolicy("ClusterFirst");
    }
    if (spec.restartPolicy().filter(s -> !s.isEmpty()).isEmpty()) {
      b.restartPolicy("Always");
    }
    if (spec.securityContext().isEmpty()) {
      b.securityContext(Map.of());
    }
    if (spec.terminationGracePeriodSeconds().isEmpty()) {
      b.terminationGracePeriodSeconds(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
    }
    if (spec.schedulerName().filter(s -> !s.isEmpty()).isEmpty()) {
      b.schedulerName(DEFAULT_SCHEDULER_NAME);
    }
    // v1 conversion: the deprecated serviceAccount fills an empty serviceAccountName and always
    // mirrors it on the way out.
    String sa = spec.serviceAccountName().filter(s -> !s.isEmpty()).orElse(spec.serviceAccount().orElse(""));
    if (!sa.isEmpty()) {
      b.serviceAccountName(sa).serviceAccount(sa);
    }
    b.volumes(spec.volumes().stream().map(PodSpecDefaults::volume).toList());
    b.initContainers(initContainers.stream().map(PodSpecDefaults::container).toList());
    b.containers(containers.stream().map(PodSpecDefaults::container).toList());
    return b.build();
  }

  /** Defaults a template: its spec is a value in v1, so it is materialised and defaulted. */
  static PodTemplateSpec template(PodTemplateSpec template) {
    return template.withSpec(defaults(template.specOrEmpty(), false));
  }

  /** {@code SetDefaults_Container} plus the declarative defaults of ports, env and probes. */
  static Container container(Container c) {
    Container.Builder b = c.toBuilder();
    if (c.imagePullPolicy().filter(s -> !s.isEmpty()).isEmpty()) {
      b.imagePullPolicy(pullPolicy(c.image().orElse("")));
    }
    if (c.terminationMessagePath().filter(s -> !s.isEmpty()).isEmpty()) {
      b.terminationMessagePath(TERMINATION_MESSAGE_PATH);
    }
    if (c.terminationMessagePolicy().filter(s -> !s.isEmpty()).isEmpty()) {
      b.terminationMessagePolicy("File");
    }
    b.ports(c.ports().stream().map(p -> p.protocol().filter(s -> !s.isEmpty()).isPresent() ? p : p.withProtocol("TCP")).toList());
    b.env(c.env().stream().map(PodSpecDefaults::env).toList());
    c.livenessProbe().map(PodSpecDefaults::probe).ifPresent(b::livenessProbe);
    c.readinessProbe().map(PodSpecDefaults::probe).ifPresent(b::readinessProbe);
    c.startupProbe().map(PodSpecDefaults::probe).ifPresent(b::startupProbe);
    c.lifecycle().map(PodSpecDefaults::lifecycle).ifPresent(b::lifecycle);
    return b.build();
  }

  /**
   * The pull policy for an image without one: {@code Always} for the {@code latest} tag (which an
   * image with neither tag nor digest gets), {@code IfNotPresent} otherwise, including for a
   * reference that does not parse.
   */
  static String pullPolicy(String image) {
    Matcher m = REFERENCE.matcher(image);
    if (!m.matches() || m.group(1).length() > 255) {
      return "IfNotPresent";
    }
    String tag = m.group(2) == null ? "" : m.group(2);
    String digest = m.group(3) == null ? "" : m.group(3);
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = "latest";
    }
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  /** {@code SetDefaults_Probe} and the defaults of its handler. */
  static Probe probe(Probe p) {
    Probe.Builder b = p.toBuilder();
    if (p.timeoutSeconds().orElse(0) == 0) {
      b.timeoutSeconds(1);
    }
    if (p.periodSeconds().orElse(0) == 0) {
      b.periodSeconds(10);
    }
    if (p.successThreshold().orElse(0) == 0) {
      b.successThreshold(1);
    }
    if (p.failureThreshold().orElse(0) == 0) {
      b.failureThreshold(3);
    }
    p.httpGet().map(PodSpecDefaults::httpGet).ifPresent(b::httpGet);
    // GRPCAction.service is declaratively defaulted to "".
    p.grpc().flatMap(Generic::map).filter(g -> !g.containsKey("service")).ifPresent(g -> {
      Map<String, Object> copy = Generic.copy(g);
      copy.put("service", "");
      b.grpc(copy);
    });
    return b.build();
  }

  /** {@code SetDefaults_HTTPGetAction}: path {@code /}, scheme {@code HTTP}. */
  static HTTPGetAction httpGet(HTTPGetAction h) {
    HTTPGetAction out = h;
    if (out.path().filter(s -> !s.isEmpty()).isEmpty()) {
      out = out.withPath("/");
    }
    if (out.scheme().filter(s -> !s.isEmpty()).isEmpty()) {
      out = out.withScheme("HTTP");
    }
    return out;
  }

  private static Object lifecycle(Object lifecycle) {
    Optional<Map<String, Object>> m = Generic.map(lifecycle);
    if (m.isEmpty()) {
      return lifecycle;
    }
    Map<String, Object> out = Generic.copy(m.get());
    for (String hook : List.of("postStart", "preStop")) {
      Generic.map(out, hook).flatMap(h -> Generic.map(h, "httpGet").map(g -> Map.entry(h, g))).ifPresent(e -> {
        Map<String, Object> get = Generic.copy(e.getValue());
        if (Generic.str(get, "path").isEmpty()) {
          get.put("path", "/");
        }
        if (Generic.str(get, "scheme").isEmpty()) {
          get.put("scheme", "HTTP");
        }
        Map<String, Object> handler = Generic.copy(e.getKey());
        handler.put("httpGet", get);
        out.put(hook, handler);
      });
    }
    return out;
  }

  /** {@code SetDefaults_ObjectFieldSelector}: a fieldRef's apiVersion defaults to {@code v1}. */
  private static EnvVar env(EnvVar e) {
    Optional<Map<String, Object>> from = e.valueFrom().flatMap(Generic::map);
    Optional<Map<String, Object>> fieldRef = from.flatMap(f -> Generic.map(f, "fieldRef"));
    if (fieldRef.isEmpty() || !Generic.str(fieldRef.get(), "apiVersion").isEmpty()) {
      return e;
    }
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", "v1");
    ref.putAll(fieldRef.get());
    ref.put("apiVersion", "v1");
    Map<String, Object> valueFrom = Generic.copy(from.get());
    valueFrom.put("fieldRef", ref);
    return new EnvVar(e.name(), e.value(), Optional.of(valueFrom));
  }

  /** {@code SetDefaults_Volume} and the defaultMode of projected kinds of volume. */
  private static Object volume(Object volume) {
    Optional<Map<String, Object>> m = Generic.map(volume);
    if (m.isEmpty()) {
      return volume;
    }
    Map<String, Object> out = Generic.copy(m.get());
    if (out.keySet().stream().allMatch(k -> k.equals("name"))) {
      out.put("emptyDir", new LinkedHashMap<>());
    }
    for (String source : MODE_SOURCES) {
      Generic.map(out, source).filter(s -> !s.containsKey("defaultMode")).ifPresent(s -> {
        Map<String, Object> copy = Generic.copy(s);
        copy.put("defaultMode", 420);
        out.put(source, copy);
      });
    }
    Generic.map(out, "hostPath").filter(s -> !s.containsKey("type")).ifPresent(s -> {
      Map<String, Object> copy = Generic.copy(s);
      copy.put("type", "");
      out.put("hostPath", copy);
    });
    return out;
  }

  /** SetDefaults_Pod: a container with limits but no request for a resource requests its limit. */
  private static List<Container> requestsFromLimits(List<Container> containers) {
    List<Container> out = new ArrayList<>(containers.size());
    for (Container c : containers) {
      Optional<Map<String, Object>> res = c.resources().flatMap(Generic::map);
      Optional<Map<String, Object>> limits = res.flatMap(r -> Generic.map(r, "limits"));
      if (limits.isEmpty()) {
        out.add(c);
        continue;
      }
      Map<String, Object> requests = Generic.copy(Generic.map(res.get(), "requests").orElse(null));
      boolean changed = false;
      for (Map.Entry<String, Object> e : limits.get().entrySet()) {
        if (!requests.containsKey(e.getKey())) {
          requests.put(e.getKey(), e.getValue());
          changed = true;
        }
      }
      if (!changed) {
        out.add(c);
        continue;
      }
      Map<String, Object> resources = Generic.copy(res.get());
      resources.put("requests", requests);
      out.add(c.toBuilder().resources(resources).build());
    }
    return out;
  }

  /** SetDefaults_Pod with hostNetwork: every container port is also a host port. */
  private static List<Container> hostNetworkPorts(List<Container> containers) {
    return containers.stream()
        .map(c -> c.toBuilder()
            .ports(c.ports().stream()
                .map(p -> p.hostPort().orElse(0) != 0
                    ? p
                    : new ContainerPort(p.name(), p.containerPort(), p.containerPort(), p.protocol(), p.hostIP()))
                .toList())
            .build())
        .toList();
  }
}
