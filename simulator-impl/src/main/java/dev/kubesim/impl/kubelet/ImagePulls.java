package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.program.ProgramRegistry;
import dev.kubesim.impl.sim.Sha256;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The images a node holds and the kubelet's image manager ({@code EnsureImageExists} in
 * {@code pkg/kubelet/images/image_manager.go}): before each container start the image is pulled
 * when its pull policy says so — always for {@code Always}, when the node lacks it for {@code
 * IfNotPresent} — with the events {@code Pulling} and {@code Pulled}, or it is reported as already
 * present. A pull takes the kubelet's container start delay; an image's size is drawn from its name
 * (kubesim has no registry to ask), the same on every node and in every run.
 *
 * <p>What fails, in the kubelet's and containerd's words: a reference that does not parse ({@code
 * InvalidImageName}, after the warning {@code InspectFailed}); a tag the registry does not have
 * ({@link ProgramRegistry#hasTag}: a version of a known image that was never released), whose pull
 * fails with containerd's {@code NotFound} ({@code ErrImagePull}) and starts the image back-off,
 * keyed by pod and image as the kubelet keys it: 10 s doubling to 300 s, during which each sync
 * answers {@code ImagePullBackOff} with the last pull's error; and an image a {@code Never} policy
 * forbids pulling that the node cannot have ({@code ErrImageNeverPull}).
 */
final class ImagePulls {
  private static final long MIN_SIZE = 5L << 20;
  private static final long SIZE_RANGE = 200L << 20;
  /** The kubelet's image back-off ({@code flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff)}). */
  static final Duration BACK_OFF_FIRST = Duration.ofSeconds(10);
  static final Duration BACK_OFF_MAX = Duration.ofSeconds(300);

  /**
   * Why the image manager could not provide a container's image: the container's waiting reason
   * ({@code ErrImagePull}, {@code ImagePullBackOff}, {@code InvalidImageName}, {@code
   * ErrImageNeverPull}) and message.
   */
  record Failure(String reason, String message) {}

  /** One back-off entry: when it was last moved on and how long it lasts ({@code flowcontrol.backoffEntry}). */
  private record BackOffEntry(long lastUpdate, Duration backOff) {}

  private final Set<String> present = new HashSet<>();
  private final Duration pullTime;
  private final Predicate<String> registryHas;
  /** The image back-off by pod UID and image, in the order the entries were made. */
  private final Map<String, BackOffEntry> backOff = new LinkedHashMap<>();
  /** The error of each back-off key's last pull, which the back-off's message repeats. */
  private final Map<String, String> lastPullError = new HashMap<>();

  /**
   * @param pullTime how long a pull takes
   * @param registryHas whether the registry has a (valid) image reference's tag
   */
  ImagePulls(Duration pullTime, Predicate<String> registryHas) {
    this.pullTime = pullTime;
    this.registryHas = registryHas;
  }

  /** Every tag is in the registry. */
  ImagePulls(Duration pullTime) {
    this(pullTime, image -> true);
  }

  /**
   * Makes sure the node has the container's image, recording what the image manager records.
   *
   * @param now the virtual clock, in nanoseconds
   * @return why the image is not there, or empty when it is
   */
  Optional<Failure> ensure(Pod pod, Container container, EventRecorder events, long now) {
    String image = container.image().orElse("");
    try {
      ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      String msg = "Failed to apply default image tag \"" + image + "\": " + e.getMessage();
      events.warning(pod, "InspectFailed", msg);
      return Optional.of(new Failure("InvalidImageName", msg));
    }
    String reported = Images.reported(image);
    String policy = container.imagePullPolicy().orElse("IfNotPresent");
    boolean inRegistry = registryHas.test(image);
    if (policy.equals("Never") && !inRegistry && !present.contains(reported)) {
      String msg = "Container image \"" + image + "\" is not present with pull policy of Never";
      events.warning(pod, "ErrImageNeverPull", msg);
      return Optional.of(new Failure("ErrImageNeverPull", msg));
    }
    if (policy.equals("Never") || (policy.equals("IfNotPresent") && present.contains(reported))) {
      // a Never image is taken to be there: kubesim's nodes hold what kind's nodes are loaded with
      events.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine");
      present.add(reported);
      return Optional.empty();
    }
    String key = pod.metadata().uid().orElse("") + "_" + image;
    if (inBackOff(key, now)) {
      String msg = "Back-off pulling image \"" + image + "\"";
      events.normal(pod, "BackOff", msg);
      String previous = lastPullError.get(key);
      return Optional.of(new Failure("ImagePullBackOff", previous == null ? msg : msg + ": " + previous));
    }
    events.normal(pod, "Pulling", "Pulling image \"" + image + "\"");
    if (!inRegistry) {
      String error = "rpc error: code = NotFound desc = failed to pull and unpack image \"" + reported
          + "\": failed to resolve reference \"" + reported + "\": " + reported + ": not found";
      events.warning(pod, "Failed", "Failed to pull image \"" + image + "\": " + error);
      next(key, now);
      lastPullError.put(key, "ErrImagePull: " + error);
      return Optional.of(new Failure("ErrImagePull", error));
    }
    String took = goDuration(pullTime);
    events.normal(pod, "Pulled", "Successfully pulled image \"" + image + "\" in " + took + " (" + took
        + " including waiting). Image size: " + size(reported) + " bytes.");
    present.add(reported);
    gc(now);
    return Optional.empty();
  }

  /** {@code IsInBackOffSinceUpdate}: an entry that has not expired and whose back-off has not passed. */
  private boolean inBackOff(String key, long now) {
    BackOffEntry e = backOff.get(key);
    if (e == null || expired(e, now)) {
      return false;
    }
    return now - e.lastUpdate() < e.backOff().toNanos();
  }

  /** {@code Next}: the first back-off, or the last one doubled up to the longest. */
  private void next(String key, long now) {
    BackOffEntry e = backOff.get(key);
    Duration d;
    if (e == null || expired(e, now)) {
      d = BACK_OFF_FIRST;
    } else {
      d = e.backOff().multipliedBy(2);
      if (d.compareTo(BACK_OFF_MAX) > 0) {
        d = BACK_OFF_MAX;
      }
    }
    backOff.remove(key);
    backOff.put(key, new BackOffEntry(now, d));
  }

  /** An entry left alone for twice the longest back-off is forgotten ({@code hasExpired}). */
  private static boolean expired(BackOffEntry e, long now) {
    return now - e.lastUpdate() > BACK_OFF_MAX.multipliedBy(2).toNanos();
  }

  /** {@code GC}, after a successful pull: the expired entries go. */
  private void gc(long now) {
    backOff.entrySet().removeIf(e -> {
      boolean gone = expired(e.getValue(), now);
      if (gone) {
        lastPullError.remove(e.getKey());
      }
      return gone;
    });
  }

  /** A stable size between 5 and 205 MiB for the image's name. */
  static long size(String reported) {
    long h = Sha256.firstLong(reported);
    return MIN_SIZE + Math.floorMod(h, SIZE_RANGE);
  }

  /** Go's {@code time.Duration} text, truncated to milliseconds as the kubelet prints it: {@code 1s}, {@code 1.5s}, {@code 500ms}, {@code 1m2s}. */
  static String goDuration(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    long minutes = ms / 60_000;
    long rest = ms % 60_000;
    String seconds = Long.toString(rest / 1000);
    if (rest % 1000 != 0) {
      seconds += "." + String.format("%03d", rest % 1000).replaceAll("0+$", "");
    }
    return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
  }
}
