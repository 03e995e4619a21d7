package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code hostname [-i|-I|-f|-s|-d]}: the pod's hostname; {@code -i}/{@code -I} its IP addresses,
 * {@code -f} its fully qualified name (with a subdomain), {@code -d} the domain.
 */
public final class Hostname implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String hostname = ctx.container().hostname();
    String domain = ctx.container().config().hostDomain().orElse("");
    if (args.isEmpty()) {
      return ExecResult.ok(hostname + "\n");
    }
    return switch (args.get(0)) {
      case "-i", "--ip-address", "-I", "--all-ip-addresses" ->
          ExecResult.ok(String.join(" ", ctx.container().podIps())
              + (args.get(0).equals("-I") ? " \n" : "\n"));
      case "-f", "--fqdn", "--long" ->
          ExecResult.ok((domain.isEmpty() ? hostname : hostname + "." + domain) + "\n");
      case "-s", "--short" -> ExecResult.ok(hostname.split("\\.")[0] + "\n");
      case "-d", "--domain" -> ExecResult.ok(domain + "\n");
      default -> args.get(0).startsWith("-")
          ? Words.invalidOption(ctx, args.get(0).length() > 1 ? args.get(0).charAt(1) : '-', 1)
          : ExecResult.failure(1, ctx.programName()
              + ": you must be root to change the host name\n");
    };
  }
}
