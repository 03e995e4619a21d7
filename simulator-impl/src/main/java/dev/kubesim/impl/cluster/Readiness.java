package dev.kubesim.impl.cluster;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateWaiting;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetStatus;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether workloads and pods are ready, and when not, one line saying why ({@code deployment
 * default/orders: 0/2 ready}, {@code pod default/orders-x: Running, not ready: Readiness probe
 * failed: HTTP probe failed with statuscode: 503}), as {@code awaitReady} reports them.
 */
final class Readiness {
  /** The kinds {@code awaitReady} waits for, in the order it reports them. */
  static final List<String> KINDS = List.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet",
      Pod.KIND);

  private final ApiServer api;

  Readiness(ApiServer api) {
    this.api = api;
  }

  /** The kind as stored, from any case of its name ({@code deployment}, {@code Pod}). */
  static String kind(String name) {
    for (String k : KINDS) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new BadRequestException("awaitReady waits for " + String.join(", ", KINDS) + "; not for \"" + name + "\"");
  }

  /** Why each object of the waited-for kinds is not ready, in (kind, namespace, name) order; empty when all are. */
  List<String> pendingEverywhere() {
    List<String> out = new ArrayList<>();
    for (String kind : KINDS) {
      for (KubeObject o : api.list(kind, Optional.empty())) {
        notReady(o).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Why this object is not ready, or empty when it is. */
  Optional<String> notReady(KubeObject o) {
    String why = null;
    if (o instanceof Deployment d) {
      why = deployment(d);
    } else if (o instanceof ReplicaSet rs) {
      why = replicas(rs.specOrEmpty().replicas().orElse(1), rs.status().flatMap(ReplicaSetStatus::replicas).orElse(0),
          rs.status().flatMap(ReplicaSetStatus::readyReplicas).orElse(0));
    } else if (o instanceof ReplicationController rc) {
      why = replicas(rc.specOrEmpty().replicas().orElse(1), rc.status().flatMap(ReplicationControllerStatus::replicas).orElse(0),
          rc.status().flatMap(ReplicationControllerStatus::readyReplicas).orElse(0));
    } else if (o instanceof Pod p) {
      why = pod(p);
    } else if (o instanceof GenericObject g) {
      why = generic(g);
    }
    return Optional.ofNullable(why).map(w -> describe(o) + ": " + w);
  }

  /** {@code deployment default/orders}, as kubectl names objects in messages. */
  static String describe(KubeObject o) {
    return o.kind().toLowerCase(Locale.ROOT) + " " + o.metadata().namespace().map(ns -> ns + "/").orElse("")
        + o.metadata().nameOrEmpty();
  }

  /** As {@code kubectl rollout status} waits: every replica updated and ready, and no old one left. */
  private static String deployment(Deployment d) {
    int want = d.specOrEmpty().replicas().orElse(1);
    Optional<DeploymentStatus> s = d.status();
    int ready = s.flatMap(DeploymentStatus::readyReplicas).orElse(0);
    int updated = s.flatMap(DeploymentStatus::updatedReplicas).orElse(0);
    int total = s.flatMap(DeploymentStatus::replicas).orElse(0);
    if (ready >= want && updated >= want && total <= want) {
      return null;
    }
    String why = ready + "/" + want + " ready";
    if (updated < want) {
      why += ", " + updated + "/" + want + " updated";
    }
    if (total > want) {
      why += ", " + (total - want) + " old replicas pending termination";
    }
    return why;
  }

  private static String replicas(int want, int have, int ready) {
    if (ready >= want && have == want) {
      return null;
    }
    return ready + "/" + want + " ready" + (have > want ? ", " + (have - want) + " more pods pending termination" : "");
  }

  /**
   * A pod that completed counts as done (a failed one too when a Job runs it); a terminating one is on
   * its way out and is not waited for.
   */
  private String pod(Pod p) {
    String phase = PodStates.phase(p);
    if (phase.equals("Succeeded") || PodStates.isTerminating(p) || PodStates.isReady(p)) {
      return null;
    }
    if (phase.equals("Failed") && p.metadata().controllerRef().map(r -> r.kind().equals("Job")).orElse(false)) {
      return null; // a Job's failed try: the Job replaces it or gives up, the pod has finished either way
    }
    if (phase.equals("Failed")) {
      return "Failed" + p.status().flatMap(s -> s.reason()).map(r -> " (" + r + ")").orElse("");
    }
    if (!PodStates.isScheduled(p)) {
      return "Pending, not scheduled" + PodStates.condition(p, "PodScheduled").flatMap(PodCondition::message)
          .map(m -> ": " + m).orElse("");
    }
    for (ContainerStatus c : p.status().map(s -> s.containerStatuses()).orElse(List.of())) {
      Optional<ContainerStateWaiting> waiting = c.state().flatMap(ContainerState::waiting);
      if (waiting.isPresent()) {
        return phase + ", container " + c.name().orElse("") + " waiting: " + waiting.get().reason().orElse("")
            + waiting.get().message().map(m -> " (" + m + ")").orElse("");
      }
    }
    return phase + ", not ready" + lastUnhealthy(p).map(m -> ": " + m).orElse("");
  }

  /** The message of the latest {@code Unhealthy} Event about the pod (a failing probe's). */
  private Optional<String> lastUnhealthy(Pod p) {
    String name = p.metadata().nameOrEmpty();
    String best = null;
    String bestTime = "";
    for (KubeObject o : api.list("Event", p.metadata().namespace())) {
      if (!(o instanceof GenericObject e) || !"Unhealthy".equals(e.content().get("reason"))
          || !(e.content().get("involvedObject") instanceof Map<?, ?> involved)
          || !"Pod".equals(involved.get("kind")) || !name.equals(involved.get("name"))) {
        continue;
      }
      String time = String.valueOf(e.content().getOrDefault("lastTimestamp", ""));
      if (best == null || time.compareTo(bestTime) >= 0) {
        best = String.valueOf(e.content().get("message"));
        bestTime = time;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * StatefulSets: as {@code kubectl rollout status} waits (the controller saw the spec, the
   * replicas are ready and updated down to the partition) and with no pod above the replica count
   * left. DaemonSets: their controller's status.
   */
  private static String generic(GenericObject g) {
    Map<?, ?> spec = g.content().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = g.content().get("status") instanceof Map<?, ?> m ? m : Map.of();
    return switch (g.kind()) {
      case "StatefulSet" -> statefulSet(g, spec, status);
      case "DaemonSet" -> daemonSet(g, spec, status);
      default -> null;
    };
  }

  private static String statefulSet(GenericObject g, Map<?, ?> spec, Map<?, ?> status) {
    int want = number(spec.get("replicas"), 1);
    int ready = number(status.get("readyReplicas"), 0);
    int have = number(status.get("replicas"), 0);
    int updated = number(status.get("updatedReplicas"), 0);
    long observed = status.get("observedGeneration") instanceof Number n ? n.longValue() : 0;
    if (observed == 0 || g.metadata().generation().orElse(0L) > observed) {
      return ready + "/" + want + " ready, spec update not observed yet";
    }
    Map<?, ?> strategy = spec.get("updateStrategy") instanceof Map<?, ?> m ? m : Map.of();
    int toUpdate = 0;
    if ("RollingUpdate".equals(strategy.get("type"))) {
      Map<?, ?> rolling = strategy.get("rollingUpdate") instanceof Map<?, ?> m ? m : Map.of();
      toUpdate = Math.max(0, want - number(rolling.get("partition"), 0));
    }
    if (ready >= want && have <= want && updated >= toUpdate) {
      return null;
    }
    String why = ready + "/" + want + " ready";
    if (updated < toUpdate) {
      why += ", " + updated + "/" + toUpdate + " updated";
    }
    if (have > want) {
      why += ", " + (have - want) + " more pods pending termination";
    }
    return why;
  }

  /**
   * A DaemonSet is ready once its controller has seen its spec and every node that should run it
   * has a ready pod, updated unless the DaemonSet updates {@code OnDelete}.
   */
  private static String daemonSet(GenericObject g, Map<?, ?> spec, Map<?, ?> status) {
    long generation = g.metadata().generation().orElse(0L);
    if (status.get("observedGeneration") instanceof Number n ? n.longValue() < generation : generation > 0) {
      return "spec update not yet observed";
    }
    int want = number(status.get("desiredNumberScheduled"), 0);
    int ready = number(status.get("numberReady"), 0);
    int updated = number(status.get("updatedNumberScheduled"), 0);
    boolean onDelete = spec.get("updateStrategy") instanceof Map<?, ?> s && "OnDelete".equals(s.get("type"));
    if (ready >= want && (onDelete || updated >= want)) {
      return null;
    }
    return ready + "/" + want + " ready" + (!onDelete && updated < want ? ", " + updated + "/" + want + " updated" : "");
  }

  private static int number(Object value, int absent) {
    return value instanceof Number n ? n.intValue() : absent;
  }
}
