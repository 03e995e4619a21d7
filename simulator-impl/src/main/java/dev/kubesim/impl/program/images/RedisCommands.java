package dev.kubesim.impl.program.images;

import dev.kubesim.impl.program.Resp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of Redis's command table kubesim runs against one server's keyspace: {@code PING},
 * {@code ECHO}, {@code SET}, {@code GET}, {@code DEL}, {@code EXISTS}, {@code INCR}, {@code KEYS},
 * {@code TYPE}, the lists' {@code LPUSH}, {@code RPUSH}, {@code LPOP}, {@code RPOP}, {@code LLEN},
 * {@code LRANGE}, {@code LINDEX},
 * {@code INFO}, {@code DBSIZE}, {@code FLUSHALL}, {@code QUIT}, with Redis 7's arity checks and
 * error texts. Values are strings; options of {@code SET} (EX, NX, ...) are not modelled.
 */
final class RedisCommands {
  /** The version {@code INFO} reports for {@code redis:latest} and tags that name no version. */
  static final String VERSION = "7.2.4";

  /** Arity as in Redis's command table: positive is exact, negative is a minimum (command name included). */
  private static final Map<String, Integer> ARITY = Map.ofEntries(
      Map.entry("ping", -1), Map.entry("echo", 2), Map.entry("set", -3), Map.entry("get", 2),
      Map.entry("del", -2), Map.entry("exists", -2), Map.entry("incr", 2), Map.entry("keys", 2),
      Map.entry("info", -1), Map.entry("dbsize", 1), Map.entry("flushall", -1), Map.entry("quit", -1),
      Map.entry("type", 2), Map.entry("lpush", -3), Map.entry("rpush", -3), Map.entry("lpop", -2),
      Map.entry("rpop", -2), Map.entry("llen", 2), Map.entry("lrange", 4), Map.entry("lindex", 3));

  private static final Reply WRONGTYPE = Reply.error("WRONGTYPE Operation against a key holding the wrong kind of value");

  private final Map<String, Object> keys;
  private final String version;

  /**
   * Commands on this keyspace (insertion-ordered, so {@code KEYS} answers deterministically): a
   * key's value is a {@code String}, or a {@code List<String>} for a list.
   */
  RedisCommands(Map<String, Object> keys) {
    this(keys, VERSION);
  }

  /** Commands on {@code keys} of a server that reports {@code version}. */
  RedisCommands(Map<String, Object> keys, String version) {
    this.version = version;
    this.keys = keys;
  }

  /** Runs one command; the reply Redis writes. */
  Reply run(List<String> argv) {
    String name = argv.get(0).toLowerCase(Locale.ROOT);
    Integer arity = ARITY.get(name);
    if (arity == null) {
      return unknown(argv);
    }
    if ((arity > 0 && argv.size() != arity) || argv.size() < -arity) {
      return Reply.error("ERR wrong number of arguments for '" + name + "' command");
    }
    return switch (name) {
      case "ping" -> argv.size() == 1 ? Reply.status("PONG")
          : argv.size() == 2 ? Reply.string(argv.get(1))
          : Reply.error("ERR wrong number of arguments for 'ping' command");
      case "echo" -> Reply.string(argv.get(1));
      case "set" -> argv.size() == 3 ? set(argv.get(1), argv.get(2)) : Reply.error("ERR syntax error");
      case "get" -> get(argv.get(1));
      case "del" -> Reply.integer(argv.subList(1, argv.size()).stream().distinct().filter(k -> keys.remove(k) != null).count());
      case "exists" -> Reply.integer(argv.subList(1, argv.size()).stream().filter(keys::containsKey).count());
      case "incr" -> incr(argv.get(1));
      case "keys" -> keys(argv.get(1));
      case "info" -> info(argv, "role:master\r\nconnected_slaves:0\r\n", "0", "noeviction");
      case "dbsize" -> Reply.integer(keys.size());
      case "flushall" -> {
        keys.clear();
        yield Reply.status("OK");
      }
      case "type" -> Reply.status(!keys.containsKey(argv.get(1)) ? "none" : keys.get(argv.get(1)) instanceof String ? "string" : "list");
      case "lpush", "rpush" -> push(argv.get(1), argv.subList(2, argv.size()), name.equals("lpush"));
      case "lpop", "rpop" -> pop(argv, name.equals("lpop"));
      case "llen" -> list(argv.get(1)).map(l -> Reply.integer(l.size())).orElseGet(() -> keys.containsKey(argv.get(1)) ? WRONGTYPE : Reply.integer(0));
      case "lrange" -> lrange(argv.get(1), argv.get(2), argv.get(3));
      case "lindex" -> lindex(argv.get(1), argv.get(2));
      default -> Reply.status("OK"); // quit
    };
  }

  private Reply get(String key) {
    Object v = keys.get(key);
    return v == null ? Reply.nil() : v instanceof String text ? Reply.string(text) : WRONGTYPE;
  }

  /** The key's list; empty when the key is absent or holds a string (the caller tells them apart). */
  @SuppressWarnings("unchecked")
  private java.util.Optional<List<String>> list(String key) {
    Object v = keys.get(key);
    return v instanceof List<?> l ? java.util.Optional.of((List<String>) l) : java.util.Optional.empty();
  }

  /** LPUSH puts each element at the head in turn (so {@code LPUSH k a b} reads {@code b a}); RPUSH at the tail. */
  private Reply push(String key, List<String> values, boolean head) {
    if (keys.containsKey(key) && list(key).isEmpty()) {
      return WRONGTYPE;
    }
    List<String> l = list(key).orElseGet(() -> {
      List<String> fresh = new ArrayList<>();
      keys.put(key, fresh);
      return fresh;
    });
    for (String v : values) {
      if (head) {
        l.add(0, v);
      } else {
        l.add(v);
      }
    }
    return Reply.integer(l.size());
  }

  /** LPOP/RPOP key [count]: one element (or nil), or with a count an array (or a nil array when the key is absent). */
  private Reply pop(List<String> argv, boolean head) {
    if (argv.size() > 3) {
      return Reply.error("ERR wrong number of arguments for '" + argv.get(0).toLowerCase(Locale.ROOT) + "' command");
    }
    String key = argv.get(1);
    Integer count = null;
    if (argv.size() == 3) {
      try {
        count = Integer.parseInt(argv.get(2));
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 0) {
        return Reply.error("ERR value is out of range, must be positive");
      }
    }
    if (keys.containsKey(key) && list(key).isEmpty()) {
      return WRONGTYPE;
    }
    List<String> l = list(key).orElse(null);
    if (l == null) {
      return Reply.nil();
    }
    List<Reply> popped = new ArrayList<>();
    int n = count == null ? 1 : Math.min(count, l.size());
    for (int i = 0; i < n; i++) {
      popped.add(Reply.string(head ? l.remove(0) : l.remove(l.size() - 1)));
    }
    if (l.isEmpty()) {
      keys.remove(key);
    }
    return count == null ? popped.get(0) : Reply.array(popped);
  }

  private Reply lrange(String key, String start, String stop) {
    long from;
    long to;
    try {
      from = Long.parseLong(start);
      to = Long.parseLong(stop);
    } catch (NumberFormatException e) {
      return Reply.error("ERR value is not an integer or out of range");
    }
    if (keys.containsKey(key) && list(key).isEmpty()) {
      return WRONGTYPE;
    }
    List<String> l = list(key).orElse(List.of());
    int size = l.size();
    from = from < 0 ? Math.max(0, size + from) : from;
    to = to < 0 ? size + to : Math.min(to, size - 1L);
    List<Reply> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(Reply.string(l.get((int) i)));
    }
    return Reply.array(out);
  }

  private Reply lindex(String key, String index) {
    long i;
    try {
      i = Long.parseLong(index);
    } catch (NumberFormatException e) {
      return Reply.error("ERR value is not an integer or out of range");
    }
    if (keys.containsKey(key) && list(key).isEmpty()) {
      return WRONGTYPE;
    }
    List<String> l = list(key).orElse(List.of());
    long at = i < 0 ? l.size() + i : i;
    return at < 0 || at >= l.size() ? Reply.nil() : Reply.string(l.get((int) at));
  }

  private Reply set(String key, String value) {
    keys.put(key, value);
    return Reply.status("OK");
  }

  private Reply incr(String key) {
    Object current = keys.getOrDefault(key, "0");
    if (!(current instanceof String text)) {
      return WRONGTYPE;
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return Reply.error("ERR value is not an integer or out of range");
    }
    if (value == Long.MAX_VALUE) {
      return Reply.error("ERR increment or decrement would overflow");
    }
    keys.put(key, Long.toString(value + 1));
    return Reply.integer(value + 1);
  }

  private Reply keys(String pattern) {
    Pattern glob = Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
    List<Reply> found = new ArrayList<>();
    keys.keySet().stream().filter(k -> glob.matcher(k).matches()).forEach(k -> found.add(Reply.string(k)));
    return Reply.array(found);
  }

  /** Redis's {@code stringmatchlen}: {@code *}, {@code ?}, {@code [...]} and {@code \} escapes. */
  private static String globToRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        case '[' -> {
          int close = glob.indexOf(']', i + 1);
          if (close < 0) {
            b.append("\\[");
          } else {
            String set = glob.substring(i + 1, close);
            b.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }

  /**
   * {@code INFO [SECTION ...]}: the sections asked for (server, clients, memory, replication,
   * keyspace; {@code default}, {@code all} or none for all of them), each ending with a blank line
   * but the last; a section kubesim does not model is empty, as an unknown one is in Redis.
   *
   * @param replication the replication section's fields, as this server's role has them
   * @param maxmemory the configured {@code maxmemory}, in bytes
   * @param policy the configured {@code maxmemory-policy}
   */
  Reply info(List<String> argv, String replication, String maxmemory, String policy) {
    Map<String, String> sections = new java.util.LinkedHashMap<>();
    sections.put("server", "redis_version:" + version + "\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:6379\r\n");
    sections.put("clients", "connected_clients:1\r\n");
    long used = usedMemory();
    long max = Long.parseLong(maxmemory);
    sections.put("memory", "used_memory:" + used + "\r\nused_memory_human:" + human(used) + "\r\nmaxmemory:" + max
        + "\r\nmaxmemory_human:" + human(max) + "\r\nmaxmemory_policy:" + policy + "\r\n");
    sections.put("replication", replication);
    sections.put("keyspace", keys.isEmpty() ? "" : "db0:keys=" + keys.size() + ",expires=0,avg_ttl=0\r\n");
    List<String> asked = new ArrayList<>();
    for (String a : argv.subList(1, argv.size())) {
      String section = a.toLowerCase(Locale.ROOT);
      if (section.equals("default") || section.equals("all") || section.equals("everything")) {
        asked.addAll(sections.keySet());
      } else if (sections.containsKey(section) && !asked.contains(section)) {
        asked.add(section);
      }
    }
    if (argv.size() == 1) {
      asked.addAll(sections.keySet());
    }
    StringBuilder out = new StringBuilder();
    for (String section : sections.keySet()) {
      if (asked.contains(section)) {
        out.append(out.length() == 0 ? "" : "\r\n").append("# ").append(Character.toUpperCase(section.charAt(0)))
            .append(section.substring(1)).append("\r\n").append(sections.get(section));
      }
    }
    return Reply.string(out.toString());
  }

  /** About what Redis 7 reports: an empty server's footprint and each key's share. */
  private long usedMemory() {
    long bytes = 873_096;
    for (Map.Entry<String, Object> e : keys.entrySet()) {
      bytes += 56 + e.getKey().length() + String.valueOf(e.getValue()).length();
    }
    return bytes;
  }

  /** Redis's {@code bytesToHuman}: {@code 852.63K}, {@code 1.00M}, {@code 0B}. */
  private static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    String[] units = {"K", "M", "G", "T"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
  }

  /** Redis 7's words for a command it does not know: each argument quoted and followed by a space. */
  private static Reply unknown(List<String> argv) {
    StringBuilder args = new StringBuilder();
    for (String a : argv.subList(1, argv.size())) {
      if (args.length() >= 128) {
        break;
      }
      String cut = a.length() > 128 - args.length() ? a.substring(0, 128 - args.length()) : a;
      args.append('\'').append(cut).append("' ");
    }
    String name = argv.get(0).length() > 128 ? argv.get(0).substring(0, 128) : argv.get(0);
    return Reply.error("ERR unknown command '" + name + "', with args beginning with: " + args);
  }
}
