package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import dev.kubesim.impl.kubectl.printers.Cells;
import java.util.Map;
import java.util.Objects;

/** {@code describePod}. */
final class PodDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Pod pod = (Pod) object;
    PodSpec spec = pod.specOrEmpty();
    PodStatus status = pod.status().orElse(null);
    String phase = status == null ? "Pending" : status.phase().filter(p -> !p.isEmpty()).orElse("Pending");
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", pod.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", pod.metadata().namespace().orElse(""));
      spec.priority().ifPresent(p -> w.write(LEVEL_0, "Priority:\t%d\n", p));
      spec.priorityClassName().filter(s -> !s.isEmpty()).ifPresent(p -> w.write(LEVEL_0, "Priority Class Name:\t%s\n", p));
      spec.runtimeClassName().filter(s -> !s.isEmpty()).ifPresent(p -> w.write(LEVEL_0, "Runtime Class Name:\t%s\n", p));
      spec.serviceAccountName().filter(s -> !s.isEmpty()).ifPresent(p -> w.write(LEVEL_0, "Service Account:\t%s\n", p));
      if (spec.nodeName().filter(n -> !n.isEmpty()).isEmpty()) {
        w.write(LEVEL_0, "Node:\t<none>\n");
      } else {
        w.write(LEVEL_0, "Node:\t%s\n", spec.nodeName().get() + "/" + (status == null ? "" : status.hostIP().orElse("")));
      }
      if (status != null && status.startTime().isPresent()) {
        w.write(LEVEL_0, "Start Time:\t%s\n", GoTime.rfc1123z(status.startTime()));
      }
      w.printLabelsMultiline("Labels", pod.metadata().labels());
      w.printAnnotationsMultiline("Annotations", pod.metadata().annotations());
      if (pod.metadata().deletionTimestamp().isPresent() && !phase.equals("Failed") && !phase.equals("Succeeded")) {
        w.write(LEVEL_0, "Status:\tTerminating (lasts %s)\n",
            HumanDuration.translateTimestampSince(Cells.instant(pod.metadata().deletionTimestamp()), ctx.now()));
        w.write(LEVEL_0, "Termination Grace Period:\t%ds\n", pod.metadata().deletionGracePeriodSeconds().orElse(30L));
      } else {
        w.write(LEVEL_0, "Status:\t%s\n", phase);
      }
      if (status != null) {
        status.reason().filter(s -> !s.isEmpty()).ifPresent(r -> w.write(LEVEL_0, "Reason:\t%s\n", r));
        status.message().filter(s -> !s.isEmpty()).ifPresent(r -> w.write(LEVEL_0, "Message:\t%s\n", r));
      }
      if (spec.securityContext().orElse(Map.of()).get("seccompProfile") instanceof Map<?, ?> sp) {
        w.write(LEVEL_0, "SeccompProfile:\t%s\n", Objects.toString(sp.get("type"), ""));
        if ("Localhost".equals(sp.get("type"))) {
          w.write(LEVEL_0, "LocalhostProfile:\t%s\n", Objects.toString(sp.get("localhostProfile"), ""));
        }
      }
      w.write(LEVEL_0, "IP:\t%s\n", status == null ? "" : status.podIP().orElse(""));
      if (status == null || status.podIPs().isEmpty()) {
        w.write(LEVEL_0, "IPs:\t<none>\n");
      } else {
        w.write(LEVEL_0, "IPs:\n");
        for (PodIP ip : status.podIPs()) {
          w.write(LEVEL_1, "IP:\t%s\n", ip.ip().orElse(""));
        }
      }
      pod.metadata().controllerRef().ifPresent(ref -> w.write(LEVEL_0, "Controlled By:\t%s\n", ref.kind() + "/" + ref.name()));
      if (status != null) {
        status.nominatedNodeName().filter(s -> !s.isEmpty()).ifPresent(n -> w.write(LEVEL_0, "NominatedNodeName:\t%s\n", n));
      }
      if (spec.resources().isPresent()) {
        w.write(LEVEL_0, "Resources:\n");
        PodSections.resources(w, spec.resources().get(), LEVEL_1);
      }
      if (!spec.initContainers().isEmpty()) {
        PodSections.containers(w, "Init Containers", spec.initContainers(),
            status == null ? null : status.initContainerStatuses(), pod, "");
      }
      PodSections.containers(w, "Containers", spec.containers(), status == null ? null : status.containerStatuses(), pod, "");
      if (!spec.readinessGates().isEmpty()) {
        w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
        for (Object g : spec.readinessGates()) {
          Object type = g instanceof Map<?, ?> m ? m.get("conditionType") : null;
          String value = "<none>";
          if (status != null) {
            for (PodCondition c : status.conditions()) {
              if (c.type().filter(t -> t.equals(type)).isPresent()) {
                value = c.status().orElse("");
                break;
              }
            }
          }
          w.write(LEVEL_1, "%s \t%s \n", Objects.toString(type, ""), value);
        }
      }
      if (status != null && !status.conditions().isEmpty()) {
        w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
        for (PodCondition c : status.conditions()) {
          w.write(LEVEL_1, "%s \t%s \n", c.type().orElse(""), c.status().orElse(""));
        }
      }
      PodSections.volumes(w, spec.volumes(), "");
      w.write(LEVEL_0, "QoS Class:\t%s\n", PodSections.qosClass(pod));
      w.printLabelsMultiline("Node-Selectors", spec.nodeSelector());
      PodSections.tolerations(w, "Tolerations", spec.tolerations());
      EventsSection.write(w, EventsSection.find(ctx, pod, false), ctx.now());
    });
  }
}
