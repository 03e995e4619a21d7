package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code printenv [NAME...]}: the whole environment as {@code env} prints it, or each named
 * variable's value; status 1 when one is not set.
 */
public final class Printenv implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    StringBuilder out = new StringBuilder();
    if (args.isEmpty()) {
      ctx.env().forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
      return ExecResult.ok(out.toString());
    }
    int status = 0;
    for (String name : args) {
      String value = ctx.env().get(name);
      if (value == null) {
        status = 1;
      } else {
        out.append(value).append('\n');
      }
    }
    return ExecResult.of(out.toString(), "", status);
  }
}
