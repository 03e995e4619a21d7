package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.Resp.Reply;
import dev.kubesim.impl.program.Resp;
import dev.kubesim.impl.sim.Sha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Redis replication as a replica ({@code --replicaof HOST PORT}, {@code --slaveof} before Redis 5)
 * and its master see it. A replica holds a copy of its master's keyspace, brought up to date over a
 * connection from its pod to the master's address (a Service name resolves through cluster DNS, the
 * connection goes through kube-proxy and NetworkPolicies) before it answers a command; when the link
 * is down it answers from the copy it has, as {@code replica-serve-stale-data} does, and a master
 * that restarted empty empties its replicas at the next sync. Replicas refuse writes ({@code
 * READONLY}). The first sync of each replica is logged by both sides as Redis logs a full resync.
 */
final class RedisReplication {
  private static final String LINK_UP = "redis.replica.linkUp";
  private static final String REPLICAS = "redis.master.replicas";
  /** The connect timeout of the replica's non-blocking connect ({@code repl-timeout}). */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<String> WRITES = Set.of("set", "del", "incr", "flushall", "lpush", "rpush", "lpop", "rpop");

  private RedisReplication() {}

  /** The master a replica follows. */
  record Master(String host, int port) {
    String text() {
      return host + ":" + port;
    }
  }

  /**
   * The master named by the server's options: {@code --replicaof HOST PORT} or {@code --slaveof
   * HOST PORT}, also given as one argument {@code "HOST PORT"}.
   */
  static Optional<Master> configured(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.equals("--replicaof") && !a.equals("--slaveof")) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (int j = i + 1; j < args.size() && words.size() < 2 && !args.get(j).startsWith("--"); j++) {
        for (String w : args.get(j).trim().split("\\s+")) {
          if (!w.isEmpty()) {
            words.add(w);
          }
        }
      }
      if (words.size() == 2 && !words.get(0).equalsIgnoreCase("no")) {
        try {
          return Optional.of(new Master(words.get(0), Integer.parseInt(words.get(1))));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a command writes (a replica refuses it). */
  static boolean isWrite(String command) {
    return WRITES.contains(command.toLowerCase(Locale.ROOT));
  }

  /** A replica's refusal of a write, in its version's words. */
  static Reply readOnly(String version) {
    return Reply.error("READONLY You can't write against a read only " + (major(version) >= 5 ? "replica." : "slave."));
  }

  /** Whether the link to the master was up at the last sync. */
  static boolean linkUp(ServerContext ctx) {
    return Boolean.TRUE.equals(ctx.state().get(LINK_UP));
  }

  /**
   * Brings {@code keys} up to date from the master: dials it, asks for its dataset ({@code SYNC}) and
   * takes it whole. A link that comes up or goes down is logged as the replica logs it.
   */
  static void sync(Master master, Map<String, Object> keys, ServerContext ctx, PodDialer dialer) {
    boolean wasUp = linkUp(ctx);
    boolean tried = ctx.state().containsKey(LINK_UP);
    PodDialer.Dial dial = dialer.dial(master.host(), master.port(), CONNECT_TIMEOUT);
    Optional<Reply> data = dial.connection().flatMap(c -> {
      Optional<Reply> r = c.exchange(Resp.command(List.of("SYNC"))).flatMap(Resp::parseReply)
          .filter(x -> x.type() == Resp.Type.ARRAY);
      c.close();
      return r;
    });
    if (data.isEmpty()) {
      ctx.state().put(LINK_UP, false);
      if (wasUp || !tried) {
        if (wasUp) {
          log(ctx, "#", "Connection with master lost.");
        }
        log(ctx, "*", "Connecting to MASTER " + master.text());
        log(ctx, "*", "MASTER <-> REPLICA sync started");
        log(ctx, "#", dial.failure().map(RedisReplication::connectError)
            .orElse("Error condition on socket for SYNC: Connection reset by peer"));
      }
      return;
    }
    keys.clear();
    List<Reply> items = data.get().elements();
    for (int i = 0; i + 1 < items.size(); i += 2) {
      Reply value = items.get(i + 1);
      if (value.type() == Resp.Type.ARRAY) {
        List<String> list = new ArrayList<>();
        value.elements().forEach(e -> list.add(e.text()));
        keys.put(items.get(i).text(), list);
      } else {
        keys.put(items.get(i).text(), value.text());
      }
    }
    ctx.state().put(LINK_UP, true);
    if (!wasUp) {
      log(ctx, "*", "Connecting to MASTER " + master.text());
      log(ctx, "*", "MASTER <-> REPLICA sync started");
      log(ctx, "*", "Non blocking connect for SYNC fired the event.");
      log(ctx, "*", "Master replied to PING, replication can continue...");
      log(ctx, "*", "Partial resynchronization not possible (no cached master)");
      log(ctx, "*", "Full resync from master: " + replicationId(master.text()) + ":0");
      log(ctx, "*", "MASTER <-> REPLICA sync: Flushing old data");
      log(ctx, "*", "MASTER <-> REPLICA sync: Loading DB in memory");
      log(ctx, "*", "MASTER <-> REPLICA sync: Finished with success");
    }
  }

  /** How the replica words a connection to its master that did not open. */
  private static String connectError(PodDialer.Failure f) {
    return switch (f) {
      case UNKNOWN_HOST -> "Unable to connect to MASTER: Name or service not known";
      case TRY_AGAIN -> "Unable to connect to MASTER: Temporary failure in name resolution";
      case REFUSED -> "Error condition on socket for SYNC: Connection refused";
      case NO_ROUTE, NO_NETWORK -> "Error condition on socket for SYNC: No route to host";
      case TIMED_OUT -> "Timeout connecting to the MASTER...";
    };
  }

  /**
   * The master's answer to {@code SYNC}: its keyspace as alternating keys and values, a list's as an
   * array (kubesim's stand-in for the RDB file). A replica's first sync is logged as a full resync.
   *
   * @param client the replica's address, {@code ip:port}
   */
  static Reply dataset(Map<String, Object> keys, String client, ServerContext ctx, char role) {
    @SuppressWarnings("unchecked")
    Set<String> known = (Set<String>) ctx.state().computeIfAbsent(REPLICAS, k -> new LinkedHashSet<String>());
    String replica = client.substring(0, client.lastIndexOf(':') < 0 ? client.length() : client.lastIndexOf(':')) + ":6379";
    if (known.add(replica)) {
      RedisProgram.log(ctx, role, "*", "Replica " + replica + " asks for synchronization");
      RedisProgram.log(ctx, role, "*", "Full resync requested by replica " + replica);
      RedisProgram.log(ctx, role, "*", "Starting BGSAVE for SYNC with target: disk");
      RedisProgram.log(ctx, role, "*", "Background saving started by pid " + (known.size() + 19));
      RedisProgram.log(ctx, role, "*", "Synchronization with replica " + replica + " succeeded");
    }
    List<Reply> items = new ArrayList<>();
    keys.forEach((k, v) -> {
      items.add(Reply.string(k));
      if (v instanceof List<?> list) {
        List<Reply> elements = new ArrayList<>();
        list.forEach(e -> elements.add(Reply.string((String) e)));
        items.add(Reply.array(elements));
      } else {
        items.add(Reply.string((String) v));
      }
    });
    return Reply.array(items);
  }

  /** The replicas a master has synced, for its {@code INFO}. */
  static int replicas(ServerContext ctx) {
    Object known = ctx.state().get(REPLICAS);
    return known instanceof Set<?> s ? s.size() : 0;
  }

  /** {@code INFO}'s replication fields of a replica. */
  static String info(Master master, ServerContext ctx) {
    return "role:slave\r\nmaster_host:" + master.host() + "\r\nmaster_port:" + master.port()
        + "\r\nmaster_link_status:" + (linkUp(ctx) ? "up" : "down") + "\r\n";
  }

  /** A 40-hex-digit replication id, the same for one master address in every run. */
  private static String replicationId(String master) {
    byte[] digest = Sha256.of("replid " + master);
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      hex.append(String.format(Locale.ROOT, "%02x", digest[i]));
    }
    return hex.toString();
  }

  private static void log(ServerContext ctx, String level, String message) {
    RedisProgram.log(ctx, 'S', level, message);
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.substring(0, version.indexOf('.')));
    } catch (RuntimeException e) {
      return 7;
    }
  }
}
