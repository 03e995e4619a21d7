package dev.kubesim.impl.kubelet;

import com.google.common.hash.Hashing;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.events.EventRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The images a node holds and the kubelet's image manager ({@code EnsureImageExists} in
 * {@code pkg/kubelet/images/image_manager.go}): before each container start the image is pulled
 * when its pull policy says so — always for {@code Always}, when the node lacks it for {@code
 * IfNotPresent} — with the events {@code Pulling} and {@code Pulled}, or it is reported as already
 * present. A pull takes the kubelet's container start delay; an image's size is drawn from its name
 * (kubesim has no registry to ask), the same on every node and in every run.
 */
final class ImagePulls {
  private static final long MIN_SIZE = 5L << 20;
  private static final long SIZE_RANGE = 200L << 20;

  private final Set<String> present = new HashSet<>();
  private final Duration pullTime;

  ImagePulls(Duration pullTime) {
    this.pullTime = pullTime;
  }

  /** Makes sure the node has the container's image, recording what the image manager records. */
  void ensure(Pod pod, Container container, EventRecorder events) {
    String image = container.image().orElse("");
    String reported = Images.reported(image);
    String policy = container.imagePullPolicy().orElse("IfNotPresent");
    if (policy.equals("Never") || (policy.equals("IfNotPresent") && present.contains(reported))) {
      // a Never image is taken to be there: kubesim's nodes hold what kind's nodes are loaded with
      events.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine");
      present.add(reported);
      return;
    }
    events.normal(pod, "Pulling", "Pulling image \"" + image + "\"");
    String took = goDuration(pullTime);
    events.normal(pod, "Pulled", "Successfully pulled image \"" + image + "\" in " + took + " (" + took
        + " including waiting). Image size: " + size(reported) + " bytes.");
    present.add(reported);
  }

  /** A stable size between 5 and 205 MiB for the image's name. */
  static long size(String reported) {
    long h = Hashing.sha256().hashString(reported, StandardCharsets.UTF_8).asLong();
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
