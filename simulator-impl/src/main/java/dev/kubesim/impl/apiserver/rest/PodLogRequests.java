package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubelet.PodLogOptions;
import dev.kubesim.impl.program.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code GET pods/NAME/log}: a container's log as plain text, read with the request's
 * {@code PodLogOptions} ({@code container}, {@code previous}, {@code tailLines}, {@code
 * sinceSeconds}/{@code sinceTime}, {@code timestamps}, {@code limitBytes}). With {@code follow} the
 * answer stays open and carries each new line as the container writes it — as virtual time passes,
 * moved by other requests or by the wall clock when the server follows it — and ends when the
 * container stops running, the pod goes, or the client does.
 */
final class PodLogRequests {
  /** How often a followed log looks for new lines (wall time: the server's, not the engine's). */
  private static final long FOLLOW_POLL_MILLIS = 50;

  private final RestHost host;
  private final BooleanSupplier serverClosed;

  PodLogRequests(RestHost host, BooleanSupplier serverClosed) {
    this.host = host;
    this.serverClosed = serverClosed;
  }

  private record Target(Pod pod, String container, List<LogLine> lines) {}

  void serve(RestExchange exchange, String namespace, String name, Map<String, String> query) throws IOException {
    boolean previous = flag(query, "previous");
    PodLogOptions options = options(query);
    Target first = read(namespace, name, query.getOrDefault("container", ""), previous);
    String text = options.render(first.lines(), "");
    if (!flag(query, "follow") || previous) {
      exchange.send(200, text.getBytes(StandardCharsets.UTF_8), "text/plain", List.of());
      return;
    }
    try (OutputStream out = exchange.stream(200, "text/plain", List.of())) {
      long sent = write(out, text, options.limitBytes(), 0);
      int seen = first.lines().size();
      while (!serverClosed.getAsBoolean() && (options.limitBytes() <= 0 || sent < options.limitBytes())) {
        Optional<Target> now = reread(namespace, name, first.container());
        if (now.isEmpty()) {
          return;
        }
        List<LogLine> lines = now.get().lines();
        StringBuilder fresh = new StringBuilder();
        for (LogLine line : lines.subList(Math.min(seen, lines.size()), lines.size())) {
          if (options.since().map(t -> !line.time().isBefore(t)).orElse(true)) {
            fresh.append(options.format(line));
          }
        }
        seen = lines.size();
        sent = write(out, fresh.toString(), options.limitBytes(), sent);
        if (!running(now.get().pod(), first.container())) {
          return;
        }
        sleep();
      }
    } catch (IOException e) {
      // the client has gone
    }
  }

  private Target read(String namespace, String name, String container, boolean previous) {
    return host.locked(() -> {
      host.settle();
      Pod pod = (Pod) host.api().getOrThrow(Pod.KIND, namespace, name);
      String c = container(pod, container);
      return new Target(pod, c, host.kubelets().logs(pod, c, previous));
    });
  }

  private Optional<Target> reread(String namespace, String name, String container) {
    return host.locked(() -> host.api().get(Pod.KIND, namespace, name).map(o -> {
      Pod pod = (Pod) o;
      List<LogLine> lines;
      try {
        lines = host.kubelets().logs(pod, container, false);
      } catch (RuntimeException e) {
        lines = List.of(); // waiting to restart: nothing to read now
      }
      return new Target(pod, container, lines);
    }));
  }

  /** The API server's choice of container: the one named, or the pod's only one. */
  private static String container(Pod pod, String named) {
    List<String> names = pod.specOrEmpty().containers().stream().map(c -> c.name().orElse("")).toList();
    String podName = pod.metadata().nameOrEmpty();
    if (named.isEmpty()) {
      if (names.size() != 1) {
        throw new BadRequestException("a container name must be specified for pod " + podName + ", choose one of: ["
            + String.join(" ", names) + "]");
      }
      return names.get(0);
    }
    boolean declared = names.contains(named)
        || pod.specOrEmpty().initContainers().stream().anyMatch(c -> c.name().filter(named::equals).isPresent());
    if (!declared) {
      throw new BadRequestException("container " + named + " is not valid for pod " + podName);
    }
    return named;
  }

  private static boolean running(Pod pod, String container) {
    Optional<ContainerStatus> status = pod.status().flatMap(s -> java.util.stream.Stream
        .concat(s.containerStatuses().stream(), s.initContainerStatuses().stream())
        .filter(c -> c.name().filter(container::equals).isPresent()).findFirst());
    return status.flatMap(ContainerStatus::state).flatMap(st -> st.running()).isPresent();
  }

  private PodLogOptions options(Map<String, String> query) {
    long tail = number(query, "tailLines", -1);
    if (query.containsKey("tailLines") && tail < 0) {
      throw new BadRequestException("tailLines: Invalid value: " + tail + ": must be greater than or equal to 0");
    }
    long limit = number(query, "limitBytes", 0);
    if (query.containsKey("limitBytes") && limit < 1) {
      throw new BadRequestException("limitBytes: Invalid value: " + limit + ": must be greater than 0");
    }
    if (query.containsKey("sinceSeconds") && query.containsKey("sinceTime")) {
      throw new BadRequestException("at most one of `sinceTime` or `sinceSeconds` may be specified");
    }
    Optional<Instant> since = Optional.empty();
    if (query.containsKey("sinceSeconds")) {
      long seconds = number(query, "sinceSeconds", 0);
      if (seconds < 1) {
        throw new BadRequestException("sinceSeconds: Invalid value: " + seconds + ": must be greater than 0");
      }
      Instant now = host.locked(() -> host.loop().clock().instant());
      since = Optional.of(now.minus(Duration.ofSeconds(seconds)));
    } else if (query.containsKey("sinceTime")) {
      try {
        since = Optional.of(Instant.parse(query.get("sinceTime")));
      } catch (DateTimeParseException e) {
        throw new BadRequestException("sinceTime: Invalid value: \"" + query.get("sinceTime") + "\": not an RFC 3339 time");
      }
    }
    return new PodLogOptions(tail, since, flag(query, "timestamps"), limit);
  }

  private static long write(OutputStream out, String text, long limit, long sent) throws IOException {
    if (text.isEmpty()) {
      return sent;
    }
    String cut = limit > 0 ? PodLogOptions.limit(text, limit - sent) : text;
    byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
    out.write(bytes);
    out.flush();
    return sent + bytes.length;
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(FOLLOW_POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static boolean flag(Map<String, String> query, String key) {
    String v = query.get(key);
    return v != null && (v.equals("true") || v.equals("1"));
  }

  private static long number(Map<String, String> query, String key, long absent) {
    String v = query.get(key);
    if (v == null || v.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadRequestException(key + ": Invalid value: \"" + v + "\": not a number");
    }
  }
}
