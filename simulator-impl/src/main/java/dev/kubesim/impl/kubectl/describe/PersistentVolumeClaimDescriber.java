package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code describePersistentVolumeClaim}: name, namespace, class, status (or how long it has been
 * Terminating), volume, labels, annotations, finalizers, the bound volume's capacity and access
 * modes, the volume mode, the pods that use the claim ({@code Used By}), then its events.
 */
final class PersistentVolumeClaimDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    GenericObject pvc = (GenericObject) object;
    String namespace = pvc.metadata().namespace().orElse("");
    String name = pvc.metadata().nameOrEmpty();
    Map<String, Object> spec = StorageObjects.section(pvc, "spec");
    Map<String, Object> status = StorageObjects.section(pvc, "status");
    List<String> users = ctx.list(Pod.KIND, namespace).stream()
        .filter(p -> StorageObjects.claimNames((Pod) p).contains(name))
        .map(p -> p.metadata().nameOrEmpty()).sorted().toList();
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", name);
      w.write(LEVEL_0, "Namespace:\t%s\n", namespace);
      w.write(LEVEL_0, "StorageClass:\t%s\n", StorageObjects.claimClass(pvc));
      if (pvc.metadata().deletionTimestamp().isPresent()) {
        w.write(LEVEL_0, "Status:\tTerminating (lasts %s)\n", HumanDuration.translateTimestampSince(
            Instant.parse(pvc.metadata().deletionTimestamp().get()), ctx.now()));
        pvc.metadata().deletionGracePeriodSeconds()
            .ifPresent(g -> w.write(LEVEL_0, "Termination Grace Period:\t%ds\n", g));
      } else {
        w.write(LEVEL_0, "Status:\t%s\n", StorageObjects.phase(pvc));
      }
      w.write(LEVEL_0, "Volume:\t%s\n", StorageObjects.volumeName(pvc));
      w.printLabelsMultiline("Labels", pvc.metadata().labels());
      w.printAnnotationsMultiline("Annotations", pvc.metadata().annotations());
      w.write(LEVEL_0, "Finalizers:\t[%s]\n", String.join(" ", pvc.metadata().finalizers()));
      String capacity = "";
      String modes = "";
      if (!StorageObjects.volumeName(pvc).isEmpty()) {
        Object storage = StorageObjects.map(status.get("capacity")).get("storage");
        capacity = storage == null ? "0" : String.valueOf(storage);
        modes = accessModes(status.get("accessModes") instanceof List<?> l ? l : List.of());
      }
      w.write(LEVEL_0, "Capacity:\t%s\n", capacity);
      w.write(LEVEL_0, "Access Modes:\t%s\n", modes);
      String volumeMode = StorageObjects.str(spec, "volumeMode");
      if (!volumeMode.isEmpty()) {
        w.write(LEVEL_0, "VolumeMode:\t%s\n", volumeMode);
      }
      w.write(LEVEL_0, "Used By:\t");
      if (users.isEmpty()) {
        w.write(LEVEL_0, "<none>\n");
      }
      for (int i = 0; i < users.size(); i++) {
        w.write(LEVEL_0, i == 0 ? "%s\n" : "\t%s\n", users.get(i));
      }
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** {@code GetAccessModesAsString}: RWO, ROX, RWX, RWOP in that order. */
  static String accessModes(List<?> modes) {
    List<String> out = new java.util.ArrayList<>();
    for (String[] m : new String[][] {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"},
        {"ReadWriteOncePod", "RWOP"}}) {
      if (modes.contains(m[0])) {
        out.add(m[1]);
      }
    }
    return String.join(",", out);
  }
}
