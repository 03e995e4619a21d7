package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import dev.kubesim.impl.kubectl.printers.Cells;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Events section of describe ({@code DescribeEvents}): {@code Events: <none>}, or a table of
 * the Event objects recorded for the object (Type, Reason, Age, From, Message), oldest last
 * timestamp first. Events are stored as generic objects of kind {@code Event}.
 */
final class EventsSection {
  private EventsSection() {}

  /** The events whose involvedObject is this object ({@code searchEvents}). */
  static List<Map<String, Object>> find(DescribeContext ctx, KubeObject object, boolean matchKind) {
    String ns = object.metadata().namespace().orElse("");
    String name = object.metadata().nameOrEmpty();
    String uid = object.metadata().uid().orElse("");
    List<KubeObject> candidates = ns.isEmpty() ? ctx.listAll("Event") : ctx.list("Event", ns);
    List<Map<String, Object>> events = new ArrayList<>();
    for (KubeObject o : candidates) {
      if (!(o instanceof GenericObject e) || !(e.content().get("involvedObject") instanceof Map<?, ?> io)) {
        continue;
      }
      boolean same =
          name.equals(io.get("name"))
              && (ns.isEmpty() || io.get("namespace") == null || ns.equals(io.get("namespace")))
              && (io.get("uid") == null || uid.isEmpty() || uid.equals(io.get("uid")))
              && (!matchKind || io.get("kind") == null || object.kind().equals(io.get("kind")));
      if (same) {
        events.add(e.content());
      }
    }
    return events;
  }

  /** Writes the section. */
  static void write(PrefixWriter w, List<Map<String, Object>> events, Instant now) {
    if (events.isEmpty()) {
      w.write(PrefixWriter.LEVEL_0, "Events:\t<none>\n");
      return;
    }
    w.flush();
    List<Map<String, Object>> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(e -> Optional.ofNullable(Cells.instant(text(e, "lastTimestamp"))).orElse(Instant.MIN)));
    w.write(PrefixWriter.LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(PrefixWriter.LEVEL_1, "----\t------\t----\t----\t-------\n");
    for (Map<String, Object> e : sorted) {
      String first = since(text(e, "eventTime"), now);
      if (text(e, "eventTime").isEmpty()) {
        first = since(text(e, "firstTimestamp"), now);
      }
      int count = e.get("count") instanceof Number n ? n.intValue() : 0;
      String interval;
      if (e.get("series") instanceof Map<?, ?> series) {
        Object c = series.get("count");
        interval = since(Optional.ofNullable(Objects.toString(series.get("lastObservedTime"), null)), now)
            + " (x" + c + " over " + first + ")";
      } else if (count > 1) {
        interval = since(text(e, "lastTimestamp"), now) + " (x" + count + " over " + first + ")";
      } else {
        interval = first;
      }
      String source = "";
      if (e.get("source") instanceof Map<?, ?> s && s.get("component") != null) {
        source = s.get("component").toString();
      }
      if (source.isEmpty()) {
        source = text(e, "reportingComponent").orElse("");
      }
      w.write(PrefixWriter.LEVEL_1, "%s\t%s\t%s\t%s\t%s\n",
          text(e, "type").orElse(""), text(e, "reason").orElse(""), interval, source, text(e, "message").orElse("").strip());
    }
  }

  private static String since(Optional<String> ts, Instant now) {
    return HumanDuration.translateTimestampSince(Cells.instant(ts), now);
  }

  private static Optional<String> text(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null || v.toString().isEmpty() ? Optional.empty() : Optional.of(v.toString());
  }
}
