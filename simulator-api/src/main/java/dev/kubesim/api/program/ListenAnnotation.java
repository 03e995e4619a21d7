package dev.kubesim.api.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * kubesim's own pod annotation {@value #NAME}: the ports an image kubesim does not know listens
 * on, beyond those the cluster already expects of it (its {@code containerPorts}, its probes' ports
 * and the target ports of the Services that select it). The value is a comma-separated list of
 * {@code PORT/KIND}, e.g. {@code "6379/tcp,8080/http,53/udp"}: {@code http} answers HTTP as the
 * unknown image does, {@code tcp} accepts connections and writes nothing, {@code udp} receives
 * datagrams and answers none. A bare {@code PORT} means {@code PORT/http}.
 *
 * <p>Each entry is what a {@link Program} says in Java with {@link Program#listenPorts} (a {@link
 * ListenPort}) and, for {@code http}, its {@link Program#httpHandler}.
 */
public final class ListenAnnotation {
  /** The annotation's key. */
  public static final String NAME = "kubesim.dev/listen";

  private ListenAnnotation() {}

  /**
   * One entry of the annotation.
   *
   * @param port the port and its transport protocol ({@code TCP} for {@code tcp} and {@code http})
   * @param http whether the port answers HTTP
   */
  public record Entry(ListenPort port, boolean http) {
    /**
     * Checks the entry: HTTP only over TCP.
     *
     * @param port the port and its transport protocol
     * @param http whether the port answers HTTP
     */
    public Entry {
      Objects.requireNonNull(port, "port");
      if (http && !port.protocol().equals("TCP")) {
        throw new IllegalArgumentException("HTTP is served over TCP, not " + port.protocol());
      }
    }

    /** The entry as the annotation writes it: {@code 8080/http}. */
    @Override
    public String toString() {
      return port.port() + "/" + (http ? "http" : port.protocol().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Parses the annotation's value.
   *
   * @param value the annotation's value, such as {@code "6379/tcp,8080/http,53/udp"}
   * @return its entries in order; none for a blank value
   * @throws IllegalArgumentException naming the annotation and the bad entry
   */
  public static List<Entry> parse(String value) {
    Objects.requireNonNull(value, "value");
    List<Entry> entries = new ArrayList<>();
    if (value.isBlank()) {
      return entries;
    }
    for (String raw : value.split(",", -1)) {
      String item = raw.trim();
      int slash = item.indexOf('/');
      String number = slash < 0 ? item : item.substring(0, slash);
      String kind = slash < 0 ? "http" : item.substring(slash + 1).toLowerCase(Locale.ROOT);
      int port;
      try {
        port = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        port = 0;
      }
      if (port < 1 || port > 65535) {
        throw invalid(item, "the port must be a number from 1 to 65535");
      }
      Entry entry = switch (kind) {
        case "http" -> new Entry(ListenPort.tcp(port), true);
        case "tcp" -> new Entry(ListenPort.tcp(port), false);
        case "udp" -> new Entry(ListenPort.udp(port), false);
        default -> throw invalid(item, "the kind must be one of http, tcp, udp");
      };
      entries.add(entry);
    }
    return entries;
  }

  /**
   * What is wrong with the value, as {@link #parse} says it.
   *
   * @param value the annotation's value
   * @return the problem, empty when the value is valid
   */
  public static Optional<String> problem(String value) {
    try {
      parse(value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Whether the value parses.
   *
   * @param value the annotation's value
   * @return whether {@link #parse} accepts it
   */
  public static boolean isValid(String value) {
    return problem(value).isEmpty();
  }

  private static IllegalArgumentException invalid(String item, String why) {
    return new IllegalArgumentException("annotation " + NAME + ": invalid entry \"" + item + "\" (want PORT/KIND, e.g. "
        + "\"6379/tcp,8080/http,53/udp\"): " + why);
  }
}
