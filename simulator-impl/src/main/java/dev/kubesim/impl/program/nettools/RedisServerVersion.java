package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.images.RedisProgram;
import dev.kubesim.impl.sim.Sha256;
import java.util.List;

/**
 * {@code redis-server --version} (or {@code -v}) run as a command in a redis container: the
 * version line of the image's server, its version the tag's. Any other use of {@code
 * redis-server} as a command is not simulated (the server runs as the container's main process).
 */
final class RedisServerVersion implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.size() != 1 || !(args.get(0).equals("--version") || args.get(0).equals("-v"))) {
      return ExecResult.failure(126, "kubesim: " + ctx.programName() + ": this command is not simulated\n");
    }
    String version = RedisProgram.version(ctx.container().image());
    String build = Sha256.hex("redis " + version).substring(0, 16);
    return ExecResult.ok("Redis server v=" + version + " sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=" + build + "\n");
  }
}
