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
      Map.entry("info", -1), Map.entry("dbsize", 1), Map.entry("flushall", -1), Map.entry("quit", -1));

  private final Map<String, String> keys;
  private final String version;

  /** Commands on this keyspace (insertion-ordered, so {@code KEYS} answers deterministically). */
  RedisCommands(Map<String, String> keys) {
    this(keys, VERSION);
  }

  /** Commands on {@code keys} of a server that reports {@code version}. */
  RedisCommands(Map<String, String> keys, String version) {
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
      case "get" -> keys.containsKey(argv.get(1)) ? Reply.string(keys.get(argv.get(1))) : Reply.nil();
      case "del" -> Reply.integer(argv.subList(1, argv.size()).stream().distinct().filter(k -> keys.remove(k) != null).count());
      case "exists" -> Reply.integer(argv.subList(1, argv.size()).stream().filter(keys::containsKey).count());
      case "incr" -> incr(argv.get(1));
      case "keys" -> keys(argv.get(1));
      case "info" -> Reply.string(info());
      case "dbsize" -> Reply.integer(keys.size());
      case "flushall" -> {
        keys.clear();
        yield Reply.status("OK");
      }
      default -> Reply.status("OK"); // quit
    };
  }

  private Reply set(String key, String value) {
    keys.put(key, value);
    return Reply.status("OK");
  }

  private Reply incr(String key) {
    long value;
    try {
      value = Long.parseLong(keys.getOrDefault(key, "0"));
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

  private String info() {
    return "# Server\r\nredis_version:" + version + "\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:6379\r\n\r\n"
        + "# Keyspace\r\n" + (keys.isEmpty() ? "" : "db0:keys=" + keys.size() + ",expires=0,avg_ttl=0\r\n");
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
