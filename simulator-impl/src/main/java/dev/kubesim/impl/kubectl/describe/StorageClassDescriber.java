package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code describeStorageClass}: name, whether it is the default class, annotations and parameters
 * as {@code labels.FormatLabels} writes them, volume expansion, mount options, reclaim policy and
 * binding mode, then its events.
 */
final class StorageClassDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    GenericObject sc = (GenericObject) object;
    Map<String, Object> c = sc.content();
    Map<String, String> parameters = new TreeMap<>();
    StorageObjects.map(c.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", sc.metadata().nameOrEmpty());
      w.write(LEVEL_0, "IsDefaultClass:\t%s\n", StorageObjects.isDefaultClass(sc) ? "Yes" : "No");
      w.write(LEVEL_0, "Annotations:\t%s\n", formatLabels(sc.metadata().annotations()));
      w.write(LEVEL_0, "Provisioner:\t%s\n", StorageObjects.str(c, "provisioner"));
      w.write(LEVEL_0, "Parameters:\t%s\n", formatLabels(parameters));
      Object expansion = c.get("allowVolumeExpansion");
      w.write(LEVEL_0, "AllowVolumeExpansion:\t%s\n", expansion == null ? "<unset>" : Boolean.TRUE.equals(expansion) ? "True" : "False");
      List<?> options = c.get("mountOptions") instanceof List<?> l ? l : List.of();
      if (options.isEmpty()) {
        w.write(LEVEL_0, "MountOptions:\t<none>\n");
      } else {
        w.write(LEVEL_0, "MountOptions:\n");
        options.forEach(o -> w.write(dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1, "%s\n", o));
      }
      if (!StorageObjects.str(c, "reclaimPolicy").isEmpty()) {
        w.write(LEVEL_0, "ReclaimPolicy:\t%s\n", StorageObjects.str(c, "reclaimPolicy"));
      }
      if (!StorageObjects.str(c, "volumeBindingMode").isEmpty()) {
        w.write(LEVEL_0, "VolumeBindingMode:\t%s\n", StorageObjects.str(c, "volumeBindingMode"));
      }
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** {@code labels.FormatLabels}: {@code k=v} pairs sorted by key, comma-separated; {@code <none>} when empty. */
  private static String formatLabels(Map<String, String> m) {
    if (m.isEmpty()) {
      return "<none>";
    }
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
