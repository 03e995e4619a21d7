package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code describePersistentVolume}: name, labels, annotations, finalizers, class, status, claim,
 * reclaim policy, access modes, volume mode, capacity, node affinity ({@code printVolumeNodeAffinity}),
 * message, the source (hostPath and local volumes in full), then its events.
 */
final class PersistentVolumeDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    GenericObject pv = (GenericObject) object;
    Map<String, Object> spec = StorageObjects.section(pv, "spec");
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", pv.metadata().nameOrEmpty());
      w.printLabelsMultiline("Labels", pv.metadata().labels());
      w.printAnnotationsMultiline("Annotations", pv.metadata().annotations());
      w.write(LEVEL_0, "Finalizers:\t[%s]\n", String.join(" ", pv.metadata().finalizers()));
      w.write(LEVEL_0, "StorageClass:\t%s\n", StorageObjects.volumeClass(pv));
      if (pv.metadata().deletionTimestamp().isPresent()) {
        w.write(LEVEL_0, "Status:\tTerminating (lasts %s)\n", HumanDuration.translateTimestampSince(
            Instant.parse(pv.metadata().deletionTimestamp().get()), ctx.now()));
      } else {
        w.write(LEVEL_0, "Status:\t%s\n", StorageObjects.phase(pv));
      }
      w.write(LEVEL_0, "Claim:\t%s\n", StorageObjects.claimRef(pv)
          .map(ref -> StorageObjects.str(ref, "namespace") + "/" + StorageObjects.str(ref, "name")).orElse(""));
      w.write(LEVEL_0, "Reclaim Policy:\t%s\n", StorageObjects.str(spec, "persistentVolumeReclaimPolicy"));
      w.write(LEVEL_0, "Access Modes:\t%s\n", PersistentVolumeClaimDescriber.accessModes(StorageObjects.accessModes(pv)));
      if (!StorageObjects.str(spec, "volumeMode").isEmpty()) {
        w.write(LEVEL_0, "VolumeMode:\t%s\n", StorageObjects.str(spec, "volumeMode"));
      }
      w.write(LEVEL_0, "Capacity:\t%s\n", StorageObjects.capacity(pv).map(String::valueOf).orElse("0"));
      nodeAffinity(w, StorageObjects.map(StorageObjects.map(spec.get("nodeAffinity")).get("required")));
      w.write(LEVEL_0, "Message:\t%s\n", StorageObjects.str(StorageObjects.section(pv, "status"), "message"));
      w.write(LEVEL_0, "Source:\n");
      Map<String, Object> host = StorageObjects.map(spec.get("hostPath"));
      Map<String, Object> local = StorageObjects.map(spec.get("local"));
      if (!host.isEmpty()) {
        w.write(LEVEL_2, "Type:\tHostPath (bare host directory volume)\n    Path:\t%s\n    HostPathType:\t%s\n",
            StorageObjects.str(host, "path"), host.get("type") == null ? "<none>" : Objects.toString(host.get("type")));
      } else if (!local.isEmpty()) {
        w.write(LEVEL_2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t%s\n",
            StorageObjects.str(local, "path"));
      }
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** {@code printVolumeNodeAffinity}: each required term's expressions as {@code key op [values]}. */
  private static void nodeAffinity(PrefixWriter w, Map<String, Object> required) {
    w.write(LEVEL_0, "Node Affinity:\t");
    if (required.isEmpty()) {
      w.write(LEVEL_0, "<none>\n");
      return;
    }
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_1, "Required Terms:\t");
    List<?> terms = required.get("nodeSelectorTerms") instanceof List<?> l ? l : List.of();
    if (terms.isEmpty()) {
      w.write(LEVEL_0, "<none>\n");
      return;
    }
    w.write(LEVEL_0, "\n");
    for (int i = 0; i < terms.size(); i++) {
      List<?> exprs = StorageObjects.map(terms.get(i)).get("matchExpressions") instanceof List<?> l ? l : List.of();
      w.write(LEVEL_2, "Term %d:\t", i);
      if (exprs.isEmpty()) {
        w.write(LEVEL_0, "<none>\n");
        continue;
      }
      for (int j = 0; j < exprs.size(); j++) {
        Map<String, Object> r = StorageObjects.map(exprs.get(j));
        if (j != 0) {
          w.write(LEVEL_2, "\t");
        }
        String text = StorageObjects.str(r, "key") + " " + StorageObjects.str(r, "operator").toLowerCase(Locale.ROOT);
        if (r.get("values") instanceof List<?> values && !values.isEmpty()) {
          text += " [" + String.join(", ", values.stream().map(String::valueOf).toList()) + "]";
        }
        w.write(LEVEL_0, "%s\n", text);
      }
    }
  }
}
