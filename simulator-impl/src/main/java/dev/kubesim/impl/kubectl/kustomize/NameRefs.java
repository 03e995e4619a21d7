package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * kustomize's name references ({@code nameReference} of its default configuration, the part real
 * apps meet): after prefixes, suffixes and hashes rename objects, the fields that name them follow
 * — ConfigMaps, Secrets, ServiceAccounts and PersistentVolumeClaims from pod templates, Services
 * and TLS Secrets from Ingresses, a StatefulSet's Service, an autoscaler's target, a binding's role
 * and ServiceAccounts. A reference follows the object of that kind that once had the name, in the
 * referrer's namespace.
 */
final class NameRefs {
  private NameRefs() {}

  static void fix(List<Res> ra) {
    for (Res r : ra) {
      String kind = r.kind();
      ObjectNode spec = r.tree.get("spec") instanceof ObjectNode s ? s : null;
      if (spec == null && !kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
        continue;
      }
      switch (kind) {
        case "Pod" -> podSpec(ra, r, spec);
        case "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController", "PodTemplate" -> {
          podSpec(ra, r, spec.path("template").get("spec"));
          if (kind.equals("StatefulSet")) {
            ref(ra, r, spec, "serviceName", "Service");
          }
        }
        case "CronJob" -> podSpec(ra, r, spec.path("jobTemplate").path("spec").path("template").get("spec"));
        case "Ingress" -> {
          backend(ra, r, spec.get("defaultBackend"));
          backend(ra, r, spec.get("backend"));
          for (JsonNode rule : spec.path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
              backend(ra, r, path.get("backend"));
            }
          }
          for (JsonNode tls : spec.path("tls")) {
            ref(ra, r, tls, "secretName", "Secret");
          }
        }
        case "HorizontalPodAutoscaler" -> {
          JsonNode target = spec.get("scaleTargetRef");
          if (target != null) {
            ref(ra, r, target, "name", Res.text(target.get("kind")));
          }
        }
        case "RoleBinding", "ClusterRoleBinding" -> {
          JsonNode role = r.tree.get("roleRef");
          if (role != null) {
            ref(ra, r, role, "name", Res.text(role.get("kind")));
          }
          for (JsonNode s : r.tree.path("subjects")) {
            if (Res.text(s.get("kind")).equals("ServiceAccount")) {
              ref(ra, r, s, "name", "ServiceAccount");
            }
          }
        }
        default -> {}
      }
    }
  }

  private static void backend(List<Res> ra, Res r, JsonNode backend) {
    if (backend == null) {
      return;
    }
    ref(ra, r, backend.get("service"), "name", "Service");
    ref(ra, r, backend, "serviceName", "Service");
  }

  private static void podSpec(List<Res> ra, Res r, JsonNode spec) {
    if (!(spec instanceof ObjectNode)) {
      return;
    }
    ref(ra, r, spec, "serviceAccountName", "ServiceAccount");
    for (JsonNode s : spec.path("imagePullSecrets")) {
      ref(ra, r, s, "name", "Secret");
    }
    for (JsonNode v : spec.path("volumes")) {
      ref(ra, r, v.get("configMap"), "name", "ConfigMap");
      ref(ra, r, v.get("secret"), "secretName", "Secret");
      ref(ra, r, v.get("persistentVolumeClaim"), "claimName", "PersistentVolumeClaim");
      for (JsonNode source : v.path("projected").path("sources")) {
        ref(ra, r, source.get("configMap"), "name", "ConfigMap");
        ref(ra, r, source.get("secret"), "name", "Secret");
      }
    }
    for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
      for (JsonNode c : spec.path(list)) {
        for (JsonNode e : c.path("env")) {
          ref(ra, r, e.path("valueFrom").get("configMapKeyRef"), "name", "ConfigMap");
          ref(ra, r, e.path("valueFrom").get("secretKeyRef"), "name", "Secret");
        }
        for (JsonNode e : c.path("envFrom")) {
          ref(ra, r, e.get("configMapRef"), "name", "ConfigMap");
          ref(ra, r, e.get("secretRef"), "name", "Secret");
        }
      }
    }
  }

  /** Points {@code holder.field} at the current name of the object of {@code kind} it names. */
  private static void ref(List<Res> ra, Res referrer, JsonNode holder, String field, String kind) {
    if (!(holder instanceof ObjectNode h) || !(h.get(field) != null && h.get(field).isTextual())) {
      return;
    }
    String old = h.get(field).asText();
    Res found = null;
    for (Res c : ra) {
      if (!c.kind().equals(kind) || !c.hadName(old)) {
        continue;
      }
      boolean clusterScoped = Transforms.clusterScoped(c);
      if (!clusterScoped && !Res.sameNamespace(c.namespace(), referrer.namespace())) {
        continue;
      }
      if (found == null || c.name().equals(old)) {
        found = c;
      }
    }
    if (found != null) {
      h.put(field, found.name());
    }
  }
}
