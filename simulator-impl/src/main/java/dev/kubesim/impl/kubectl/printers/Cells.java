package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import dev.kubesim.impl.sim.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cell formats that several kubectl printers share. */
public final class Cells {
  private Cells() {}

  /** An RFC 3339 timestamp as written in objects, or null when absent or malformed. */
  public static Instant instant(Optional<String> timestamp) {
    if (timestamp.isEmpty() || timestamp.get().isEmpty()) {
      return null;
    }
    try {
      return Timestamps.parse(timestamp.get());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code translateTimestampSince(obj.CreationTimestamp)}: the AGE cell. */
  public static String age(KubeObject object, Instant now) {
    return HumanDuration.translateTimestampSince(instant(object.metadata().creationTimestamp()), now);
  }

  /** {@code translateTimestampSince} of any timestamp field. */
  public static String since(Optional<String> timestamp, Instant now) {
    return HumanDuration.translateTimestampSince(instant(timestamp), now);
  }

  /** {@code layoutContainerCells}: container names and images, each comma-joined. */
  public static String[] containerCells(List<Container> containers) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (Container c : containers) {
      names.add(c.name().orElse(""));
      images.add(c.image().orElse(""));
    }
    return new String[] {String.join(",", names), String.join(",", images)};
  }

  /** kubectl's list cut: the first {@code max} items, then {@code  + N more...}. */
  public static String firstWithMore(List<String> list, int total, int max) {
    String joined = String.join(",", list);
    return total > max ? joined + " + " + (total - max) + " more..." : joined;
  }

  /** Go's {@code net.JoinHostPort}: IPv6 addresses are bracketed. */
  public static String joinHostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
