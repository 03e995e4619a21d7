package dev.kubesim.impl.program.nettools;

import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.CommandRegistry;

/**
 * The network clients a container can run: {@code curl}, {@code wget}, {@code ping}, {@code
 * nslookup}, {@code dig}, {@code nc} and {@code agnhost connect}, each speaking through the simulated network
 * and leaving a trace of what it sent on the running exec's result.
 */
public final class NetTools {
  private NetTools() {}

  /** Registers the network commands; a container runs one where its image has the executable. */
  public static void register(CommandRegistry commands, Network network) {
    commands.register("curl", new Curl(network));
    commands.register("wget", new Wget(network));
    commands.register("ping", new Ping(network));
    commands.register("nslookup", new Nslookup(network));
    commands.register("dig", new Dig(network));
    commands.register("agnhost", new Agnhost(network));
    Netcat nc = new Netcat(network);
    commands.register("nc", nc);
    commands.register("netcat", nc);
    commands.register("redis-cli", new RedisCli(network));
    commands.register("redis-server", new RedisServerVersion());
    commands.register("psql", new Psql(network));
    MysqlClient mysql = new MysqlClient(network);
    commands.register("mysql", mysql);
    commands.register("mariadb", mysql);
  }
}
