package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code kubectl get -w} (and {@code --watch-only}): the table of what there is, then a row for
 * each change of those objects as virtual time passes — a pod's {@code Terminating}, its
 * replacement's {@code Pending}, {@code ContainerCreating}, {@code Running}, each with its age at
 * that moment. The real command watches until interrupted; a simulated one lets time pass until the
 * cluster has settled, nothing it shows is being deleted and nothing has changed for {@link #QUIET}
 * of virtual time ({@link #FIRST} while it has shown nothing; at most {@link #LONGEST}), then ends
 * as an interrupt would. A change that prints the same row as the
 * object's previous one is not repeated.
 */
final class GetWatch {
  /** How long nothing shown may change before the watch ends. */
  static final Duration QUIET = Duration.ofSeconds(10);
  /** The longest a watch lets virtual time pass. */
  static final Duration LONGEST = Duration.ofMinutes(10);
  /**
   * How long a watch of nothing yet waits for a first object before it ends: long enough for a
   * CronJob's next minute ({@code kubectl get jobs --watch} of kubernetes.io's CronJob task).
   */
  static final Duration FIRST = Duration.ofMinutes(2);
  private static final Duration STEP = Duration.ofSeconds(1);

  private record Change(Instant at, KubeObject object, boolean deleted) {}

  private GetWatch() {}

  static void run(CommandContext ctx, OutputFormat format, ResourceArgs.Request request, ObjectQuery.Result initial,
      TableOptions options) {
    KindInfo kind = request.kind();
    Set<String> names = new TreeSet<>(request.names());
    Predicate<Map<String, String>> selector = ctx.args().string("selector").map(SelectorParser::parse).orElse(l -> true);
    boolean allNamespaces = ctx.args().bool("all-namespaces") || !kind.namespaced();
    List<Change> changes = new ArrayList<>();
    Consumer<WatchEvent> listener = e -> {
      KubeObject o = e.object();
      if (!o.kind().equals(kind.kind())) {
        return;
      }
      if (!allNamespaces && !o.metadata().namespace().orElse("").equals(ctx.namespace())) {
        return;
      }
      if (!names.isEmpty() ? !names.contains(o.metadata().nameOrEmpty()) : !selector.test(o.metadata().labels())) {
        return;
      }
      changes.add(new Change(ctx.now(), o, e.type() == WatchEvent.Type.DELETED));
    };
    boolean watchOnly = ctx.args().bool("watch-only");
    Instant listed = ctx.now();
    ctx.api().store().watchAllInOrder(listener);
    try {
      letTimePass(ctx, initial.objects(), changes);
    } finally {
      ctx.api().store().unwatchAllInOrder(listener);
    }
    if (format == OutputFormat.NAME) {
      StringBuilder out = new StringBuilder();
      if (!watchOnly) {
        initial.objects().forEach(o -> out.append(name(kind, o)));
      }
      changes.forEach(c -> out.append(name(kind, c.object())));
      ctx.out().out(out.toString());
      return;
    }
    WatchPrinter printer = new WatchPrinter(options.headers(kind), !options.noHeaders());
    StringBuilder out = new StringBuilder();
    Map<String, List<String>> lastRow = new HashMap<>();
    List<List<String>> first = new ArrayList<>();
    if (!watchOnly) {
      for (KubeObject o : initial.objects()) {
        List<String> row = options.row(kind, o, listed);
        lastRow.put(key(o), row);
        first.add(row);
      }
    }
    List<List<String>> later = new ArrayList<>();
    for (Change c : changes) {
      List<String> row = options.row(kind, c.object(), c.at());
      if (!row.equals(lastRow.put(key(c.object()), row))) {
        later.add(row);
      }
    }
    if (!first.isEmpty()) {
      out.append(printer.rows(first));
    }
    for (List<String> row : later) {
      out.append(printer.rows(List.of(row)));
    }
    ctx.out().out(out.toString());
  }

  /**
   * Lets the cluster settle, then time pass until nothing watched has changed for {@link #QUIET}
   * and nothing watched is being deleted (its end is a change to come).
   */
  private static void letTimePass(CommandContext ctx, List<KubeObject> initial, List<Change> changes) {
    Instant start = ctx.now();
    Map<String, KubeObject> current = new HashMap<>();
    initial.forEach(o -> current.put(key(o), o));
    ctx.cluster().loop().settleAll();
    int seen = 0;
    Instant lastChange = ctx.now();
    while (Duration.between(start, ctx.now()).compareTo(LONGEST) < 0) {
      if (changes.size() != seen) {
        for (Change c : changes.subList(seen, changes.size())) {
          if (c.deleted()) {
            current.remove(key(c.object()));
          } else {
            current.put(key(c.object()), c.object());
          }
        }
        seen = changes.size();
        lastChange = ctx.now();
      }
      boolean terminating = current.values().stream().anyMatch(o -> o.metadata().deletionTimestamp().isPresent());
      // a watch that has shown nothing waits for something to appear
      Duration patience = initial.isEmpty() && changes.isEmpty() ? FIRST : QUIET;
      if (!terminating && Duration.between(lastChange, ctx.now()).compareTo(patience) >= 0) {
        return;
      }
      ctx.cluster().loop().advance(STEP);
    }
  }

  private static String key(KubeObject o) {
    return o.metadata().namespace().orElse("") + "/" + o.metadata().nameOrEmpty();
  }

  private static String name(KindInfo kind, KubeObject o) {
    return ResourceTypes.kindPrefix(kind) + "/" + o.metadata().nameOrEmpty() + "\n";
  }

  /** Why a request cannot be watched, in kubectl's words, if it cannot. */
  static Optional<String> refusal(List<ResourceArgs.Request> requests, OutputFormat format) {
    if (requests.size() != 1) {
      return Optional.of("watch is only supported on individual resources and resource collections, but " + requests.size()
          + " resources were found");
    }
    if (format != OutputFormat.TABLE && format != OutputFormat.WIDE && format != OutputFormat.NAME) {
      return Optional.of("--watch is supported by this simulator with table, wide and name output only");
    }
    return Optional.empty();
  }
}
