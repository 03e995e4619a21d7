package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.FieldSelector;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.codec.CompactJson;
import dev.kubesim.impl.codec.ObjectCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code ?watch=true} request: newline-delimited {@code WatchEvent}s ({@code ADDED}, {@code
 * MODIFIED}, {@code DELETED}, {@code BOOKMARK}, {@code ERROR}) of the objects the request's
 * namespace and selectors match, streamed as the store commits them.
 *
 * <ul>
 *   <li>Without {@code resourceVersion} (or with {@code 0}) the watch starts with an {@code ADDED}
 *       event for every matching object; with a version it replays the changes after it from the
 *       server's history, or ends at once with an {@code ERROR} event carrying {@code 410 Expired}
 *       when that history no longer reaches back so far.
 *   <li>An object that stops (or starts) matching a selector is {@code DELETED} (or {@code
 *       ADDED}) for this watch, as the watch cache reports it.
 *   <li>With {@code allowWatchBookmarks=true} an idle watch sends a {@code BOOKMARK} with the
 *       version it has seen up to.
 *   <li>Virtual time: with time stepped by calls, a watch of one named object that is being
 *       deleted ({@code fieldSelector=metadata.name=NAME}, as {@code kubectl delete} waits for
 *       deletions) is a client waiting: virtual time passes in {@value #STEP_MILLIS} ms steps while
 *       it has nothing to send and the object is still there, until {@code timeoutSeconds} of
 *       virtual time have passed, as kubesim's own kubectl lets time pass while it waits. The end
 *       is the object's, so it does not depend on when the client goes. Other watches ({@code
 *       kubectl wait --for=condition}, {@code rollout status}, informers) never move time: the
 *       cluster has settled before they started, and waiting for timers needs time to be moved
 *       (by the cluster's own calls, or a server that follows the wall clock).
 * </ul>
 */
final class WatchStream {
  static final long STEP_MILLIS = 100;
  /** A waiting watch sends a bookmark every this many idle steps (a virtual second). */
  private static final long BOOKMARK_STEPS = 10;
  private static final Duration STEP = Duration.ofMillis(STEP_MILLIS);
  private static final long DEFAULT_TIMEOUT_SECONDS = 1800;
  private static final long IDLE_SECONDS = 5;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final RestHost host;
  private final WatchHub hub;
  private final ApiRequest request;
  private final boolean steppedTime;
  private final java.util.function.BooleanSupplier serverClosed;
  private final Predicate<Map<String, String>> labels;
  private final FieldSelector fields;

  WatchStream(RestHost host, WatchHub hub, ApiRequest request, boolean steppedTime,
      java.util.function.BooleanSupplier serverClosed) {
    this.host = host;
    this.hub = hub;
    this.request = request;
    this.steppedTime = steppedTime;
    this.serverClosed = serverClosed;
    this.labels = ResourceRequests.labelSelector(request);
    this.fields = ResourceRequests.fieldSelector(request);
  }

  private record Start(List<JsonNode> initial, LinkedBlockingQueue<WatchHub.Change> queue, long seen, long virtualDeadline,
      Optional<String> gone) {}

  /** Streams events until the client goes, the timeout passes or the server closes. */
  void run(RestExchange exchange, List<String> warnings) throws IOException {
    long timeoutSeconds = request.param("timeoutSeconds").map(WatchStream::seconds).orElse(DEFAULT_TIMEOUT_SECONDS);
    boolean bookmarks = request.flag("allowWatchBookmarks");
    Optional<String> rvParam = request.param("resourceVersion").filter(s -> !s.isEmpty() && !s.equals("0"));
    long from = rvParam.map(WatchStream::version).orElse(-1L);
    boolean waiting = steppedTime && fields.singleName().isPresent();
    Start start = host.locked(() -> {
      host.settle();
      List<JsonNode> initial = new ArrayList<>();
      long now = Long.parseLong(host.api().store().resourceVersion());
      Optional<String> gone = Optional.empty();
      if (from < 0) {
        ResourceRequests requests = new ResourceRequests(host);
        java.time.Instant now0 = host.loop().clock().instant();
        for (KubeObject o : requests.matching(request, labels, fields)) {
          initial.add(event("ADDED", o, now0, now, host.api().managedFields(o)));
        }
      } else {
        List<WatchHub.Change> since = hub.since(from);
        if (since == null) {
          gone = Optional.of("too old resource version: " + from + " (" + (hub.oldestServable() + 1) + ")");
        } else {
          for (WatchHub.Change c : since) {
            translate(c).ifPresent(initial::add);
          }
        }
      }
      long deadline = host.loop().clock().nanos() + Duration.ofSeconds(timeoutSeconds).toNanos();
      return new Start(initial, gone.isPresent() ? null : hub.subscribe(), now, deadline, gone);
    });
    try (OutputStream out = exchange.stream(200, "application/json", warnings)) {
      if (start.gone().isPresent()) {
        ObjectNode error = JSON.objectNode();
        error.put("type", "ERROR");
        error.set("object", StatusObjects.failure(410, "Expired", start.gone().get()));
        write(out, error);
        return;
      }
      try {
        stream(out, start, bookmarks, waiting, timeoutSeconds);
      } finally {
        hub.unsubscribe(start.queue());
      }
    } catch (IOException e) {
      // the client has gone
    }
  }

  private enum Step { STEPPED, TIMED_OUT, NOTHING_TO_WAIT_FOR }

  private void stream(OutputStream out, Start start, boolean bookmarks, boolean waitingAtStart, long timeoutSeconds)
      throws IOException {
    boolean waiting = waitingAtStart;
    for (JsonNode e : start.initial()) {
      write(out, e);
    }
    long seen = start.seen();
    long wallDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    long idleSteps = 0;
    LinkedBlockingQueue<WatchHub.Change> queue = start.queue();
    while (!serverClosed.getAsBoolean()) {
      WatchHub.Change c = queue.poll();
      if (c == null && waiting) {
        Step step = host.locked(() -> {
          boolean beingDeleted = host.api().get(request.kind().kind(), request.namespace(), fields.singleName().get())
              .filter(o -> o.metadata().deletionTimestamp().isPresent()).isPresent();
          if (!beingDeleted) {
            return Step.NOTHING_TO_WAIT_FOR;
          }
          long left = start.virtualDeadline() - host.loop().clock().nanos();
          if (left <= 0) {
            return Step.TIMED_OUT;
          }
          host.loop().advance(left < STEP.toNanos() ? Duration.ofNanos(left) : STEP);
          return Step.STEPPED;
        });
        if (step == Step.TIMED_OUT) {
          return;
        }
        if (step == Step.STEPPED) {
          if (bookmarks && queue.isEmpty() && ++idleSteps % BOOKMARK_STEPS == 0) {
            write(out, bookmark(seen));
          }
          continue;
        }
        waiting = false; // the object is gone: a plain watch from here on
      }
      if (c == null) {
        try {
          c = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (c == null) {
          if (System.nanoTime() - wallDeadline >= 0) {
            return;
          }
          if (bookmarks) {
            write(out, bookmark(seen));
          }
          continue;
        }
      }
      if (c == WatchHub.END) {
        return;
      }
      seen = Math.max(seen, c.resourceVersion());
      Optional<JsonNode> e = translate(c);
      if (e.isPresent()) {
        write(out, e.get());

      }
    }
  }

  private Optional<JsonNode> translate(WatchHub.Change c) {
    WatchEvent e = c.event();
    KubeObject o = e.object();
    java.time.Instant at = c.at();
    long rv = c.resourceVersion();
    if (!o.kind().equals(request.kind().kind())) {
      return Optional.empty();
    }
    if (request.kind().namespaced() && !request.namespace().isEmpty()
        && !o.metadata().namespace().orElse("").equals(request.namespace())) {
      return Optional.empty();
    }
    boolean now = matches(o);
    return switch (e.type()) {
      case ADDED -> now ? Optional.of(event("ADDED", o, at, rv, c.managedFields())) : Optional.empty();
      case DELETED -> matches(e.previous().orElse(o)) ? Optional.of(event("DELETED", o, at, rv, c.managedFields())) : Optional.empty();
      case MODIFIED -> {
        boolean before = e.previous().map(this::matches).orElse(false);
        if (now && before) {
          yield Optional.of(event("MODIFIED", o, at, rv, c.managedFields()));
        } else if (now) {
          yield Optional.of(event("ADDED", o, at, rv, c.managedFields()));
        } else if (before) {
          yield Optional.of(event("DELETED", o, at, rv, c.managedFields()));
        }
        yield Optional.empty();
      }
    };
  }

  private boolean matches(KubeObject o) {
    return labels.test(o.metadata().labels()) && (fields.isEverything() || fields.matches(ObjectCodec.encode(o)));
  }

  /**
   * A watch event; its object is the server's one-row Table when the client asked for tables (as
   * {@code kubectl get -w} does), with the AGE of the instant the change was made.
   */
  private ObjectNode event(String type, KubeObject o, java.time.Instant at, long resourceVersion,
      dev.kubesim.impl.apiserver.ManagedFields managedFields) {
    ObjectNode e = JSON.objectNode();
    e.put("type", type);
    if (request.wantsTable()) {
      e.set("object", TableOutput.table(dev.kubesim.impl.kubectl.printers.TablePrinters.forKind(request.kind(), host.api().kinds()), List.of(o), at,
          TableOutput.Include.parse(request.param("includeObject").orElse("")), Long.toString(resourceVersion), ""));
    } else {
      e.set("object", ResourceRequests.withManagedFields(ResourceRequests.encode(request, o), managedFields));
    }
    return e;
  }

  private ObjectNode bookmark(long resourceVersion) {
    ObjectNode e = JSON.objectNode();
    e.put("type", "BOOKMARK");
    ObjectNode o = e.putObject("object");
    o.put("kind", request.kind().kind());
    o.put("apiVersion", request.kind().apiVersion());
    o.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
    return e;
  }

  private static void write(OutputStream out, JsonNode event) throws IOException {
    out.write(CompactJson.bytes(event));
    out.write('\n');
    out.flush();
  }

  private static long seconds(String s) {
    try {
      return Math.max(0, Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new BadRequestException("timeoutSeconds: Invalid value: \"" + s + "\"");
    }
  }

  private static long version(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new BadRequestException("invalid resource version: \"" + s + "\"");
    }
  }
}
