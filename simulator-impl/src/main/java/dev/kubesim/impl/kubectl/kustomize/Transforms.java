package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kubesim.impl.codec.KindRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * kustomize's builtin transformers over the field specs of its default configuration
 * ({@code api/internal/konfig/builtinpluginconsts}): namespace, name prefix and suffix, labels
 * (into selectors and pod templates as {@code commonLabels} does), annotations, replica counts and
 * images.
 */
final class Transforms {
  private Transforms() {}

  /** A field spec: a slash path, the kinds (and group) it applies to, whether it is created when missing. */
  record Spec(String path, String group, String kind, boolean create) {
    boolean selects(Res r) {
      return (kind.isEmpty() || kind.equals(r.kind())) && (group.isEmpty() || group.equals(r.group()));
    }
  }

  private static final List<Spec> TEMPLATE_LABELS = List.of(
      new Spec("metadata/labels", "", "", true),
      new Spec("spec/template/metadata/labels", "", "ReplicationController", true),
      new Spec("spec/template/metadata/labels", "", "Deployment", true),
      new Spec("spec/template/metadata/labels", "", "ReplicaSet", true),
      new Spec("spec/template/metadata/labels", "", "DaemonSet", true),
      new Spec("spec/template/metadata/labels", "apps", "StatefulSet", true),
      new Spec("spec/template/metadata/labels", "batch", "Job", true),
      new Spec("spec/jobTemplate/metadata/labels", "batch", "CronJob", true),
      new Spec("spec/jobTemplate/spec/template/metadata/labels", "batch", "CronJob", true));

  private static final List<Spec> COMMON_LABELS = commonLabels();

  private static List<Spec> commonLabels() {
    List<Spec> s = new java.util.ArrayList<>();
    s.add(new Spec("spec/selector", "", "Service", true));
    s.add(new Spec("spec/selector", "", "ReplicationController", true));
    s.add(new Spec("spec/selector/matchLabels", "", "Deployment", true));
    String[] affinity = {
      "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
      "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels"};
    for (String a : affinity) {
      s.add(new Spec(a, "apps", "Deployment", false));
    }
    s.add(new Spec("spec/selector/matchLabels", "", "ReplicaSet", true));
    s.add(new Spec("spec/selector/matchLabels", "", "DaemonSet", true));
    s.add(new Spec("spec/selector/matchLabels", "apps", "StatefulSet", true));
    for (String a : affinity) {
      s.add(new Spec(a, "apps", "StatefulSet", false));
    }
    s.add(new Spec("spec/selector/matchLabels", "batch", "Job", false));
    s.add(new Spec("spec/jobTemplate/spec/selector/matchLabels", "batch", "CronJob", false));
    s.add(new Spec("spec/selector/matchLabels", "policy", "PodDisruptionBudget", false));
    s.add(new Spec("spec/podSelector/matchLabels", "networking.k8s.io", "NetworkPolicy", false));
    s.add(new Spec("spec/ingress/from/podSelector/matchLabels", "networking.k8s.io", "NetworkPolicy", false));
    s.add(new Spec("spec/egress/to/podSelector/matchLabels", "networking.k8s.io", "NetworkPolicy", false));
    s.addAll(TEMPLATE_LABELS);
    s.add(new Spec("spec/volumeClaimTemplates[]/metadata/labels", "apps", "StatefulSet", true));
    return List.copyOf(s);
  }

  private static final List<Spec> ANNOTATIONS = List.of(
      new Spec("metadata/annotations", "", "", true),
      new Spec("spec/template/metadata/annotations", "", "ReplicationController", true),
      new Spec("spec/template/metadata/annotations", "", "Deployment", true),
      new Spec("spec/template/metadata/annotations", "", "ReplicaSet", true),
      new Spec("spec/template/metadata/annotations", "", "DaemonSet", true),
      new Spec("spec/template/metadata/annotations", "", "StatefulSet", true),
      new Spec("spec/template/metadata/annotations", "batch", "Job", true),
      new Spec("spec/jobTemplate/metadata/annotations", "batch", "CronJob", true),
      new Spec("spec/jobTemplate/spec/template/metadata/annotations", "batch", "CronJob", true));

  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
      "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass",
      "CSIDriver", "CSINode", "VolumeAttachment", "APIService", "MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "PodSecurityPolicy", "CertificateSigningRequest", "ComponentStatus", "FlowSchema",
      "PriorityLevelConfiguration");

  static boolean clusterScoped(Res r) {
    if (CLUSTER_SCOPED.contains(r.kind())) {
      return true;
    }
    return KindRegistry.lookup(r.apiVersion(), r.kind()).map(k -> !k.namespaced()).orElse(false);
  }

  static void namespace(List<Res> ra, String ns) {
    if (ns.isEmpty()) {
      return;
    }
    for (Res r : ra) {
      if (!clusterScoped(r)) {
        r.setNamespace(ns);
      }
      if (r.kind().equals("RoleBinding") || r.kind().equals("ClusterRoleBinding")) {
        for (JsonNode s : r.tree.path("subjects")) {
          if (s instanceof ObjectNode o && Res.text(o.get("name")).equals("default")) {
            o.put("namespace", ns);
          }
        }
      }
    }
  }

  private static final Set<String> NOT_PREFIXED = Set.of("CustomResourceDefinition", "APIService", "Namespace");

  static void prefixSuffix(List<Res> ra, String prefix, String suffix) {
    if (prefix.isEmpty() && suffix.isEmpty()) {
      return;
    }
    for (Res r : ra) {
      boolean skip = r.kind().equals("APIService") ? r.group().equals("apiregistration.k8s.io")
          : NOT_PREFIXED.contains(r.kind());
      if (!skip) {
        r.rename(prefix + r.name() + suffix);
      }
    }
  }

  /** Labels through the field specs: selectors and templates with {@code includeSelectors}, templates with {@code includeTemplates}. */
  static void labels(List<Res> ra, Map<String, String> labels, boolean selectors, boolean templates) {
    if (labels.isEmpty()) {
      return;
    }
    List<Spec> specs = selectors ? COMMON_LABELS : templates ? TEMPLATE_LABELS : TEMPLATE_LABELS.subList(0, 1);
    put(ra, specs, labels);
  }

  static void annotations(List<Res> ra, Map<String, String> annotations) {
    if (!annotations.isEmpty()) {
      put(ra, ANNOTATIONS, annotations);
    }
  }

  /** Puts the values into the maps at the specs' paths of the resources they select. */
  static void put(List<Res> ra, List<Spec> specs, Map<String, String> values) {
    for (Res r : ra) {
      for (Spec s : specs) {
        if (s.selects(r)) {
          walk(r.tree, s.path().split("/"), 0, s.create(), m -> values.forEach(m::put));
        }
      }
    }
  }

  /** Visits the maps at a field path, through lists on the way, creating missing maps when asked to. */
  static void walk(JsonNode node, String[] parts, int i, boolean create, Consumer<ObjectNode> at) {
    if (node instanceof ArrayNode a) {
      for (JsonNode item : a) {
        walk(item, parts, i, create, at);
      }
      return;
    }
    if (!(node instanceof ObjectNode o) || i >= parts.length) {
      return;
    }
    String field = parts[i].endsWith("[]") ? parts[i].substring(0, parts[i].length() - 2) : parts[i];
    JsonNode child = o.get(field);
    if (child == null || child.isNull()) {
      if (!create) {
        return;
      }
      child = o.putObject(field);
    }
    if (i == parts.length - 1) {
      if (child instanceof ObjectNode c) {
        at.accept(c);
      }
      return;
    }
    walk(child, parts, i + 1, create, at);
  }

  private static final Set<String> SCALED = Set.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet");

  static void replicas(List<Res> ra, List<JsonNode> replicas) {
    for (JsonNode rep : replicas) {
      String name = Res.text(rep.get("name"));
      JsonNode count = rep.get("count");
      for (Res r : ra) {
        if (r.hadName(name) && SCALED.contains(r.kind())) {
          ObjectNode spec = r.tree.get("spec") instanceof ObjectNode s ? s : r.tree.putObject("spec");
          spec.set("replicas", count == null ? com.fasterxml.jackson.databind.node.IntNode.valueOf(0) : count.deepCopy());
        }
      }
    }
  }

  static void images(List<Res> ra, List<JsonNode> images) {
    for (JsonNode img : images) {
      for (Res r : ra) {
        containers(r.tree, img);
      }
    }
  }

  private static void containers(JsonNode node, JsonNode img) {
    if (node instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> {
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
          for (JsonNode c : e.getValue()) {
            if (c instanceof ObjectNode co && co.get("image") != null && co.get("image").isTextual()) {
              co.set("image", TextNode.valueOf(image(co.get("image").asText(), img)));
            }
          }
        } else {
          containers(e.getValue(), img);
        }
      });
    } else if (node instanceof ArrayNode a) {
      a.forEach(x -> containers(x, img));
    }
  }

  /** kustomize's image update: a matching image gets the new name, tag or digest. */
  static String image(String value, JsonNode img) {
    String name = Res.text(img.get("name"));
    if (!matched(value, name)) {
      return value;
    }
    String[] split = split(value);
    String n = split[0];
    String tag = split[1];
    String digest = split[2];
    String newName = Res.text(img.get("newName"));
    String newTag = img.has("newTag") && !img.get("newTag").isNull() ? img.get("newTag").asText() : "";
    String newDigest = Res.text(img.get("digest"));
    String tagSuffix = Res.text(img.get("tagSuffix"));
    if (!newName.isEmpty()) {
      n = newName;
    }
    if (!newTag.isEmpty() && !newDigest.isEmpty()) {
      tag = newTag;
      digest = newDigest;
    } else if (!newTag.isEmpty()) {
      tag = newTag;
      digest = "";
    } else if (!newDigest.isEmpty()) {
      tag = "";
      digest = newDigest;
    } else if (!tagSuffix.isEmpty()) {
      tag += tagSuffix;
      digest = "";
    }
    return n + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
  }

  static boolean matched(String s, String name) {
    try {
      return Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$")
          .matcher(s).matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** An image's name, tag and digest, the tag looked for after the registry host. */
  static String[] split(String image) {
    int slash = image.indexOf('/');
    int base = slash > 0 ? slash : 0;
    String search = image.substring(base);
    int id = search.indexOf('@');
    int ic = search.indexOf(':');
    if (ic < 0 && id < 0) {
      return new String[] {image, "", ""};
    }
    if (id >= 0 && (id < ic || ic < 0)) {
      return new String[] {image.substring(0, id + base), "", image.substring(id + base + 1)};
    }
    if (id >= 0) {
      return new String[] {image.substring(0, ic + base), image.substring(ic + base + 1, id + base),
          image.substring(id + base + 1)};
    }
    return new String[] {image.substring(0, ic + base), image.substring(ic + base + 1), ""};
  }
}
