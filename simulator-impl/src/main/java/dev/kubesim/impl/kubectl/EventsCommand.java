package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.kubectl.printers.Cells;
import dev.kubesim.impl.kubectl.print.TabWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubectl events}: the namespace's Events oldest first, as kubectl's event printer shows them —
 * {@code LAST SEEN} ({@code 5s (x3 over 2m)} for a repeated one), {@code TYPE}, {@code REASON},
 * {@code OBJECT} as {@code Kind/name}, {@code MESSAGE} — with {@code --for TYPE/NAME}, {@code
 * --types Normal,Warning}, {@code -A} and {@code --no-headers}.
 */
final class EventsCommand implements Command {
  @Override
  public String name() {
    return "events";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("for"), Flag.value("types"), Flag.bool("all-namespaces", "A"), Flag.bool("no-headers"),
        Flag.bool("watch", "w"));
  }

  @Override
  public void run(CommandContext ctx) {
    if (ctx.args().bool("watch")) {
      throw KubectlException.error("kubectl events --watch is not supported by this simulator yet");
    }
    boolean all = ctx.args().bool("all-namespaces");
    Optional<String[]> target = ctx.args().string("for").map(spec -> target(ctx, spec));
    Set<String> types = ctx.args().string("types").map(t -> Set.of(t.split(","))).orElse(Set.of());
    for (String t : types) {
      if (!t.equals("Normal") && !t.equals("Warning")) {
        throw KubectlException.error("valid --types are Normal or Warning");
      }
    }
    Instant now = ctx.now();
    List<Map<String, Object>> events = new ArrayList<>();
    Map<Map<String, Object>, String> namespaces = new java.util.IdentityHashMap<>();
    for (KubeObject o : ctx.api().list("Event", all ? Optional.empty() : Optional.of(ctx.namespace()))) {
      Map<String, Object> e = ((GenericObject) o).content();
      Map<?, ?> involved = e.get("involvedObject") instanceof Map<?, ?> m ? m : Map.of();
      if (target.isPresent() && !(target.get()[0].equals(String.valueOf(involved.get("kind")))
          && target.get()[1].equals(String.valueOf(involved.get("name"))))) {
        continue;
      }
      if (!types.isEmpty() && !types.contains(text(e, "type"))) {
        continue;
      }
      events.add(e);
      namespaces.put(e, o.metadata().namespace().orElse(""));
    }
    if (events.isEmpty()) {
      ctx.out().err(all ? "No events found.\n" : "No events found in " + ctx.namespace() + " namespace.\n");
      return;
    }
    events.sort(Comparator.comparing(EventsCommand::when));
    TabWriter w = TabWriter.forTables();
    if (!ctx.args().bool("no-headers")) {
      w.write((all ? "NAMESPACE\t" : "") + "LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n");
    }
    for (Map<String, Object> e : events) {
      Map<?, ?> involved = e.get("involvedObject") instanceof Map<?, ?> m ? m : Map.of();
      w.write((all ? namespaces.get(e) + "\t" : "") + interval(e, now) + "\t" + text(e, "type")
          + "\t" + text(e, "reason") + "\t" + involved.get("kind") + "/" + involved.get("name") + "\t"
          + text(e, "message").strip() + "\n");
    }
    ctx.out().out(w.flush().output());
  }

  /** {@code --for pod/web} as the kind and name an Event's involvedObject carries. */
  private static String[] target(CommandContext ctx, String spec) {
    int slash = spec.indexOf('/');
    if (slash < 0) {
      throw KubectlException.error("--for must be in resource/name form");
    }
    String type = spec.substring(0, slash).toLowerCase(Locale.ROOT);
    String kind = ResourceTypes.resolve(ctx.api().kinds(), type).map(KindInfo::kind)
        .orElseThrow(() -> KubectlException.error("the server doesn't have a resource type \"" + type + "\""));
    return new String[] {kind, spec.substring(slash + 1)};
  }

  /** When an event last happened, as kubectl sorts them: its series', else its last, else its event time. */
  private static String when(Map<String, Object> e) {
    if (e.get("series") instanceof Map<?, ?> series && series.get("lastObservedTime") != null) {
      return String.valueOf(series.get("lastObservedTime"));
    }
    String last = text(e, "lastTimestamp");
    return last.isEmpty() ? text(e, "eventTime") : last;
  }

  /** The {@code LAST SEEN} cell: {@code 5s}, or {@code 5s (x3 over 2m)} for a repeated event. */
  private static String interval(Map<String, Object> e, Instant now) {
    String eventTime = text(e, "eventTime");
    String first = Cells.since(Optional.of(eventTime.isEmpty() ? text(e, "firstTimestamp") : eventTime)
        .filter(s -> !s.isEmpty()), now);
    long count = e.get("count") instanceof Number n ? n.longValue() : 0;
    if (e.get("series") instanceof Map<?, ?> series && series.get("lastObservedTime") != null) {
      long seriesCount = series.get("count") instanceof Number n ? n.longValue() : 0;
      return Cells.since(Optional.of(String.valueOf(series.get("lastObservedTime"))), now) + " (x" + seriesCount
          + " over " + first + ")";
    }
    if (count > 1) {
      return Cells.since(Optional.of(text(e, "lastTimestamp")).filter(s -> !s.isEmpty()), now) + " (x" + count
          + " over " + first + ")";
    }
    return first;
  }

  private static String text(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null ? "" : v.toString();
  }
}
