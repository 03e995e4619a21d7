package dev.kubesim.impl.program.nettools;

import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.CommandRegistry;
import java.util.List;

/**
 * The network clients a container can run: {@code curl}, {@code wget}, {@code ping}, {@code
 * nslookup}, {@code dig}, {@code nc} and {@code agnhost connect}, each speaking through the simulated network
 * and leaving a trace of what it sent on the running exec's result.
 */
public final class NetTools {
  private NetTools() {}

  /** Registers the network commands; a container runs one where its image has the executable. */
  public static void register(CommandRegistry commands, Network network) {
    commands.registerLazily(List.of("curl", "wget", "ping", "nslookup", "dig", "agnhost", "nc", "netcat", "redis-cli",
        "redis-server", "psql", "mysql", "mariadb", "serve_hostname"), name -> command(name, network));
  }

  /** The command of that name, made when a container first runs it. */
  private static Command command(String name, Network network) {
    switch (name) {
      case "curl":
        return new Curl(network);
      case "wget":
        return new Wget(network);
      case "ping":
        return new Ping(network);
      case "nslookup":
        return new Nslookup(network);
      case "dig":
        return new Dig(network);
      case "agnhost":
        return new Agnhost(network);
      case "serve_hostname":
        return Agnhost.serveHostname();
      case "nc", "netcat":
        return new Netcat(network);
      case "redis-cli":
        return new RedisCli(network);
      case "redis-server":
        return new RedisServerVersion();
      case "psql":
        return new Psql(network);
      case "mysql", "mariadb":
        return new MysqlClient(network);
      default:
        throw new IllegalArgumentException("no network command " + name);
    }
  }
}
