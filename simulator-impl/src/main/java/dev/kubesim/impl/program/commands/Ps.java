package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.RunningContainer;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's {@code ps} (its options, {@code aux} and {@code -ef} included, change nothing): the
 * container's processes as a container sees them, PID 1 its main process, then {@code ps} itself.
 * Every process runs as root and has used no CPU time worth a second. The shells between (an
 * exec'd {@code sh} that runs {@code ps}) and a server's own children (nginx's workers) are not
 * listed.
 */
public final class Ps implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    RunningContainer container = ctx.container();
    StringBuilder out = new StringBuilder("PID   USER     TIME  COMMAND\n");
    if (container.running()) {
      out.append(row(1, String.join(" ", container.argv())));
    }
    String self = ctx.argv0() + (args.isEmpty() ? "" : " " + String.join(" ", args));
    out.append(row(container.processId(), self));
    return ExecResult.ok(out.toString());
  }

  /** busybox ps.c: {@code %5u %-8.8s %s} with the time as {@code %2u:%02u}. */
  private static String row(int pid, String command) {
    return String.format(Locale.ROOT, "%5d %-8.8s %5s %s%n", pid, "root", "0:00", command).replace("\r\n", "\n");
  }
}
