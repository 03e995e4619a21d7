package dev.kubesim.impl.resolver;

import dev.kubesim.impl.net.Ip4;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The C library's reading of {@code /etc/hosts}: each line an address and its names, {@code #} to
 * the end of a line a comment; a name's IPv4 addresses in the order of their lines, each once. Names
 * match in any case, as {@code gethostbyname} compares them.
 */
public final class HostsFile {
  private final Map<String, List<String>> addresses;

  private HostsFile(Map<String, List<String>> addresses) {
    this.addresses = addresses;
  }

  /** Reads the file's text. */
  public static HostsFile read(String text) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int hash = line.indexOf('#');
      String[] f = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
      if (f.length < 2 || !Ip4.isValid(f[0])) {
        continue;
      }
      for (int i = 1; i < f.length; i++) {
        List<String> list = byName.computeIfAbsent(f[i].toLowerCase(Locale.ROOT), n -> new ArrayList<>(1));
        if (!list.contains(f[0])) {
          list.add(f[0]);
        }
      }
    }
    byName.replaceAll((name, list) -> List.copyOf(list));
    return new HostsFile(byName);
  }

  /** The IPv4 addresses the file gives {@code host}, in file order; empty when it names none. */
  public List<String> addresses(String host) {
    return addresses.getOrDefault(host.toLowerCase(Locale.ROOT), List.of());
  }
}
