package dev.kubesim.impl.program.images;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * memcached's text protocol on one server's items: {@code set}, {@code add}, {@code replace}
 * ({@code <key> <flags> <exptime> <bytes> [noreply]} and a data block), {@code get},
 * {@code delete}, {@code version}, {@code stats}, {@code flush_all} and {@code quit}, answered as
 * memcached 1.6 answers them ({@code STORED}, {@code VALUE k 0 1}/{@code END}, {@code DELETED},
 * {@code NOT_FOUND}, {@code ERROR} for an unknown command; commands are case-sensitive, so an HTTP
 * request's lines are each an {@code ERROR}). Expiry times are accepted and not applied.
 */
final class MemcachedText {
  /** The version {@code version} and {@code stats} report for {@code memcached:latest}. */
  static final String VERSION = "1.6.29";

  /** An item: its client flags and data. */
  record Item(long flags, String data) {}

  private final Map<String, Item> items;
  private final String version;

  /** The protocol on this item store (insertion-ordered). */
  MemcachedText(Map<String, Item> items) {
    this(items, VERSION);
  }

  /** The protocol on this item store, of a server that reports {@code version}. */
  MemcachedText(Map<String, Item> items, String version) {
    this.items = items;
    this.version = version;
  }

  /** The outcome of reading a client's data: what the server writes, and whether it then closes the connection. */
  record Answer(String written, boolean closes) {}

  /** Reads every complete command in what the client wrote and answers each. */
  Answer read(String data, long pid, long uptimeSeconds, long connections) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < data.length()) {
      int nl = data.indexOf('\n', at);
      if (nl < 0) {
        break; // an incomplete line waits for more data
      }
      String line = data.substring(at, nl > at && data.charAt(nl - 1) == '\r' ? nl - 1 : nl);
      at = nl + 1;
      List<String> words = List.of(line.trim().split(" +"));
      String cmd = words.get(0);
      switch (cmd) {
        case "set", "add", "replace" -> {
          if (words.size() < 5 || words.size() > 6) {
            out.append("ERROR\r\n");
            continue;
          }
          long flags;
          int bytes;
          try {
            flags = Long.parseLong(words.get(2));
            Long.parseLong(words.get(3));
            bytes = Integer.parseInt(words.get(4));
          } catch (NumberFormatException e) {
            out.append("CLIENT_ERROR bad command line format\r\n");
            continue;
          }
          boolean noreply = words.size() == 6 && words.get(5).equals("noreply");
          int end = blockEnd(data, at, bytes);
          if (end < 0 || !data.startsWith("\r\n", end)) {
            out.append("CLIENT_ERROR bad data chunk\r\n");
            return new Answer(out.toString(), false);
          }
          String value = data.substring(at, end);
          at = end + 2;
          String key = words.get(1);
          boolean exists = items.containsKey(key);
          boolean store = cmd.equals("set") || (cmd.equals("add") && !exists) || (cmd.equals("replace") && exists);
          if (store) {
            items.remove(key); // a stored item becomes the newest
            items.put(key, new Item(flags, value));
          }
          if (!noreply) {
            out.append(store ? "STORED\r\n" : "NOT_STORED\r\n");
          }
        }
        case "get" -> {
          if (words.size() < 2) {
            out.append("ERROR\r\n");
            continue;
          }
          for (String key : words.subList(1, words.size())) {
            Item item = items.get(key);
            if (item != null) {
              out.append("VALUE ").append(key).append(' ').append(item.flags()).append(' ')
                  .append(item.data().getBytes(StandardCharsets.UTF_8).length)
                  .append("\r\n").append(item.data()).append("\r\n");
            }
          }
          out.append("END\r\n");
        }
        case "delete" -> {
          if (words.size() < 2) {
            out.append("ERROR\r\n");
            continue;
          }
          boolean noreply = words.get(words.size() - 1).equals("noreply");
          boolean deleted = items.remove(words.get(1)) != null;
          if (!noreply) {
            out.append(deleted ? "DELETED\r\n" : "NOT_FOUND\r\n");
          }
        }
        case "version" -> out.append("VERSION ").append(version).append("\r\n");
        case "stats" -> out.append(stats(pid, uptimeSeconds, connections));
        case "flush_all" -> {
          items.clear();
          out.append("OK\r\n");
        }
        case "quit" -> {
          return new Answer(out.toString(), true);
        }
        default -> out.append("ERROR\r\n");
      }
    }
    return new Answer(out.toString(), false);
  }

  /** Where a data block of this many bytes that starts at {@code from} ends, or -1 when the data is shorter. */
  private static int blockEnd(String data, int from, int bytes) {
    int end = from;
    int counted = 0;
    while (counted < bytes) {
      if (end >= data.length()) {
        return -1;
      }
      counted += String.valueOf(data.charAt(end)).getBytes(StandardCharsets.UTF_8).length;
      end++;
    }
    return end;
  }

  private String stats(long pid, long uptime, long connections) {
    long bytes = items.values().stream().mapToLong(i -> i.data().getBytes(StandardCharsets.UTF_8).length).sum();
    return "STAT pid " + pid + "\r\n"
        + "STAT uptime " + uptime + "\r\n"
        + "STAT version " + version + "\r\n"
        + "STAT pointer_size 64\r\n"
        + "STAT curr_connections " + 1 + "\r\n"
        + "STAT total_connections " + connections + "\r\n"
        + "STAT curr_items " + items.size() + "\r\n"
        + "STAT bytes " + bytes + "\r\n"
        + "STAT limit_maxbytes 67108864\r\n"
        + "STAT threads 4\r\n"
        + "END\r\n";
  }
}
