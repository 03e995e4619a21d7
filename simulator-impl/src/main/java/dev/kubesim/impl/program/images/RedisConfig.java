package dev.kubesim.impl.program.images;

import dev.kubesim.impl.program.Resp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A Redis server's configuration as {@code CONFIG GET} and {@code CONFIG SET} show it: the defaults
 * of the parameters kubesim knows, then the directives of the configuration file the server was
 * started with ({@code redis-server /redis-master/redis.conf}), then its {@code --name value}
 * options. Memory sizes are stored in bytes ({@code 2mb} is 2097152), as Redis does.
 */
final class RedisConfig {
  /** The parameters kubesim knows, with Redis 7's defaults. */
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("maxmemory", "0"),
      Map.entry("maxmemory-policy", "noeviction"),
      Map.entry("maxmemory-samples", "5"),
      Map.entry("port", "6379"),
      Map.entry("bind", "* -::*"),
      Map.entry("protected-mode", "no"),
      Map.entry("databases", "16"),
      Map.entry("appendonly", "no"),
      Map.entry("save", "3600 1 300 100 60 10000"),
      Map.entry("dir", "/data"),
      Map.entry("dbfilename", "dump.rdb"),
      Map.entry("loglevel", "notice"),
      Map.entry("timeout", "0"),
      Map.entry("tcp-keepalive", "300"),
      Map.entry("requirepass", ""),
      Map.entry("maxclients", "10000"));
  private static final Pattern MEMORY = Pattern.compile("(\\d+)(k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> values = new TreeMap<>(DEFAULTS);

  /** The configuration of a server started with this file's text (empty for none) and these options. */
  static RedisConfig of(String file, List<String> options) {
    RedisConfig c = new RedisConfig();
    for (String line : file.split("\n")) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int space = text.indexOf(' ');
      if (space > 0) {
        c.set(text.substring(0, space), text.substring(space + 1).strip());
      }
    }
    for (int i = 0; i < options.size(); i++) {
      String o = options.get(i);
      if (o.startsWith("--") && i + 1 < options.size() && !options.get(i + 1).startsWith("--")) {
        c.set(o.substring(2), options.get(++i));
      }
    }
    return c;
  }

  private void set(String name, String value) {
    String key = name.toLowerCase(Locale.ROOT);
    values.put(key, key.equals("maxmemory") ? String.valueOf(bytes(value)) : value);
  }

  /** {@code memtoull}: {@code k}/{@code m}/{@code g} are powers of 1000, {@code kb}/{@code mb}/{@code gb} of 1024. */
  /** A parameter's value, as {@code CONFIG GET} shows it. */
  String value(String name) {
    return values.getOrDefault(name, "");
  }

  static long bytes(String value) {
    var m = MEMORY.matcher(value.strip());
    if (!m.matches()) {
      return 0;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "k" -> n * 1000;
      case "kb" -> n * 1024;
      case "m" -> n * 1000_000;
      case "mb" -> n * 1024 * 1024;
      case "g" -> n * 1000_000_000;
      case "gb" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  /** {@code CONFIG GET|SET ...}: the name and value of each parameter a pattern matches, or OK. */
  Reply command(List<String> argv) {
    String sub = argv.size() > 1 ? argv.get(1).toLowerCase(Locale.ROOT) : "";
    if (sub.equals("get") && argv.size() >= 3) {
      List<Reply> out = new ArrayList<>();
      for (String pattern : argv.subList(2, argv.size())) {
        Pattern glob = Pattern.compile(glob(pattern.toLowerCase(Locale.ROOT)));
        values.forEach((k, v) -> {
          if (glob.matcher(k).matches()) {
            out.add(Reply.string(k));
            out.add(Reply.string(v));
          }
        });
      }
      return Reply.array(out);
    }
    if (sub.equals("set") && argv.size() >= 4 && argv.size() % 2 == 0) {
      for (int i = 2; i + 1 < argv.size(); i += 2) {
        if (!values.containsKey(argv.get(i).toLowerCase(Locale.ROOT))) {
          return Reply.error("ERR Unknown option or number of arguments for CONFIG SET - '" + argv.get(i) + "'");
        }
      }
      for (int i = 2; i + 1 < argv.size(); i += 2) {
        set(argv.get(i), argv.get(i + 1));
      }
      return Reply.status("OK");
    }
    return Reply.error("ERR unknown subcommand or wrong number of arguments for '" + (argv.size() > 1 ? argv.get(1) : "")
        + "'. Try CONFIG HELP.");
  }

  private static String glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return re.toString();
  }
}
