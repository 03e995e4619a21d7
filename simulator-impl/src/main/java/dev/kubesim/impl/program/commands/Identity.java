package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code id}, {@code whoami} and {@code uname [-asnrmo]}: who the process is and what it runs on.
 * Every container runs as root (kubesim does not apply {@code runAsUser}); BusyBox's root is also
 * in group {@code wheel}. The kernel is the nodes': Linux 6.6 on x86_64.
 */
public final class Identity implements Command {
  private static final String KERNEL_RELEASE = "6.6.0-kubesim";
  private static final String KERNEL_VERSION = "#1 SMP PREEMPT_DYNAMIC";

  private final String name;

  /** @param name {@code id}, {@code whoami} or {@code uname} */
  public Identity(String name) {
    this.name = name;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    return switch (name) {
      case "whoami" -> ExecResult.ok("root\n");
      case "id" -> id(args, ctx);
      default -> uname(args, ctx);
    };
  }

  private static ExecResult id(List<String> args, ExecContext ctx) {
    String flags = flags(args);
    if (flags.indexOf('u') >= 0 || flags.indexOf('g') >= 0) {
      return ExecResult.ok(flags.indexOf('n') >= 0 ? "root\n" : "0\n");
    }
    return ExecResult.ok("uid=0(root) gid=0(root) groups=0(root)" + (ctx.busybox() ? ",10(wheel)" : "") + "\n");
  }

  /** The letters of the short options given, bundled or not ({@code -un} is {@code -u -n}). */
  private static String flags(List<String> args) {
    return String.join("", args.stream().filter(a -> a.startsWith("-")).map(a -> a.substring(1)).toList());
  }

  private static ExecResult uname(List<String> args, ExecContext ctx) {
    String flags = flags(args);
    if (flags.isEmpty()) {
      flags = "s";
    }
    if (flags.contains("a")) {
      flags = "snrvmo";
    }
    StringBuilder out = new StringBuilder();
    for (char c : "snrvmo".toCharArray()) {
      if (flags.indexOf(c) < 0) {
        continue;
      }
      String part = switch (c) {
        case 's' -> "Linux";
        case 'n' -> ctx.container().hostname();
        case 'r' -> KERNEL_RELEASE;
        case 'v' -> KERNEL_VERSION;
        case 'm' -> "x86_64";
        default -> "GNU/Linux";
      };
      out.append(out.length() == 0 ? "" : " ").append(part);
    }
    return ExecResult.ok(out.append('\n').toString());
  }
}
