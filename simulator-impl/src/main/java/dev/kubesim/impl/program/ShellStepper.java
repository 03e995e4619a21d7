package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.ShellAst.AndOr;
import dev.kubesim.impl.program.ShellAst.Pipeline;
import dev.kubesim.impl.program.ShellAst.Script;
import java.time.Duration;
import java.util.List;

/**
 * Runs a main-process script in virtual time: pipeline by pipeline at the top level, pausing after
 * one that takes time (a {@code sleep}) so that what follows happens when it would. So {@code touch
 * /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600} removes the file thirty virtual seconds
 * after the start, as the liveness-probe example of the Kubernetes docs needs. Inside subshells and
 * groups everything runs at once.
 */
final class ShellStepper {
  private final ShellInterpreter shell;
  private final List<AndOr> items;
  private final ShellInterpreter.Io io;
  private int item;
  private int pipe;
  private int status;
  private boolean finished;
  private boolean forever;

  ShellStepper(ShellInterpreter shell, Script script, ShellInterpreter.Io io) {
    this.shell = shell;
    this.items = script.items();
    this.io = io;
  }

  boolean finished() {
    return finished;
  }

  int status() {
    return status;
  }

  /**
   * Runs until a pipeline takes virtual time or the script ends.
   *
   * @return how long to wait before the next step: zero when finished, {@link ExecResult#FOREVER}
   *     when the script never continues
   */
  Duration step() {
    if (finished || forever) {
      return finished ? Duration.ZERO : ExecResult.FOREVER;
    }
    shell.resetElapsed();
    try {
      while (item < items.size()) {
        AndOr chain = items.get(item);
        List<Pipeline> pipelines = chain.pipelines();
        boolean run = pipe == 0
            || chain.operators().get(pipe - 1).equals("&&") == (status == 0);
        Pipeline p = pipelines.get(pipe);
        if (run) {
          status = shell.pipeline(p, io);
        }
        boolean last = pipe == pipelines.size() - 1;
        if (last) {
          shell.checkErrexit(status, run && !p.negated());
          item++;
          pipe = 0;
        } else {
          pipe++;
        }
        if (run && !shell.elapsed().isZero()) {
          return shell.elapsed();
        }
      }
      finished = true;
      return Duration.ZERO;
    } catch (ShellInterpreter.Exit e) {
      status = e.status;
      finished = true;
      return shell.elapsed();
    } catch (ShellInterpreter.NeverReturns e) {
      forever = true;
      return ExecResult.FOREVER;
    } catch (ShellInterpreter.Killed e) {
      status = RunningContainer.OOM_KILLED_STATUS;
      finished = true;
      shell.crashed();
      return Duration.ZERO;
    } catch (ShellInterpreter.Crashed | StackOverflowError e) {
      // the script's shell died of SIGSEGV (nesting past its stack)
      status = RunningContainer.SEGFAULT_STATUS;
      finished = true;
      shell.crashed();
      return Duration.ZERO;
    }
  }
}
