package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.ShellAst.AndOr;
import dev.kubesim.impl.program.ShellAst.Command;
import dev.kubesim.impl.program.ShellAst.Pipeline;
import dev.kubesim.impl.program.ShellAst.Script;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs a main-process script in virtual time: pipeline by pipeline, pausing after one that takes
 * time (a {@code sleep}) so that what follows happens when it would. So {@code touch /tmp/healthy;
 * sleep 30; rm -f /tmp/healthy; sleep 600} removes the file thirty virtual seconds after the start,
 * as the liveness-probe example of the Kubernetes docs needs, and {@code until wget -q
 * http://web; do sleep 2; done} tries again every two virtual seconds. {@code if}, {@code for},
 * {@code while} and {@code until} at the top level (and in one another) are stepped into; inside
 * subshells, groups and pipelines of several commands everything runs at once.
 */
final class ShellStepper {
  private final ShellInterpreter shell;
  private final ShellInterpreter.Io io;
  /** What runs, innermost last: lists and the compound commands around them. */
  private final Deque<Frame> frames = new ArrayDeque<>();
  private int status;
  private boolean finished;
  private boolean forever;

  ShellStepper(ShellInterpreter shell, Script script, ShellInterpreter.Io io) {
    this.shell = shell;
    this.io = io;
    frames.push(new ListFrame(script.items(), false));
  }

  boolean finished() {
    return finished;
  }

  int status() {
    return status;
  }

  /** One level of what runs: it runs a pipeline or opens an inner frame, and says when it is done. */
  private abstract static class Frame {
    /** The status of the inner frame that just ended. */
    abstract void innerDone(int innerStatus);
  }

  /** A list of and-or chains. */
  private final class ListFrame extends Frame {
    final List<AndOr> items;
    final boolean condition;
    int item;
    int pipe;
    int listStatus;
    /** The inner frame opened for the pipeline at (item, pipe), whose status is awaited. */
    boolean awaiting;
    boolean ran;

    ListFrame(List<AndOr> items, boolean condition) {
      this.items = items;
      this.condition = condition;
    }

    @Override
    void innerDone(int innerStatus) {
      awaiting = false;
      finishPipeline(innerStatus, true);
    }

    /** After pipeline (item, pipe) ran (or was skipped): on along the chain. */
    void finishPipeline(int pipelineStatus, boolean run) {
      AndOr chain = items.get(item);
      Pipeline p = chain.pipelines().get(pipe);
      if (run) {
        listStatus = p.negated() ? (pipelineStatus == 0 ? 1 : 0) : pipelineStatus;
        shell.setLastStatus(listStatus);
      }
      if (pipe == chain.pipelines().size() - 1) {
        shell.checkErrexit(listStatus, run && !p.negated());
        item++;
        pipe = 0;
      } else {
        pipe++;
      }
    }
  }

  /** A {@code for} loop between rounds. */
  private final class ForFrame extends Frame {
    final ShellAst.For loop;
    final List<String> values;
    int next;
    int loopStatus;

    ForFrame(ShellAst.For loop) {
      this.loop = loop;
      this.values = shell.forValues(loop);
    }

    @Override
    void innerDone(int innerStatus) {
      loopStatus = innerStatus;
    }
  }

  /** A {@code while} or {@code until} loop: its condition or its body runs. */
  private final class WhileFrame extends Frame {
    final ShellAst.While loop;
    boolean inCondition;
    boolean bodyNext;
    boolean done;
    int rounds;
    int loopStatus;

    WhileFrame(ShellAst.While loop) {
      this.loop = loop;
    }

    @Override
    void innerDone(int innerStatus) {
      if (inCondition) {
        inCondition = false;
        shell.leaveCondition();
        bodyNext = (innerStatus == 0) != loop.until();
        done = !bodyNext;
      } else {
        loopStatus = innerStatus;
        bodyNext = false;
      }
    }
  }

  /** bash's {@code for ((init; condition; step))}: its expressions run between the rounds of its body. */
  private final class ArithForFrame extends Frame {
    final ShellAst.ArithFor loop;
    boolean started;
    /** The body has run: the step comes next. */
    boolean afterBody;
    boolean done;
    int rounds;
    int loopStatus;

    ArithForFrame(ShellAst.ArithFor loop) {
      this.loop = loop;
    }

    @Override
    void innerDone(int innerStatus) {
      loopStatus = innerStatus;
    }

    /** Evaluates one of the loop's expressions; an error ends the loop with status 1. */
    java.util.OptionalLong evaluate(String expression) {
      java.util.OptionalLong value = shell.forExpression(expression, io);
      if (value.isEmpty()) {
        done = true;
        loopStatus = 1;
      }
      return value;
    }
  }

  /** An {@code if}: which condition is tried, or the branch that runs. */
  private final class IfFrame extends Frame {
    final ShellAst.If command;
    int tried = -1;
    boolean inCondition;
    boolean branchRunning;
    boolean done;
    int ifStatus;

    IfFrame(ShellAst.If command) {
      this.command = command;
    }

    @Override
    void innerDone(int innerStatus) {
      if (inCondition) {
        inCondition = false;
        shell.leaveCondition();
        if (innerStatus == 0) {
          branchRunning = true;
          frames.push(new ListFrame(command.bodies().get(tried).items(), false));
        }
        return;
      }
      ifStatus = innerStatus;
      done = true;
    }
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
      long rounds = 0;
      while (!frames.isEmpty()) {
        if (++rounds > 4L * ShellInterpreter.MAX_LOOP_ROUNDS) {
          throw new ShellInterpreter.NeverReturns(); // spinning without ever taking time
        }
        Duration took;
        try {
          took = advance();
        } catch (ShellInterpreter.ExpansionFailed e) {
          if (e.fatal) {
            throw e;
          }
          dropLine(e.status);
          took = shell.elapsed();
        }
        if (!took.isZero()) {
          return took;
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

  /** One move of the innermost frame; returns the virtual time a pipeline it ran took. */
  private Duration advance() {
    Frame top = frames.peek();
    if (top instanceof ListFrame list) {
      if (list.item >= list.items.size()) {
        pop(list.items.isEmpty() ? 0 : list.listStatus);
        return Duration.ZERO;
      }
      AndOr chain = list.items.get(list.item);
      boolean run = list.pipe == 0 || chain.operators().get(list.pipe - 1).equals("&&") == (list.listStatus == 0);
      Pipeline p = chain.pipelines().get(list.pipe);
      if (!run) {
        list.finishPipeline(list.listStatus, false);
        return Duration.ZERO;
      }
      Frame inner = compound(p);
      if (inner != null) {
        list.awaiting = true;
        frames.push(inner);
        return Duration.ZERO;
      }
      int result;
      try {
        result = shell.pipeline(p, io);
      } catch (ShellInterpreter.LoopControl jump) {
        loopJump(jump);
        return shell.elapsed();
      }
      list.finishPipeline(result, true);
      return shell.elapsed();
    }
    if (top instanceof ForFrame loop) {
      if (loop.next >= loop.values.size()) {
        shell.leaveLoop();
        pop(loop.loopStatus);
        return Duration.ZERO;
      }
      shell.assign(loop.loop.name(), loop.values.get(loop.next++));
      frames.push(new ListFrame(loop.loop.body().items(), false));
      return Duration.ZERO;
    }
    if (top instanceof WhileFrame loop) {
      if (loop.done) {
        shell.leaveLoop();
        pop(loop.loopStatus);
        return Duration.ZERO;
      }
      if (loop.bodyNext) {
        frames.push(new ListFrame(loop.loop.body().items(), false));
        return Duration.ZERO;
      }
      if (++loop.rounds > ShellInterpreter.MAX_LOOP_ROUNDS && shell.elapsed().isZero()) {
        throw new ShellInterpreter.NeverReturns();
      }
      loop.inCondition = true;
      shell.enterCondition();
      frames.push(new ListFrame(loop.loop.condition().items(), true));
      return Duration.ZERO;
    }
    if (top instanceof ArithForFrame loop) {
      return arithFor(loop);
    }
    IfFrame c = (IfFrame) top;
    if (c.done) {
      pop(c.ifStatus);
      return Duration.ZERO;
    }
    c.tried++;
    if (c.tried < c.command.conditions().size()) {
      c.inCondition = true;
      shell.enterCondition();
      frames.push(new ListFrame(c.command.conditions().get(c.tried).items(), true));
      return Duration.ZERO;
    }
    c.branchRunning = true;
    if (c.command.otherwise().items().isEmpty()) {
      pop(0);
    } else {
      frames.push(new ListFrame(c.command.otherwise().items(), false));
    }
    return Duration.ZERO;
  }

  /** One move of an arithmetic {@code for}: its init, a step, a condition that opens the body, or its end. */
  private Duration arithFor(ArithForFrame loop) {
    if (!loop.done && !loop.started) {
      loop.started = true;
      loop.evaluate(loop.loop.init());
    } else if (!loop.done && loop.afterBody) {
      loop.afterBody = false;
      loop.evaluate(loop.loop.step());
    } else if (!loop.done) {
      if (++loop.rounds > ShellInterpreter.MAX_LOOP_ROUNDS && shell.elapsed().isZero()) {
        throw new ShellInterpreter.NeverReturns();
      }
      java.util.OptionalLong go = loop.evaluate(loop.loop.condition());
      if (go.isPresent() && go.getAsLong() == 0) {
        loop.done = true;
      } else if (go.isPresent()) {
        loop.afterBody = true;
        frames.push(new ListFrame(loop.loop.body().items(), false));
      }
    } else {
      shell.leaveLoop();
      pop(loop.loopStatus);
    }
    return Duration.ZERO;
  }

  /** The frame of a pipeline that is one compound command without redirections, stepped into. */
  private Frame compound(Pipeline p) {
    if (p.commands().size() != 1) {
      return null;
    }
    Command c = p.commands().get(0);
    if (!c.redirects().isEmpty()) {
      return null;
    }
    if (c instanceof ShellAst.For f) {
      shell.enterLoop();
      return new ForFrame(f);
    }
    if (c instanceof ShellAst.While w) {
      shell.enterLoop();
      return new WhileFrame(w);
    }
    if (c instanceof ShellAst.If i) {
      return new IfFrame(i);
    }
    if (c instanceof ShellAst.ArithFor f) {
      shell.enterLoop();
      return new ArithForFrame(f);
    }
    return null;
  }

  /** Ends the innermost frame and hands its status to the one around it. */
  private void pop(int frameStatus) {
    Frame done = frames.pop();
    Frame outer = frames.peek();
    if (outer == null) {
      status = frameStatus;
      if (done instanceof ListFrame list && !list.items.isEmpty()) {
        status = list.listStatus;
      }
      return;
    }
    if (outer instanceof IfFrame c && c.branchRunning && done instanceof ListFrame) {
      c.ifStatus = frameStatus;
      c.done = true;
      return;
    }
    outer.innerDone(frameStatus);
  }

  /**
   * bash after a failed expansion: what runs of the script's line is abandoned (loops and
   * conditions included), and the script goes on with its next line.
   */
  private void dropLine(int failedStatus) {
    while (frames.size() > 1) {
      Frame f = frames.pop();
      if (f instanceof ForFrame || f instanceof WhileFrame || f instanceof ArithForFrame) {
        shell.leaveLoop();
      }
      if (f instanceof WhileFrame w && w.inCondition || f instanceof IfFrame i && i.inCondition) {
        shell.leaveCondition();
      }
    }
    ListFrame top = (ListFrame) frames.peek();
    top.item = ShellInterpreter.lastOnLine(top.items, top.item) + 1;
    top.pipe = 0;
    top.awaiting = false;
    top.listStatus = failedStatus;
    shell.setLastStatus(failedStatus);
  }

  /** {@code break N} / {@code continue N}: unwinds to the N-th loop around. */
  private void loopJump(ShellInterpreter.LoopControl jump) {
    int levels = jump.levels;
    while (!frames.isEmpty()) {
      Frame f = frames.peek();
      if (f instanceof ForFrame || f instanceof WhileFrame || f instanceof ArithForFrame) {
        if (--levels == 0) {
          if (jump.isBreak) {
            if (f instanceof ForFrame loop) {
              loop.next = loop.values.size();
            } else if (f instanceof ArithForFrame loop) {
              loop.done = true;
            } else {
              ((WhileFrame) f).done = true;
            }
          } else if (f instanceof WhileFrame loop) {
            loop.bodyNext = false;
          }
          return;
        }
        shell.leaveLoop();
      } else if (f instanceof WhileFrame w && w.inCondition || f instanceof IfFrame i && i.inCondition) {
        shell.leaveCondition();
      }
      frames.pop();
    }
  }
}
