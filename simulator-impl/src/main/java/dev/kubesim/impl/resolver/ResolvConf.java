package dev.kubesim.impl.resolver;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code /etc/resolv.conf} as the kubelet hands it to the runtime (CRI {@code DNSConfig}):
 * nameservers, search list and options, each in order.
 *
 * @param nameservers the {@code nameserver} lines
 * @param searches the {@code search} entries
 * @param options the {@code options} entries ({@code ndots:5}, {@code edns0})
 */
public record ResolvConf(List<String> nameservers, List<String> searches, List<String> options) {
  public ResolvConf {
    nameservers = ImmutableList.copyOf(nameservers);
    searches = ImmutableList.copyOf(searches);
    options = ImmutableList.copyOf(options);
  }

  /** No nameserver, no search entry, no option. */
  public static ResolvConf empty() {
    return new ResolvConf(List.of(), List.of(), List.of());
  }

  /** Whether nothing is set: the runtime then copies the node's own file instead. */
  public boolean isEmpty() {
    return nameservers.isEmpty() && searches.isEmpty() && options.isEmpty();
  }

  /**
   * The file as containerd writes it ({@code parseDNSOptions}): a {@code search} line, one {@code
   * nameserver} line each, an {@code options} line; a line only when it has entries.
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    if (!searches.isEmpty()) {
      b.append("search ").append(String.join(" ", searches)).append('\n');
    }
    for (String ns : nameservers) {
      b.append("nameserver ").append(ns).append('\n');
    }
    if (!options.isEmpty()) {
      b.append("options ").append(String.join(" ", options)).append('\n');
    }
    return b.toString();
  }

  /**
   * Reads a file as the kubelet's {@code parseResolvConf} does: {@code nameserver} lines
   * accumulate, the last {@code search} line wins (trailing dots stripped, so a domain counts once
   * against the limits), the last {@code options} line wins; {@code #} comments and other keywords
   * are skipped.
   */
  public static ResolvConf parse(String text) {
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      List<String> fields = Arrays.asList(trimmed.split("\\s+"));
      switch (fields.get(0)) {
        case "nameserver" -> {
          if (fields.size() >= 2) {
            nameservers.add(fields.get(1));
          }
        }
        case "search" -> {
          searches.clear();
          fields.subList(1, fields.size()).forEach(s -> searches.add(stripTrailingDot(s)));
        }
        case "options" -> {
          options.clear();
          options.addAll(fields.subList(1, fields.size()));
        }
        default -> { }
      }
    }
    return new ResolvConf(nameservers, searches, options);
  }

  /** {@code strings.TrimSuffix(s, ".")}: one trailing dot removed. */
  public static String stripTrailingDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
