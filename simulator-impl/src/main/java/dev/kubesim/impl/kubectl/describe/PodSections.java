package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_3;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.Probe;
import dev.kubesim.api.model.TCPSocketAction;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The parts of describe output that pods and pod templates share, as describe.go writes them:
 * {@code describeContainers}, {@code describeVolumes}, the tolerations list and
 * {@code DescribePodTemplate}.
 */
final class PodSections {
  private PodSections() {}

  /** {@code DescribePodTemplate}. */
  static void podTemplate(PrefixWriter w, Optional<PodTemplateSpec> template) {
    w.write(LEVEL_0, "Pod Template:\n");
    if (template.isEmpty()) {
      w.write(LEVEL_1, "<unset>");
      return;
    }
    PodTemplateSpec t = template.get();
    PodSpec spec = t.specOrEmpty();
    w.printLabelsMultiline("  Labels", t.metadata().labels());
    if (!t.metadata().annotations().isEmpty()) {
      w.printAnnotationsMultiline("  Annotations", t.metadata().annotations());
    }
    if (spec.serviceAccountName().filter(s -> !s.isEmpty()).isPresent()) {
      w.write(LEVEL_1, "Service Account:\t%s\n", spec.serviceAccountName().get());
    }
    if (!spec.initContainers().isEmpty()) {
      containers(w, "Init Containers", spec.initContainers(), null, null, "  ");
    }
    containers(w, "Containers", spec.containers(), null, null, "  ");
    volumes(w, spec.volumes(), "  ");
    if (spec.priorityClassName().filter(s -> !s.isEmpty()).isPresent()) {
      w.write(LEVEL_1, "Priority Class Name:\t%s\n", spec.priorityClassName().get());
    }
    w.printLabelsMultiline("  Node-Selectors", spec.nodeSelector());
    tolerations(w, "  Tolerations", spec.tolerations());
  }

  /**
   * {@code describeContainers}: each container with its ports, command, state (when statuses are
   * given), resources, probes, environment and mounts.
   */
  static void containers(
      PrefixWriter w, String label, List<Container> containers, List<ContainerStatus> statuses, Pod pod, String space) {
    Map<String, ContainerStatus> byName = new HashMap<>();
    if (statuses != null) {
      for (ContainerStatus s : statuses) {
        byName.put(s.name().orElse(""), s);
      }
    }
    w.write(LEVEL_0, "%s%s:%s\n", space, label, containers.isEmpty() ? " <none>" : "");
    for (Container c : containers) {
      ContainerStatus status = byName.get(c.name().orElse(""));
      w.write(LEVEL_1, "%s%s:\n", space.isEmpty() ? "" : " ", c.name().orElse(""));
      if (status != null) {
        w.write(LEVEL_2, "Container ID:\t%s\n", status.containerID().orElse(""));
      }
      w.write(LEVEL_2, "Image:\t%s\n", c.image().orElse(""));
      if (status != null) {
        w.write(LEVEL_2, "Image ID:\t%s\n", status.imageID().orElse(""));
      }
      String ports = ports(c.ports(), p -> p.containerPort().orElse(0));
      if (ports.contains(",")) {
        w.write(LEVEL_2, "Ports:\t%s\n", ports);
      } else {
        w.write(LEVEL_2, "Port:\t%s\n", ports.isEmpty() ? "<none>" : ports);
      }
      String hostPorts = ports(c.ports(), p -> p.hostPort().orElse(0));
      if (hostPorts.contains(",")) {
        w.write(LEVEL_2, "Host Ports:\t%s\n", hostPorts);
      } else {
        w.write(LEVEL_2, "Host Port:\t%s\n", hostPorts.isEmpty() ? "<none>" : hostPorts);
      }
      command(w, "Command", c.command());
      command(w, "Args", c.args());
      if (status != null) {
        state(w, "State", status.state().orElse(null));
        if (status.lastState().flatMap(ContainerState::terminated).isPresent()) {
          state(w, "Last State", status.lastState().get());
        }
        w.write(LEVEL_2, "Ready:\t%s\n", status.ready().orElse(false) ? "True" : "False");
        w.write(LEVEL_2, "Restart Count:\t%d\n", status.restartCount().orElse(0));
      }
      resources(w, c.resources().orElse(null), LEVEL_2);
      c.livenessProbe().ifPresent(p -> w.write(LEVEL_2, "Liveness:\t%s\n", probe(p)));
      c.readinessProbe().ifPresent(p -> w.write(LEVEL_2, "Readiness:\t%s\n", probe(p)));
      c.startupProbe().ifPresent(p -> w.write(LEVEL_2, "Startup:\t%s\n", probe(p)));
      if (!c.envFrom().isEmpty()) {
        envFrom(w, c.envFrom());
      }
      env(w, c.env(), pod);
      mounts(w, c.volumeMounts());
    }
  }

  private static String ports(List<ContainerPort> ports, Function<ContainerPort, Integer> number) {
    List<String> out = new ArrayList<>();
    for (ContainerPort p : ports) {
      out.add(number.apply(p) + "/" + p.protocol().orElse("TCP"));
    }
    return String.join(", ", out);
  }

  private static void command(PrefixWriter w, String title, List<String> words) {
    if (words.isEmpty()) {
      return;
    }
    w.write(LEVEL_2, "%s:\n", title);
    for (String word : words) {
      for (String line : word.split("\n", -1)) {
        w.write(LEVEL_3, "%s\n", line);
      }
    }
  }

  /** {@code describeStatus}. */
  private static void state(PrefixWriter w, String name, ContainerState state) {
    if (state != null && state.running().isPresent()) {
      w.write(LEVEL_2, "%s:\tRunning\n", name);
      w.write(LEVEL_3, "Started:\t%s\n", GoTime.rfc1123z(state.running().get().startedAt()));
    } else if (state != null && state.waiting().isPresent()) {
      w.write(LEVEL_2, "%s:\tWaiting\n", name);
      state.waiting().get().reason().filter(r -> !r.isEmpty()).ifPresent(r -> w.write(LEVEL_3, "Reason:\t%s\n", r));
    } else if (state != null && state.terminated().isPresent()) {
      var t = state.terminated().get();
      w.write(LEVEL_2, "%s:\tTerminated\n", name);
      t.reason().filter(r -> !r.isEmpty()).ifPresent(r -> w.write(LEVEL_3, "Reason:\t%s\n", r));
      t.message().filter(r -> !r.isEmpty()).ifPresent(r -> w.write(LEVEL_3, "Message:\t%s\n", r));
      w.write(LEVEL_3, "Exit Code:\t%d\n", t.exitCode().orElse(0));
      if (t.signal().orElse(0) > 0) {
        w.write(LEVEL_3, "Signal:\t%d\n", t.signal().get());
      }
      w.write(LEVEL_3, "Started:\t%s\n", GoTime.rfc1123z(t.startedAt()));
      w.write(LEVEL_3, "Finished:\t%s\n", GoTime.rfc1123z(t.finishedAt()));
    } else {
      w.write(LEVEL_2, "%s:\tWaiting\n", name);
    }
  }

  /** {@code describeResources}: Limits then Requests, resource names sorted. */
  static void resources(PrefixWriter w, Object resources, int level) {
    if (!(resources instanceof Map<?, ?> r)) {
      return;
    }
    for (String section : List.of("limits", "requests")) {
      if (r.get(section) instanceof Map<?, ?> m && !m.isEmpty()) {
        w.write(level, "%s:\n", section.equals("limits") ? "Limits" : "Requests");
        TreeMap<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put(k.toString(), v));
        sorted.forEach(
            (k, v) -> w.write(level + 1, "%s:\t%s\n", k, Quantity.parse(v).map(Quantity::toString).orElse(String.valueOf(v))));
      }
    }
  }

  /** {@code DescribeProbe}. */
  static String probe(Probe p) {
    String attrs =
        "delay=" + p.initialDelaySeconds().orElse(0) + "s timeout=" + p.timeoutSeconds().orElse(1) + "s period="
            + p.periodSeconds().orElse(10) + "s #success=" + p.successThreshold().orElse(1) + " #failure="
            + p.failureThreshold().orElse(3);
    if (p.exec().isPresent()) {
      return "exec [" + String.join(" ", p.exec().get().command()) + "] " + attrs;
    }
    if (p.httpGet().isPresent()) {
      HTTPGetAction g = p.httpGet().get();
      String port = g.port().map(IntOrString::stringValue).orElse("");
      String host = g.host().orElse("");
      String authority = port.isEmpty() ? host : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      String path = g.path().orElse("");
      if (!path.isEmpty() && !path.startsWith("/") && !authority.isEmpty()) {
        path = "/" + path;
      }
      String scheme = g.scheme().orElse("HTTP").toLowerCase(Locale.ROOT);
      return "http-get " + scheme + "://" + authority + path + " " + attrs;
    }
    if (p.tcpSocket().isPresent()) {
      TCPSocketAction t = p.tcpSocket().get();
      return "tcp-socket " + t.host().orElse("") + ":" + t.port().map(IntOrString::stringValue).orElse("") + " " + attrs;
    }
    if (p.grpc().orElse(null) instanceof Map<?, ?> g) {
      return "grpc <pod>:" + g.get("port") + " " + Objects.toString(g.get("service"), "") + " " + attrs;
    }
    return "unknown " + attrs;
  }

  private static void envFrom(PrefixWriter w, List<Object> envFrom) {
    w.write(LEVEL_2, "Environment Variables from:\n");
    for (Object o : envFrom) {
      if (!(o instanceof Map<?, ?> e)) {
        continue;
      }
      String from = "";
      String name = "";
      boolean optional = false;
      if (e.get("configMapRef") instanceof Map<?, ?> ref) {
        from = "ConfigMap";
        name = Objects.toString(ref.get("name"), "");
        optional = Boolean.TRUE.equals(ref.get("optional"));
      } else if (e.get("secretRef") instanceof Map<?, ?> ref) {
        from = "Secret";
        name = Objects.toString(ref.get("name"), "");
        optional = Boolean.TRUE.equals(ref.get("optional"));
      }
      Object prefix = e.get("prefix");
      if (prefix == null || prefix.toString().isEmpty()) {
        w.write(LEVEL_3, "%s\t%s\tOptional: %s\n", name, from, optional);
      } else {
        w.write(LEVEL_3, "%s\t%s with prefix '%s'\tOptional: %s\n", name, from, prefix, optional);
      }
    }
  }

  private static void env(PrefixWriter w, List<EnvVar> env, Pod pod) {
    w.write(LEVEL_2, "Environment:%s\n", env.isEmpty() ? "\t<none>" : "");
    for (EnvVar e : env) {
      String name = e.name().orElse("");
      if (e.valueFrom().isEmpty()) {
        String[] lines = e.value().orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (i == 0) {
            w.write(LEVEL_3, "%s:\t%s\n", name, lines[i]);
          } else {
            w.write(LEVEL_3, "\t%s\n", lines[i]);
          }
        }
        continue;
      }
      if (!(e.valueFrom().get() instanceof Map<?, ?> from)) {
        continue;
      }
      if (from.get("fieldRef") instanceof Map<?, ?> ref) {
        String path = Objects.toString(ref.get("fieldPath"), "");
        String apiVersion = Objects.toString(ref.get("apiVersion"), "v1");
        w.write(LEVEL_3, "%s:\t%s (%s:%s)\n", name, pod == null ? "" : fieldValue(pod, path), apiVersion, path);
      } else if (from.get("resourceFieldRef") instanceof Map<?, ?> ref) {
        w.write(LEVEL_3, "%s:\t%s (%s)\n", name, "", Objects.toString(ref.get("resource"), ""));
      } else if (from.get("secretKeyRef") instanceof Map<?, ?> ref) {
        w.write(LEVEL_3, "%s:\t<set to the key '%s' in secret '%s'>\tOptional: %s\n", name,
            Objects.toString(ref.get("key"), ""), Objects.toString(ref.get("name"), ""), Boolean.TRUE.equals(ref.get("optional")));
      } else if (from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
        w.write(LEVEL_3, "%s:\t<set to the key '%s' of config map '%s'>\tOptional: %s\n", name,
            Objects.toString(ref.get("key"), ""), Objects.toString(ref.get("name"), ""), Boolean.TRUE.equals(ref.get("optional")));
      }
    }
  }

  /** The downward API fields describe resolves for a pod's environment. */
  private static String fieldValue(Pod pod, String path) {
    return switch (path) {
      case "metadata.name" -> pod.metadata().nameOrEmpty();
      case "metadata.namespace" -> pod.metadata().namespace().orElse("");
      case "metadata.uid" -> pod.metadata().uid().orElse("");
      case "spec.nodeName" -> pod.specOrEmpty().nodeName().orElse("");
      case "spec.serviceAccountName" -> pod.specOrEmpty().serviceAccountName().orElse("");
      case "status.podIP" -> pod.status().flatMap(s -> s.podIP()).orElse("");
      case "status.hostIP" -> pod.status().flatMap(s -> s.hostIP()).orElse("");
      default -> {
        if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
          yield pod.metadata().labels().getOrDefault(path.substring(17, path.length() - 2), "");
        }
        if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
          yield pod.metadata().annotations().getOrDefault(path.substring(22, path.length() - 2), "");
        }
        yield "";
      }
    };
  }

  private static void mounts(PrefixWriter w, List<Object> mounts) {
    w.write(LEVEL_2, "Mounts:%s\n", mounts.isEmpty() ? "\t<none>" : "");
    List<Map<?, ?>> sorted = new ArrayList<>();
    for (Object o : mounts) {
      if (o instanceof Map<?, ?> m) {
        sorted.add(m);
      }
    }
    sorted.sort(Comparator.comparing(m -> Objects.toString(m.get("mountPath"), "")));
    for (Map<?, ?> m : sorted) {
      List<String> flags = new ArrayList<>();
      flags.add(Boolean.TRUE.equals(m.get("readOnly")) ? "ro" : "rw");
      if (m.get("subPath") != null && !m.get("subPath").toString().isEmpty()) {
        flags.add("path=\"" + m.get("subPath") + "\"");
      }
      w.write(LEVEL_3, "%s from %s (%s)\n", Objects.toString(m.get("mountPath"), ""), Objects.toString(m.get("name"), ""),
          String.join(",", flags));
    }
  }

  /** {@code describeVolumes}, for the volume sources kubesim's manifests commonly use. */
  static void volumes(PrefixWriter w, List<Object> volumes, String space) {
    if (volumes.isEmpty()) {
      w.write(LEVEL_0, "%sVolumes:\t<none>\n", space);
      return;
    }
    w.write(LEVEL_0, "%sVolumes:\n", space);
    for (Object o : volumes) {
      if (!(o instanceof Map<?, ?> v)) {
        continue;
      }
      w.write(LEVEL_1, "%s%s:\n", space.isEmpty() ? "" : " ", Objects.toString(v.get("name"), ""));
      if (v.get("hostPath") instanceof Map<?, ?> h) {
        w.write(LEVEL_2, "Type:\tHostPath (bare host directory volume)\n    Path:\t%s\n    HostPathType:\t%s\n",
            Objects.toString(h.get("path"), ""), h.get("type") == null ? "<none>" : h.get("type").toString());
      } else if (v.get("emptyDir") instanceof Map<?, ?> e) {
        Object limit = e.get("sizeLimit");
        w.write(LEVEL_2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t%s\n    SizeLimit:\t%s\n",
            Objects.toString(e.get("medium"), ""),
            limit == null ? "<unset>" : Quantity.parse(limit).map(Quantity::toString).orElse(limit.toString()));
      } else if (v.get("secret") instanceof Map<?, ?> s) {
        w.write(LEVEL_2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t%s\n    Optional:\t%s\n",
            Objects.toString(s.get("secretName"), ""), Boolean.TRUE.equals(s.get("optional")));
      } else if (v.get("configMap") instanceof Map<?, ?> c) {
        w.write(LEVEL_2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t%s\n    Optional:\t%s\n",
            Objects.toString(c.get("name"), ""), Boolean.TRUE.equals(c.get("optional")));
      } else if (v.get("persistentVolumeClaim") instanceof Map<?, ?> c) {
        w.write(LEVEL_2,
            "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t%s\n    ReadOnly:\t%s\n",
            Objects.toString(c.get("claimName"), ""), Boolean.TRUE.equals(c.get("readOnly")));
      } else if (v.get("downwardAPI") instanceof Map<?, ?> d) {
        w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
        if (d.get("items") instanceof List<?> items) {
          for (Object item : items) {
            if (item instanceof Map<?, ?> i) {
              Object ref = i.get("fieldRef") instanceof Map<?, ?> f ? f.get("fieldPath")
                  : i.get("resourceFieldRef") instanceof Map<?, ?> r ? r.get("resource") : null;
              if (ref != null) {
                w.write(LEVEL_3, "%s -> %s\n", ref, Objects.toString(i.get("path"), ""));
              }
            }
          }
        }
      } else if (v.get("projected") instanceof Map<?, ?> p) {
        projected(w, p);
      } else {
        w.write(LEVEL_1, "<unknown>\n");
      }
    }
  }

  private static void projected(PrefixWriter w, Map<?, ?> p) {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    if (!(p.get("sources") instanceof List<?> sources)) {
      return;
    }
    for (Object o : sources) {
      if (!(o instanceof Map<?, ?> s)) {
        continue;
      }
      if (s.get("secret") instanceof Map<?, ?> sec) {
        w.write(LEVEL_2, "SecretName:\t%s\n    SecretOptionalName:\t%s\n", Objects.toString(sec.get("name"), ""),
            optional(sec.get("optional")));
      } else if (s.get("downwardAPI") != null) {
        w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      } else if (s.get("configMap") instanceof Map<?, ?> cm) {
        w.write(LEVEL_2, "ConfigMapName:\t%s\n    ConfigMapOptional:\t%s\n", Objects.toString(cm.get("name"), ""),
            optional(cm.get("optional")));
      } else if (s.get("serviceAccountToken") instanceof Map<?, ?> t) {
        w.write(LEVEL_2, "TokenExpirationSeconds:\t%s\n", Objects.toString(t.get("expirationSeconds"), "3600"));
      }
    }
  }

  /**
   * A projected source's {@code optional} as kubectl prints the pointer with {@code %v}: {@code <nil>}
   * when unset; a set value is shown as the boolean (kubectl shows the pointer's address).
   */
  private static String optional(Object value) {
    return value == null ? "<nil>" : value.toString();
  }

  /** {@code printTolerationsMultilineWithIndent}, tolerations sorted by key. */
  static void tolerations(PrefixWriter w, String title, List<Object> tolerations) {
    w.write(LEVEL_0, "%s:\t", title);
    if (tolerations.isEmpty()) {
      w.writeLine("<none>");
      return;
    }
    List<Map<?, ?>> sorted = new ArrayList<>();
    for (Object o : tolerations) {
      if (o instanceof Map<?, ?> m) {
        sorted.add(m);
      }
    }
    sorted.sort(Comparator.comparing(m -> Objects.toString(m.get("key"), "")));
    for (int i = 0; i < sorted.size(); i++) {
      Map<?, ?> t = sorted.get(i);
      if (i != 0) {
        w.write(LEVEL_0, "%s", "\t");
      }
      String key = Objects.toString(t.get("key"), "");
      String value = Objects.toString(t.get("value"), "");
      String effect = Objects.toString(t.get("effect"), "");
      StringBuilder sb = new StringBuilder(key);
      if (!value.isEmpty()) {
        sb.append('=').append(value);
      }
      if (!effect.isEmpty()) {
        sb.append(':').append(effect);
      }
      if ("Exists".equals(t.get("operator")) && value.isEmpty()) {
        sb.append(key.isEmpty() && effect.isEmpty() ? "op=Exists" : " op=Exists");
      }
      if (t.get("tolerationSeconds") != null) {
        sb.append(" for ").append(t.get("tolerationSeconds")).append('s');
      }
      w.write(LEVEL_0, "%s\n", sb.toString());
    }
  }

  /** The pod's QoS class, as the API server computes it when the status does not carry it. */
  static String qosClass(Pod pod) {
    Optional<String> recorded = pod.status().flatMap(s -> s.qosClass());
    if (recorded.isPresent()) {
      return recorded.get();
    }
    boolean any = false;
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>(pod.specOrEmpty().containers());
    all.addAll(pod.specOrEmpty().initContainers());
    for (Container c : all) {
      Map<?, ?> r = c.resources().orElse(null) instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> limits = r.get("limits") instanceof Map<?, ?> l ? l : Map.of();
      Map<?, ?> requests = r.get("requests") instanceof Map<?, ?> q ? q : Map.of();
      if (!limits.isEmpty() || !requests.isEmpty()) {
        any = true;
      }
      for (String res : List.of("cpu", "memory")) {
        Object limit = limits.get(res);
        Object request = requests.containsKey(res) ? requests.get(res) : limit;
        if (limit == null || !Objects.equals(Quantity.parse(limit).map(Quantity::toString), Quantity.parse(request).map(Quantity::toString))) {
          guaranteed = false;
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
