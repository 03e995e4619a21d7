package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code printCronJob}: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, and with {@code -o
 * wide} CONTAINERS IMAGES SELECTOR (the job template's); an unset time zone or last schedule
 * shows {@code <none>}.
 */
public final class CronJobTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES", "SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    GenericObject cj = (GenericObject) object;
    Map<String, Object> spec = StorageObjects.section(cj, "spec");
    Map<String, Object> status = StorageObjects.section(cj, "status");
    String zone = spec.get("timeZone") instanceof String z ? z : "<none>";
    String suspend = spec.get("suspend") instanceof Boolean b ? (b ? "True" : "False") : "<unset>";
    String last = StorageObjects.str(status, "lastScheduleTime");
    List<String> row = new ArrayList<>(List.of(cj.metadata().nameOrEmpty(), StorageObjects.str(spec, "schedule"), zone,
        suspend, Integer.toString(JobObjects.list(status, "active").size()),
        last.isEmpty() ? "<none>" : Cells.since(Optional.of(last), now), Cells.age(cj, now)));
    if (wide) {
      Map<String, Object> jobSpec = StorageObjects.map(StorageObjects.map(spec.get("jobTemplate")).get("spec"));
      PodTemplateSpec template;
      try {
        template = jobSpec.get("template") == null ? new PodTemplateSpec(null, null)
            : ObjectCodec.mapper().convertValue(jobSpec.get("template"), PodTemplateSpec.class);
      } catch (IllegalArgumentException e) {
        template = new PodTemplateSpec(null, null);
      }
      String[] containers = Cells.containerCells(template.specOrEmpty().containers());
      row.add(containers[0]);
      row.add(containers[1]);
      Object selector = jobSpec.get("selector");
      row.add(selector == null ? "<none>"
          : LabelSelectorFormat.formatLabelSelector(ObjectCodec.mapper().convertValue(selector, LabelSelector.class)));
    }
    return row;
  }
}
