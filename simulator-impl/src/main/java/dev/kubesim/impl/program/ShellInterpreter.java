package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.ShellAst.AndOr;
import dev.kubesim.impl.program.ShellAst.Command;
import dev.kubesim.impl.program.ShellAst.Group;
import dev.kubesim.impl.program.ShellAst.Pipeline;
import dev.kubesim.impl.program.ShellAst.Redirect;
import dev.kubesim.impl.program.ShellAst.Script;
import dev.kubesim.impl.program.ShellAst.Simple;
import dev.kubesim.impl.program.ShellAst.Subshell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs parsed scripts the way dash and BusyBox ash do: expands words, performs redirections, runs
 * shell builtins itself and other commands through {@link Executable}, and keeps {@code $?}, the
 * variables and the working directory. Virtual time taken by commands ({@code sleep}) adds up in
 * {@link #elapsed()}; a command that never ends stops the script there.
 */
final class ShellInterpreter implements WordExpander.Host {
  /** Builtins the shell runs itself, which can change the shell's own state. */
  private static final Set<String> SPECIAL_BUILTINS =
      Set.of(":", "cd", "exit", "export", "unset", "exec", "set", "shift", "wait", "trap",
          "umask", "readonly", "break", "continue", "return", "local");
  /**
   * How often a loop may go round in one run of a command (a loop that takes no virtual time while
   * it spins would never let the clock move): past it, the loop counts as one that never ends.
   */
  static final int MAX_LOOP_ROUNDS = 100_000;
  /** Commands dash and ash build in; they run even where the image has no such file. */
  private static final Set<String> COMMAND_BUILTINS =
      Set.of("echo", "test", "[", "true", "false", "pwd", "printf", "kill");

  /** Thrown by {@code exit} (and {@code set -e}): ends the (sub)shell with a status. */
  static class Exit extends RuntimeException {
    final int status;

    Exit(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /**
   * An expansion failed (an arithmetic error) and the shell has said so: a subshell ends; dash and
   * ash that are not interactive exit; bash abandons the command line it was running.
   */
  static final class ExpansionFailed extends Exit {
    /** Whether a shell that is not interactive exits (dash, ash) rather than going on to the next line. */
    final boolean fatal;

    ExpansionFailed(int status, boolean fatal) {
      super(status);
      this.fatal = fatal;
    }
  }

  /** Thrown by {@code break N} and {@code continue N}: leaves (or goes round) the N-th enclosing loop. */
  static final class LoopControl extends RuntimeException {
    final boolean isBreak;
    final int levels;

    LoopControl(boolean isBreak, int levels) {
      super(null, null, false, false);
      this.isBreak = isBreak;
      this.levels = levels;
    }

    /** The same jump, one loop further out. */
    LoopControl outer() {
      return new LoopControl(isBreak, levels - 1);
    }
  }

  /** Thrown by {@code return N}: ends the function that runs, with a status. */
  static final class FunctionReturn extends RuntimeException {
    final int status;

    FunctionReturn(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /**
   * How deep functions may call each other: bash has no limit of its own (its stack gives out), dash
   * and ash likewise; kubesim's shell runs on the caller's stack and stops here, as a crash.
   */
  static final int MAX_FUNCTION_DEPTH = 200;

  /** Thrown when a command would never end: nothing after it runs. */
  static final class NeverReturns extends RuntimeException {
    NeverReturns() {
      super(null, null, false, false);
    }
  }

  /** Standard input and the two output descriptors of a command. */
  record Io(Input in, Sink out, Sink err) {
    Io(String stdin, Sink out, Sink err) {
      this(new Input(stdin), out, err);
    }

    /** What is left of standard input: what a program started now is given. */
    String stdin() {
      return in.rest();
    }
  }

  /**
   * Standard input as the shell's commands share it: {@code read} takes one line at a time (so
   * {@code while read line; do ...; done < file} walks the file); a program is given what is left
   * and, here, leaves it for the next.
   */
  static final class Input {
    private final String text;
    private int pos;

    Input(String text) {
      this.text = text;
    }

    String rest() {
      return pos == 0 ? text : text.substring(pos);
    }

    /** The next line without its newline, and whether a newline ended it; null at the end. */
    String[] readLine() {
      if (pos >= text.length()) {
        return null;
      }
      int nl = text.indexOf('\n', pos);
      String line = text.substring(pos, nl < 0 ? text.length() : nl);
      pos = nl < 0 ? text.length() : nl + 1;
      return new String[] {line, nl < 0 ? "" : "\n"};
    }
  }

  private static final class Var {
    String value;
    boolean exported;

    Var(String value, boolean exported) {
      this.value = value;
      this.exported = exported;
    }
  }

  private final RunningContainer container;
  private final ShellDialect dialect;
  private final String shellName;
  private final int pid;
  private final LinkedHashMap<String, Var> vars = new LinkedHashMap<>();
  private final WordExpander expander = new WordExpander(this);
  private String cwd;
  private List<String> positional;
  private String arg0;
  private int lastStatus;
  private boolean errexit;
  /** {@code set -x}: each simple command is written to standard error, after expansion, as {@code + cmd args}. */
  private boolean xtrace;
  private Duration elapsed = Duration.ZERO;
  /**
   * Where a program's time passes as it runs, for a shell whose clock is the cluster's own (a
   * terminal's shell on a host, where {@code sleep 5; kubectl get pods} sees the pods 5 s on); null
   * where the time is accounted for after the shell's work ({@link #elapsed()}).
   */
  private java.util.function.Consumer<Duration> timePasses;
  /** The functions defined so far, by name; a subshell starts with a copy. */
  private final Map<String, ShellAst.Command> functions = new TreeMap<>();
  /** How many function calls are running. */
  private int functionDepth;
  /** Per running function, the variables {@code local} shadowed: their values before, restored on return. */
  private final java.util.ArrayDeque<Map<String, Optional<Var>>> localScopes = new java.util.ArrayDeque<>();
  /** An interactive shell's job control ({@code set -m}): {@code cmd &} runs in the background. */
  private boolean jobControl;
  /** The jobs started in the background so far, which numbers the next one. */
  private int jobs;
  /** The background jobs still running, by number. */
  private final TreeMap<Integer, Job> jobTable = new TreeMap<>();
  /** How many loops enclose the command running ({@code break} outside one does nothing). */
  private int loopDepth;
  /** Inside an {@code if} or loop condition, where {@code set -e} does not apply. */
  private int conditionDepth;
  private Sink substitutionErr = Sink.NULL;
  /** The status of the last command substitution in the current command, or -1 for none. */
  private int lastSubstitutionStatus = -1;
  private int line = 1;
  /** The script whose lines the shell reads ({@code -c}): bash goes on after a failed expansion there. */
  private Script linesOf;

  /**
   * @param shellName the shell's {@code $0} as invoked, which prefixes its messages
   * @param env the environment the shell starts with (all exported)
   */
  ShellInterpreter(RunningContainer container, ShellDialect dialect, String shellName,
      Map<String, String> env, String cwd, List<String> positional) {
    this.container = container;
    this.dialect = dialect;
    this.shellName = shellName;
    this.arg0 = shellName;
    this.pid = container.nextPid();
    env.forEach((k, v) -> vars.put(k, new Var(v, true)));
    this.cwd = cwd;
    this.positional = new ArrayList<>(positional);
    Var pwd = vars.get("PWD");
    if (pwd == null) {
      vars.put("PWD", new Var(cwd, true));
    } else {
      pwd.value = cwd;
    }
  }

  private ShellInterpreter(ShellInterpreter parent) {
    this.container = parent.container;
    this.dialect = parent.dialect;
    this.shellName = parent.shellName;
    this.pid = parent.pid;
    parent.vars.forEach((k, v) -> vars.put(k, new Var(v.value, v.exported)));
    this.cwd = parent.cwd;
    this.positional = new ArrayList<>(parent.positional);
    this.arg0 = parent.arg0;
    this.lastStatus = parent.lastStatus;
    this.errexit = parent.errexit;
    this.xtrace = parent.xtrace;
    this.timePasses = parent.timePasses;
    this.functions.putAll(parent.functions);
    this.functionDepth = parent.functionDepth;
  }

  /** Turns job control on, as an interactive shell has it ({@link #background}). */
  void enableJobControl() {
    jobControl = true;
  }

  /** Lets each program's time pass as it ends, through {@code clock} (see {@link #timePasses}). */
  void letTimePass(java.util.function.Consumer<Duration> clock) {
    timePasses = clock;
  }

  /** Time the shell's user spends waiting (before pressing Ctrl-C), where time passes as the shell runs. */
  void waited(Duration d) {
    if (timePasses != null) {
      timePasses.accept(d);
    }
  }

  void setArg0(String value) {
    arg0 = value;
  }

  void setErrexit(boolean value) {
    errexit = value;
  }

  void setXtrace(boolean value) {
    xtrace = value;
  }

  Duration elapsed() {
    return elapsed;
  }

  void resetElapsed() {
    elapsed = Duration.ZERO;
  }

  /** Sets {@code $?}: an interactive shell's status after a syntax error or an interrupted command. */
  void setLastStatus(int status) {
    lastStatus = status;
  }

  ShellDialect dialect() {
    return dialect;
  }

  String shellName() {
    return shellName;
  }

  // ---- whole scripts -------------------------------------------------------------------------

  /** Parses and runs a script to its end, returning what it printed and its status. */
  ExecResult runScript(String script, String stdin) {
    Sink.Buffer out = new Sink.Buffer();
    Sink.Buffer err = new Sink.Buffer();
    int status;
    try {
      Script parsed = ShellParser.parse(script, dialect);
      linesOf = parsed;
      status = runToEnd(parsed, new Io(stdin, out, err));
    } catch (ShellSyntaxException e) {
      err.write(e.message(dialect, shellName));
      status = e.status(dialect);
    } catch (NeverReturns e) {
      return new ExecResult(out.toString(), err.toString(), 0, ExecResult.FOREVER);
    }
    return new ExecResult(out.toString(), err.toString(), status, elapsed);
  }

  /** Runs a parsed script, turning {@code exit} into the status. */
  int runToEnd(Script script, Io io) {
    try {
      return script(script, io);
    } catch (Exit e) {
      lastStatus = e.status;
      return e.status;
    } catch (Crashed e) {
      lastStatus = RunningContainer.SEGFAULT_STATUS;
      return lastStatus;
    } catch (Killed e) {
      lastStatus = RunningContainer.OOM_KILLED_STATUS;
      return lastStatus;
    }
  }

  /** The index of the last of {@code items} that starts on the line where item {@code k} starts. */
  static int lastOnLine(List<AndOr> items, int k) {
    int at = lineOf(items.get(k));
    while (k + 1 < items.size() && lineOf(items.get(k + 1)) == at) {
      k++;
    }
    return k;
  }

  private static int lineOf(AndOr item) {
    return item.pipelines().get(0).commands().get(0).line();
  }

  // ---- processes -----------------------------------------------------------------------------

  /** The process died of a signal ({@code SIGSEGV}): nothing of it runs on, its parent sees 139. */
  static final class Crashed extends RuntimeException {
    Crashed() {
      super(null, null, false, false);
    }
  }

  /** The process outgrew the memory it may hold and was killed ({@code SIGKILL}): its parent sees 137. */
  static final class Killed extends RuntimeException {
    Killed() {
      super(null, null, false, false);
    }
  }

  /**
   * Forks: the container counts one more process, or the fork fails as this shell reports it and
   * the shell exits ({@code sh: 1: Cannot fork}, status 2, in dash).
   *
   * @param err where the shell's own error goes
   */
  private void fork(Sink err) {
    if (container.fork()) {
      return;
    }
    ShellDialect.ForkFailure failure = dialect.cannotFork(arg0, line);
    err.write(failure.message());
    addElapsed(failure.retried());
    throw new Exit(failure.status());
  }

  /** The shell died: the processes it forked died with it. */
  void crashed() {
    container.resetForks();
  }

  /** A forked process has ended. */
  private void reaped() {
    container.reaped();
  }

  int script(Script script, Io io) {
    List<AndOr> items = script.items();
    for (int k = 0; k < items.size(); k++) {
      try {
        if (jobControl && items.get(k).background()) {
          background(items.get(k), io);
          continue;
        }
        andOr(items.get(k), io);
      } catch (ExpansionFailed e) {
        if (e.fatal || script != linesOf) {
          throw e;
        }
        // bash drops the rest of the line it read, and reads the next one
        lastStatus = e.status;
        k = lastOnLine(items, k);
      }
    }
    return lastStatus;
  }

  /**
   * {@code cmd &} in an interactive shell: the job starts in a subshell of its own and the shell goes
   * on at once, announcing it as {@code [N] PID}. The job's output reaches the terminal as it runs;
   * a job that would never end by itself ({@code kubectl port-forward ... &}) keeps running, and
   * its time is its own, not the shell's.
   */
  private void background(AndOr chain, Io io) {
    jobs++;
    fork(io.err());
    int jobPid = container.nextPid();
    io.err().write("[" + jobs + "] " + jobPid + "\n");
    ShellInterpreter job = new ShellInterpreter(this);
    job.timePasses = null;
    container.inBackground(true);
    boolean running = false;
    try {
      job.andOr(chain, io);
    } catch (NeverReturns e) {
      running = true; // it goes on after the line; the shell does not wait for it
    } catch (Exit | Crashed | Killed e) {
      // ended (or died) at once; bash reports that at a later prompt
    } finally {
      container.inBackground(false);
      List<Runnable> kept = container.takeKeptRunning();
      if (running) {
        jobTable.put(jobs, new Job(jobs, jobPid, describe(chain), kept));
      }
      reaped();
    }
    lastStatus = 0;
  }

  /** A background job still running: its number, process id, command text and what stops it. */
  private record Job(int number, int pid, String text, List<Runnable> stops) {}

  /** The command text of a chain as {@code jobs} shows it, from the words as written. */
  private static String describe(AndOr chain) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < chain.pipelines().size(); i++) {
      if (i > 0) {
        b.append(' ').append(chain.operators().get(i - 1)).append(' ');
      }
      List<String> commands = new ArrayList<>();
      for (Command c : chain.pipelines().get(i).commands()) {
        if (c instanceof Simple simple) {
          List<String> words = new ArrayList<>(simple.assignments());
          words.addAll(simple.words());
          commands.add(String.join(" ", words));
        } else {
          commands.add("...");
        }
      }
      b.append(String.join(" | ", commands));
    }
    return b.toString();
  }

  /** {@code jobs}: the running background jobs, {@code +} marking the latest and {@code -} the one before. */
  private int jobs(Io io) {
    List<Job> running = new ArrayList<>(jobTable.values());
    for (int i = 0; i < running.size(); i++) {
      Job j = running.get(i);
      char mark = i == running.size() - 1 ? '+' : i == running.size() - 2 ? '-' : ' ';
      io.out().write(String.format("[%d]%c  %-24s%s &\n", j.number(), mark, "Running", j.text()));
    }
    return 0;
  }

  /**
   * {@code kill [-SIGNAL] %JOB|PID...}: a background job ({@code %N}, {@code %%}, {@code %+},
   * {@code %-}, or its process id) ends, and what it kept running stops; any other process is not
   * one kubesim's shell can signal.
   */
  private int kill(List<String> args, Io io) {
    int status = 0;
    for (String a : args) {
      if (a.startsWith("-")) {
        continue; // the signal: every job here ends the same way
      }
      Optional<Job> job = findJob(a);
      if (job.isEmpty()) {
        io.err().write(shellName + ": " + (dialect == ShellDialect.DASH ? line + ": " : "") + "kill: "
            + (a.startsWith("%") ? a + ": no such job" : "(" + a + ") - No such process") + "\n");
        status = 1;
        continue;
      }
      job.get().stops().forEach(Runnable::run);
      jobTable.remove(job.get().number());
    }
    return status;
  }

  private Optional<Job> findJob(String spec) {
    if (jobTable.isEmpty()) {
      return Optional.empty();
    }
    if (spec.equals("%%") || spec.equals("%+") || spec.equals("%")) {
      return Optional.of(jobTable.lastEntry().getValue());
    }
    if (spec.equals("%-")) {
      return Optional.ofNullable(jobTable.lowerEntry(jobTable.lastKey())).map(Map.Entry::getValue);
    }
    if (spec.startsWith("%")) {
      return parseInt(spec.substring(1)).map(jobTable::get);
    }
    return parseInt(spec).flatMap(pid -> jobTable.values().stream().filter(j -> j.pid() == pid).findFirst());
  }

  int andOr(AndOr chain, Io io) {
    List<Pipeline> pipelines = chain.pipelines();
    int status = pipeline(pipelines.get(0), io);
    boolean lastRan = pipelines.size() == 1;
    for (int i = 1; i < pipelines.size(); i++) {
      boolean and = chain.operators().get(i - 1).equals("&&");
      if (and == (status == 0)) {
        status = pipeline(pipelines.get(i), io);
        lastRan = i == pipelines.size() - 1;
      }
    }
    checkErrexit(status, lastRan && !pipelines.get(pipelines.size() - 1).negated());
    return status;
  }

  /** {@code set -e}: a failing command that is not tested by {@code &&}/{@code ||}/{@code !}. */
  void checkErrexit(int status, boolean applies) {
    if (errexit && status != 0 && applies && conditionDepth == 0) {
      throw new Exit(status);
    }
  }

  int pipeline(Pipeline pipeline, Io io) {
    List<Command> commands = pipeline.commands();
    int status;
    if (commands.size() == 1) {
      status = command(commands.get(0), io);
    } else {
      status = parallel(commands, io);
    }
    if (pipeline.negated()) {
      status = status == 0 ? 1 : 0;
    }
    lastStatus = status;
    return status;
  }

  /** A pipeline of several commands: each in a subshell, stdout feeding the next one's stdin. */
  private int parallel(List<Command> commands, Io io) {
    String input = io.stdin();
    Duration longest = Duration.ZERO;
    boolean forever = false;
    int status = 0;
    for (int i = 0; i < commands.size(); i++) {
      boolean last = i == commands.size() - 1;
      Sink.Buffer pipe = new Sink.Buffer();
      fork(io.err());
      ShellInterpreter sub = new ShellInterpreter(this);
      try {
        status = sub.command(commands.get(i), new Io(input, last ? io.out() : pipe, io.err()));
      } catch (Exit e) {
        status = e.status;
      } catch (NeverReturns e) {
        forever = true;
      } catch (Crashed e) {
        status = RunningContainer.SEGFAULT_STATUS;
      } catch (Killed e) {
        status = RunningContainer.OOM_KILLED_STATUS;
      } finally {
        reaped();
      }
      longest = max(longest, sub.elapsed);
      input = pipe.toString();
    }
    addElapsed(forever ? ExecResult.FOREVER : longest);
    return status;
  }

  int command(Command command, Io io) {
    line = command.line();
    if (command instanceof Simple simple) {
      return simple(simple, io);
    }
    substitutionErr = io.err();
    Io redirected;
    try {
      redirected = redirect(command.redirects(), io);
    } catch (RedirectionFailed e) {
      return e.status;
    }
    if (command instanceof Subshell subshell) {
      fork(io.err());
      ShellInterpreter sub = new ShellInterpreter(this);
      int status;
      try {
        status = sub.runToEnd(subshell.body(), redirected);
      } finally {
        reaped();
        addElapsed(sub.elapsed);
      }
      lastStatus = status;
      return status;
    }
    if (command instanceof ShellAst.Arith a) {
      lastStatus = arithmeticCommand("((", List.of(expander.single(a.expression())), redirected);
      return lastStatus;
    }
    if (command instanceof ShellAst.ArithFor f) {
      lastStatus = arithFor(f, redirected);
      return lastStatus;
    }
    if (command instanceof ShellAst.FunctionDef f) {
      functions.put(f.name(), f.body());
      lastStatus = 0;
      return 0;
    }
    if (command instanceof ShellAst.Conditional c) {
      lastStatus = new ShellConditional(this, c.words(), redirected).evaluate();
      return lastStatus;
    }
    if (command instanceof ShellAst.Case c) {
      String word = expander.single(c.word());
      for (int i = 0; i < c.patterns().size(); i++) {
        for (String pattern : c.patterns().get(i)) {
          String glob = expander.single(pattern);
          if (java.util.regex.Pattern.compile(GlobPattern.toRegex(glob, null), java.util.regex.Pattern.DOTALL)
              .matcher(word).matches()) {
            lastStatus = 0;
            return c.bodies().get(i).items().isEmpty() ? 0 : script(c.bodies().get(i), redirected);
          }
        }
      }
      lastStatus = 0;
      return 0;
    }
    if (command instanceof ShellAst.If c) {
      for (int i = 0; i < c.conditions().size(); i++) {
        if (condition(c.conditions().get(i), redirected) == 0) {
          return script(c.bodies().get(i), redirected);
        }
      }
      lastStatus = 0;
      return c.otherwise().items().isEmpty() ? 0 : script(c.otherwise(), redirected);
    }
    if (command instanceof ShellAst.For f) {
      List<String> values = forValues(f);
      int status = 0;
      loopDepth++;
      try {
        for (String v : values) {
          assign(f.name(), v);
          try {
            status = script(f.body(), redirected);
          } catch (LoopControl jump) {
            if (jump.levels > 1) {
              throw jump.outer();
            }
            if (jump.isBreak) {
              break;
            }
          }
        }
      } finally {
        loopDepth--;
      }
      lastStatus = status;
      return status;
    }
    if (command instanceof ShellAst.While w) {
      int status = 0;
      loopDepth++;
      try {
        for (int round = 0; ; round++) {
          if (round >= MAX_LOOP_ROUNDS) {
            addElapsed(ExecResult.FOREVER);
          }
          if ((condition(w.condition(), redirected) == 0) == w.until()) {
            break;
          }
          try {
            status = script(w.body(), redirected);
          } catch (LoopControl jump) {
            if (jump.levels > 1) {
              throw jump.outer();
            }
            if (jump.isBreak) {
              break;
            }
          }
        }
      } finally {
        loopDepth--;
      }
      lastStatus = status;
      return status;
    }
    return script(((Group) command).body(), redirected);
  }

  /** bash's {@code for ((init; condition; step))}: an error in one of the three ends it with status 1. */
  private int arithFor(ShellAst.ArithFor f, Io io) {
    if (forExpression(f.init(), io).isEmpty()) {
      return 1;
    }
    int status = 0;
    loopDepth++;
    try {
      for (int round = 0; ; round++) {
        if (round >= MAX_LOOP_ROUNDS) {
          addElapsed(ExecResult.FOREVER);
        }
        java.util.OptionalLong go = forExpression(f.condition(), io);
        if (go.isEmpty()) {
          return 1;
        }
        if (go.getAsLong() == 0) {
          break;
        }
        try {
          status = script(f.body(), io);
        } catch (LoopControl jump) {
          if (jump.levels > 1) {
            throw jump.outer();
          }
          if (jump.isBreak) {
            break;
          }
        }
        if (forExpression(f.step(), io).isEmpty()) {
          return 1;
        }
      }
    } finally {
      loopDepth--;
    }
    return status;
  }

  /**
   * One of the three expressions of bash's arithmetic {@code for}, expanded and evaluated: 1 when
   * empty, nothing when bash reported an error ({@code ((: ...}).
   */
  java.util.OptionalLong forExpression(String expression, Io io) {
    String text = expander.single(expression);
    if (text.isBlank()) {
      return java.util.OptionalLong.of(1);
    }
    try {
      return java.util.OptionalLong.of(ShellArithmetic.evaluate(dialect, arithmeticVariables, text));
    } catch (ShellArithmetic.Failure e) {
      io.err().write(dialect.arithmeticError(shellName, line, "((", e));
      return java.util.OptionalLong.empty();
    }
  }

  /** A word expanded to one string: no field splitting, no pathname expansion. */
  String expandSingle(String word) {
    return expander.single(word);
  }

  /** An arithmetic expression's value, or empty after bash's error message. */
  java.util.OptionalLong arithmeticValue(String expression, Io io) {
    try {
      return java.util.OptionalLong.of(ShellArithmetic.evaluate(dialect, arithmeticVariables, expression));
    } catch (ShellArithmetic.Failure e) {
      io.err().write(dialect.arithmeticError(shellName, line, null, e));
      return java.util.OptionalLong.empty();
    }
  }

  /** What a builtin run now in this shell sees: its container, directory, environment and input. */
  ExecContext builtinContext(String name, Io io) {
    return new ExecContext(container, name, exportedEnv(), cwd, io.stdin(), dialect);
  }

  /** A syntax error in a conditional expression, as bash reports it; status 2. */
  String conditionalError(String detail) {
    return shellName + ": line " + line + ": " + detail + "\n";
  }

  /** Runs an {@code if} or loop condition, where {@code set -e} does not apply. */
  int condition(Script condition, Io io) {
    conditionDepth++;
    try {
      return script(condition, io);
    } finally {
      conditionDepth--;
    }
  }

  /** The words a {@code for} loop goes through: its expanded {@code in} list, or the positional parameters. */
  List<String> forValues(ShellAst.For f) {
    if (f.words() == null) {
      return List.copyOf(positional);
    }
    List<String> values = new ArrayList<>();
    for (String word : f.words()) {
      values.addAll(expander.fields(word));
    }
    return values;
  }

  /** Enters a loop the stepper runs in steps ({@code break} and {@code continue} count it). */
  void enterLoop() {
    loopDepth++;
  }

  void leaveLoop() {
    loopDepth--;
  }

  void enterCondition() {
    conditionDepth++;
  }

  void leaveCondition() {
    conditionDepth--;
  }

  int lastStatus() {
    return lastStatus;
  }

  /** Sets {@code $?}, as a command run outside the interpreter ended. */
  void lastStatus(int status) {
    lastStatus = status;
  }

  // ---- simple commands -----------------------------------------------------------------------

  private int simple(Simple cmd, Io io) {
    substitutionErr = io.err();
    lastSubstitutionStatus = -1;
    List<String> fields = new ArrayList<>();
    Map<String, String> assignments = new LinkedHashMap<>();
    for (String word : cmd.words()) {
      fields.addAll(expander.fields(word));
    }
    for (String a : cmd.assignments()) {
      int eq = a.indexOf('=');
      // each assignment is made before the next is expanded: a=1 b=$((a+1))
      String value = expander.single(a.substring(eq + 1));
      assignments.put(a.substring(0, eq), value);
      if (fields.isEmpty()) {
        assign(a.substring(0, eq), value);
      }
    }
    if (xtrace) {
      io.err().write(trace(assignments, fields));
    }
    Io redirected;
    try {
      redirected = redirect(cmd.redirects(), io);
    } catch (RedirectionFailed e) {
      return e.status;
    }
    if (fields.isEmpty()) {
      assignments.forEach(this::assign);
      // an assignment-only command has the status of its last command substitution
      return Math.max(lastSubstitutionStatus, 0);
    }
    return dispatch(fields, assignments, redirected);
  }

  /** Runs an expanded command: a special builtin, {@code command}, a builtin command or a program. */
  private int dispatch(List<String> fields, Map<String, String> assignments, Io redirected) {
    String name = fields.get(0);
    if (name.equals("read")) {
      return read(fields.subList(1, fields.size()), redirected);
    }
    if (name.equals("jobs")) {
      return jobs(redirected);
    }
    if (name.equals("kill") && jobControl) {
      return kill(fields.subList(1, fields.size()), redirected);
    }
    if (SPECIAL_BUILTINS.contains(name)) {
      assignments.forEach(this::assign);
      return builtin(name, fields.subList(1, fields.size()), redirected);
    }
    if (functions.containsKey(name)) {
      return call(name, fields.subList(1, fields.size()), redirected);
    }
    if (name.equals("command")) {
      return command(fields.subList(1, fields.size()), assignments, redirected);
    }
    if (name.equals("let") && dialect.hasLet()) {
      return arithmeticCommand("let", fields.subList(1, fields.size()), redirected);
    }
    Map<String, String> env = exportedEnv();
    env.putAll(assignments);
    if (COMMAND_BUILTINS.contains(name) && container.commands().lookup(name).isPresent()) {
      ExecContext ctx = new ExecContext(container, name, env, cwd, redirected.stdin(), dialect);
      ExecResult result = container.commands().lookup(name).get().run(fields.subList(1, fields.size()), ctx);
      return emit(result, redirected, () -> builtinWriteError(name));
    }
    return external(fields, env, redirected);
  }

  /**
   * {@code command -v NAME...}: each name's builtin name or program path, status 127 (dash, ash)
   * or 1 (bash) when one is not found, as entrypoint scripts test with {@code [ -z "$(command -v
   * "$1")" ]}; {@code command NAME ARGS}: the command run as it would be without {@code command}.
   */
  private int command(List<String> args, Map<String, String> assignments, Io io) {
    if (args.isEmpty()) {
      return 0;
    }
    if (!args.get(0).equals("-v")) {
      return dispatch(args, assignments, io);
    }
    Map<String, String> env = exportedEnv();
    int status = 0;
    for (String name : args.subList(1, args.size())) {
      if (SPECIAL_BUILTINS.contains(name) || COMMAND_BUILTINS.contains(name) || name.equals("command")) {
        io.out().write(name + "\n");
        continue;
      }
      Executable exe = container.executable(name, env, cwd);
      if (exe instanceof Executable.Program p) {
        io.out().write(p.path() + "\n");
      } else if (exe instanceof Executable.Script sc) {
        io.out().write(sc.path() + "\n");
      } else {
        status = dialect == ShellDialect.BASH || dialect == ShellDialect.BASH_4 ? 1 : 127;
      }
    }
    return status;
  }

  /** The {@code set -x} line of a command: {@code + NAME=value cmd 'an arg'}, words quoted where they need it. */
  private static String trace(Map<String, String> assignments, List<String> fields) {
    StringBuilder b = new StringBuilder("+");
    assignments.forEach((k, v) -> b.append(' ').append(k).append('=').append(traceQuote(v)));
    fields.forEach(f -> b.append(' ').append(traceQuote(f)));
    return b.append('\n').toString();
  }

  private static String traceQuote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_./:=+@%,-".indexOf(c) >= 0)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Runs a program found through {@code PATH}, wording failures as this shell does. */
  private int external(List<String> argv, Map<String, String> env, Io io) {
    String name = argv.get(0);
    Executable exe = container.executable(name, env, cwd);
    if (exe instanceof Executable.NotFound) {
      io.err().write(dialect.notFound(shellName, line, name));
      return 127;
    }
    if (exe instanceof Executable.NoSuchFile) {
      io.err().write(dialect.noSuchFile(shellName, line, name));
      return 127;
    }
    if (exe instanceof Executable.PermissionDenied) {
      io.err().write(dialect.permissionDenied(shellName, line, name));
      return 126;
    }
    if (exe instanceof Executable.NotSimulated ns) {
      io.err().write(notSimulated(ns.name()));
      return 127;
    }
    fork(io.err());
    ExecResult result;
    try {
      result = exe.run(container, argv, env, cwd, io.stdin());
    } finally {
      reaped();
    }
    return emit(result, io, () -> commandWriteError(name));
  }

  static String notSimulated(String name) {
    return "kubesim: " + name + ": this command is not simulated\n";
  }

  /**
   * Writes a command's output to the descriptors and accounts for its time. When its standard
   * output is a file on a full disk, the command reports the failed write as it does ({@code cat:
   * write error: No space left on device}) and fails.
   */
  private int emit(ExecResult result, Io io, java.util.function.Supplier<WriteError> onFull) {
    int status = result.exitCode();
    boolean written = io.out().tryWrite(result.stdout());
    io.err().write(result.stderr());
    if (!written) {
      WriteError error = onFull.get();
      io.err().write(error.message());
      status = status == 0 ? error.status() : status;
    }
    addElapsed(result.elapsed());
    if (timePasses != null && !result.elapsed().isZero()) {
      timePasses.accept(result.elapsed());
    }
    return status;
  }

  /** What a command prints and exits with when a write of its standard output fails with ENOSPC. */
  record WriteError(String message, int status) {}

  private static final String ENOSPC = Errno.ENOSPC.message();

  /** A program's own report: GNU coreutils' and BusyBox's {@code write error}. */
  private WriteError commandWriteError(String argv0) {
    boolean busybox = container.baseImage().coreutils() == dev.kubesim.api.program.BaseImage.Coreutils.BUSYBOX;
    String name = busybox ? FsPaths.basename(argv0) : argv0;
    String base = FsPaths.basename(argv0);
    // GNU ls exits 2 on serious trouble and env 125 when it fails itself
    int status = busybox ? 1 : base.equals("ls") ? 2 : base.equals("env") ? 125 : 1;
    return new WriteError(name + ": write error: " + ENOSPC + "\n", status);
  }

  /** A shell builtin's report: dash's {@code echo: I/O error}, bash's and ash's {@code write error}. */
  private WriteError builtinWriteError(String name) {
    return switch (dialect) {
      case DASH -> new WriteError(shellName + ": " + line + ": " + name + ": " + name + ": I/O error\n", 1);
      case ASH -> new WriteError(shellName + ": write error: " + ENOSPC + "\n", 1);
      case BASH, BASH_4 -> new WriteError(shellName + ": " + name + ": write error: " + ENOSPC + "\n", 1);
    };
  }

  private void addElapsed(Duration d) {
    if (d.equals(ExecResult.FOREVER) || elapsed.equals(ExecResult.FOREVER)) {
      elapsed = ExecResult.FOREVER;
      throw new NeverReturns();
    }
    try {
      elapsed = elapsed.plus(d);
    } catch (ArithmeticException e) {
      elapsed = ExecResult.FOREVER;
      throw new NeverReturns();
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The exported variables, in the order they were defined: what {@code env} prints. */
  Map<String, String> exportedEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    vars.forEach((k, v) -> {
      if (v.exported) {
        env.put(k, v.value);
      }
    });
    return env;
  }

  // ---- builtins ------------------------------------------------------------------------------

  private int builtin(String name, List<String> args, Io io) {
    switch (name) {
      case ":", "wait", "trap", "umask", "readonly":
        return 0;
      case "exit":
        throw new Exit(exitStatus(args, io));
      case "return":
        if (functionDepth == 0) {
          return 0; // outside a function (or a sourced file) nothing to return from
        }
        throw new FunctionReturn(args.isEmpty() ? lastStatus : parseInt(args.get(0)).orElse(2) & 0xff);
      case "local":
        return local(args, io);
      case "break", "continue":
        int levels = args.isEmpty() ? 1 : parseInt(args.get(0)).orElse(1);
        if (levels < 1) {
          io.err().write(shellName + ": " + line + ": " + name + ": Illegal number: " + args.get(0) + "\n");
          return 2;
        }
        if (loopDepth == 0) {
          return 0; // dash ignores break and continue outside a loop
        }
        throw new LoopControl(name.equals("break"), Math.min(levels, loopDepth));
      case "cd":
        return cd(args, io);
      case "export":
        return export(args, io);
      case "unset":
        for (String a : args) {
          if (!a.startsWith("-")) {
            vars.remove(a);
          }
        }
        return 0;
      case "set":
        return set(args, io);
      case "shift":
        int n = args.isEmpty() ? 1 : parseInt(args.get(0)).orElse(1);
        if (n > positional.size()) {
          io.err().write(shellName + ": " + line + ": shift: can't shift that many\n");
          return 2;
        }
        positional = new ArrayList<>(positional.subList(n, positional.size()));
        return 0;
      case "exec":
        if (args.isEmpty()) {
          return 0;
        }
        Map<String, String> env = exportedEnv();
        throw new Exit(external(args, env, io));
      default:
        throw new IllegalStateException("no builtin " + name);
    }
  }

  /**
   * Runs a function with its arguments as the positional parameters; {@code return} ends it, and
   * the variables it made {@code local} get their values back.
   */
  private int call(String name, List<String> args, Io io) {
    if (functionDepth >= MAX_FUNCTION_DEPTH) {
      throw new Crashed();
    }
    List<String> saved = positional;
    positional = new ArrayList<>(args);
    functionDepth++;
    localScopes.push(new LinkedHashMap<>());
    int status;
    try {
      status = command(functions.get(name), io);
    } catch (FunctionReturn r) {
      status = r.status;
    } finally {
      functionDepth--;
      positional = saved;
      localScopes.pop().forEach((var, before) -> {
        if (before.isPresent()) {
          vars.put(var, before.get());
        } else {
          vars.remove(var);
        }
      });
    }
    lastStatus = status;
    return status;
  }

  /** {@code local NAME[=VALUE]...}: the variable is the function's until it returns. */
  private int local(List<String> args, Io io) {
    if (localScopes.isEmpty()) {
      io.err().write(shellName + ": " + (dialect == ShellDialect.DASH ? line + ": " : "") + "local: "
          + (dialect == ShellDialect.DASH ? "not in a function" : "can only be used in a function") + "\n");
      return dialect == ShellDialect.DASH ? 2 : 1;
    }
    Map<String, Optional<Var>> scope = localScopes.peek();
    for (String a : args) {
      int eq = a.indexOf('=');
      String var = eq < 0 ? a : a.substring(0, eq);
      if (!scope.containsKey(var)) {
        Var old = vars.get(var);
        scope.put(var, old == null ? Optional.empty() : Optional.of(new Var(old.value, old.exported)));
      }
      assign(var, eq < 0 ? vars.containsKey(var) ? vars.get(var).value : "" : a.substring(eq + 1));
    }
    return 0;
  }

  /**
   * {@code read [-r] [-p PROMPT] [NAME...]}: one line of standard input split at {@code IFS}
   * whitespace into the names (the last takes the rest of the line; {@code REPLY} without names);
   * without {@code -r} a backslash escapes the next character and a backslash at the end joins the
   * next line. Status 1 at the end of the input (the names still get what there was). The prompt
   * is shown only when reading a terminal, which a command's input never is here.
   */
  private int read(List<String> args, Io io) {
    boolean raw = false;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-r")) {
        raw = true;
      } else if (a.equals("-p") || a.equals("-t") || a.equals("-u") || a.equals("-n") || a.equals("-d")) {
        i++; // a prompt, a timeout, a descriptor...: not what decides the line here
      } else if (a.equals("-s") || a.equals("-e")) {
        continue;
      } else {
        names.add(a);
      }
    }
    StringBuilder line = new StringBuilder();
    boolean ended = false;
    while (true) {
      String[] next = io.in().readLine();
      if (next == null) {
        break;
      }
      String text = next[0];
      boolean joined = !raw && text.endsWith("\\") && !next[1].isEmpty();
      line.append(joined ? text.substring(0, text.length() - 1) : text);
      if (!joined) {
        ended = !next[1].isEmpty();
        break;
      }
    }
    String value = raw ? line.toString() : unescape(line.toString());
    if (names.isEmpty()) {
      assign("REPLY", value);
    } else {
      String rest = value.strip();
      for (int k = 0; k < names.size(); k++) {
        if (k == names.size() - 1) {
          assign(names.get(k), rest);
          break;
        }
        int sp = indexOfBlank(rest);
        assign(names.get(k), sp < 0 ? rest : rest.substring(0, sp));
        rest = sp < 0 ? "" : rest.substring(sp).strip();
      }
    }
    return ended ? 0 : 1;
  }

  private static int indexOfBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  /** {@code read} without {@code -r}: a backslash keeps the next character as it is. */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        b.append(s.charAt(++i));
      } else if (c != '\\') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private int exitStatus(List<String> args, Io io) {
    if (args.isEmpty()) {
      return lastStatus;
    }
    Optional<Integer> n = parseInt(args.get(0));
    if (n.isEmpty() || n.get() < 0) {
      io.err().write(dialect.illegalNumber(shellName, line, "exit", args.get(0)));
      return 2;
    }
    return n.get() & 0xff;
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return Optional.of(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private int cd(List<String> args, Io io) {
    String target;
    if (args.isEmpty()) {
      target = parameter("HOME").orElse("/");
    } else if (args.get(0).equals("-")) {
      target = parameter("OLDPWD").orElse(cwd);
      io.out().write(target + "\n");
    } else {
      target = args.get(0);
    }
    String path = FsPaths.resolve(cwd, target);
    if (!container.filesystem().isDirectory(path)) {
      Errno errno = container.filesystem().exists(path) ? Errno.ENOTDIR : Errno.ENOENT;
      io.err().write(dialect.cannotCd(shellName, line, target, errno));
      return dialect.cdFailureStatus();
    }
    assign("OLDPWD", cwd);
    cwd = path;
    assign("PWD", path);
    return 0;
  }

  private int export(List<String> args, Io io) {
    if (args.isEmpty() || args.get(0).equals("-p")) {
      new TreeMap<>(exportedEnv()).forEach(
          (k, v) -> io.out().write("export " + k + "='" + v.replace("'", "'\\''") + "'\n"));
      return 0;
    }
    for (String a : args) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      Var v = vars.get(name);
      if (eq >= 0) {
        assign(name, a.substring(eq + 1));
        v = vars.get(name);
      } else if (v == null) {
        v = new Var("", true);
        vars.put(name, v);
        // an exported but unset variable is not in the environment until it gets a value
        v.exported = false;
        continue;
      }
      v.exported = true;
    }
    return 0;
  }

  private int set(List<String> args, Io io) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        positional = new ArrayList<>(args.subList(i + 1, args.size()));
        return 0;
      }
      if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
        boolean on = a.startsWith("-");
        if (a.substring(1).equals("o") && i + 1 < args.size()) {
          i++;
          continue;
        }
        if (a.indexOf('e') > 0) {
          errexit = on;
        }
        if (a.indexOf('x') > 0) {
          xtrace = on;
        }
      } else {
        positional = new ArrayList<>(args.subList(i, args.size()));
        return 0;
      }
    }
    if (args.isEmpty()) {
      new TreeMap<String, Var>(vars).forEach(
          (k, v) -> io.out().write(k + "='" + v.value.replace("'", "'\\''") + "'\n"));
    }
    return 0;
  }

  // ---- redirections --------------------------------------------------------------------------

  private static final class RedirectionFailed extends Exception {
    final int status;

    RedirectionFailed(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  private Io redirect(List<Redirect> redirects, Io io) throws RedirectionFailed {
    Input stdin = io.in();
    Sink out = io.out();
    Sink err = io.err();
    for (Redirect r : redirects) {
      int fd = r.descriptor();
      String op = r.operator();
      if (op.startsWith("<<")) {
        if (fd == 0) {
          stdin = new Input(r.literal() ? r.target() : expander.single(heredocAsDoubleQuoted(r.target())));
        }
        continue;
      }
      String target = expander.single(r.target());
      if ((op.equals(">&") || op.equals("<&")) && (target.matches("\\d+") || target.equals("-"))) {
        Sink dup = target.equals("-") ? Sink.NULL : target.equals("2") ? err : target.equals("1")
            ? out : Sink.NULL;
        if (fd == 1) {
          out = dup;
        } else if (fd == 2) {
          err = dup;
        }
        continue;
      }
      String path = FsPaths.resolve(cwd, target);
      ContainerFilesystem fs = container.filesystem();
      if (op.equals("<") || op.equals("<>")) {
        try {
          if (op.equals("<>") && !fs.exists(path)) {
            fs.write(path, "");
          }
          if (fd == 0) {
            stdin = new Input(fs.read(path));
          }
        } catch (FsException e) {
          io.err().write(dialect.cannotOpen(shellName, line, target, e.errno()));
          throw new RedirectionFailed(dialect.redirectionFailureStatus());
        }
        continue;
      }
      try {
        if (op.equals(">>")) {
          fs.append(path, "");
        } else {
          fs.write(path, "");
        }
      } catch (FsException e) {
        io.err().write(dialect.cannotCreate(shellName, line, target, e.errno()));
        throw new RedirectionFailed(dialect.redirectionFailureStatus());
      }
      Sink file = new Sink.File(fs, path);
      if (fd == 1) {
        out = file;
      } else if (fd == 2) {
        err = file;
      }
    }
    container.stdoutIsTerminal(ShellSession.isTerminal(out)); // isatty(1) for the command about to run
    return new Io(stdin, out, err);
  }

  /**
   * A here-document's body as a double-quoted word that expands as the body does: parameters,
   * command substitutions and arithmetic expand, a backslash escapes only {@code $ ` \} and a
   * newline, and double quotes are plain characters.
   */
  static String heredocAsDoubleQuoted(String body) {
    StringBuilder b = new StringBuilder(body.length() + 2).append('"');
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
        b.append("\\\\\\\""); // the backslash stays before a quote in a here-document
        i++;
      } else if (c == '"') {
        b.append("\\\"");
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  // ---- arithmetic ----------------------------------------------------------------------------

  private final ShellArithmetic.Variables arithmeticVariables = new ShellArithmetic.Variables() {
    @Override
    public Optional<String> get(String name) {
      return parameter(name);
    }

    @Override
    public void set(String name, String value) {
      assign(name, value);
    }
  };

  /**
   * {@code let EXPR...} and bash's {@code (( EXPR ))}: status 0 when the last value is not zero,
   * else 1; an error is status 1 in bash and ends ash as {@code $((...))} does.
   */
  private int arithmeticCommand(String name, List<String> expressions, Io io) {
    if (expressions.isEmpty()) {
      io.err().write(dialect.expressionExpected(shellName, line, name));
      return 1;
    }
    long value = 0;
    for (String e : expressions) {
      try {
        value = ShellArithmetic.evaluate(dialect, arithmeticVariables, e);
      } catch (ShellArithmetic.Failure f) {
        io.err().write(dialect.arithmeticError(shellName, line, name, f));
        if (dialect.arithmeticErrorExits()) {
          throw new ExpansionFailed(dialect.arithmeticErrorStatus(), true);
        }
        return 1;
      }
    }
    return value != 0 ? 0 : 1;
  }

  @Override
  public String arithmetic(String expression) {
    try {
      return Long.toString(ShellArithmetic.evaluate(dialect, arithmeticVariables, expression));
    } catch (ShellArithmetic.Failure f) {
      substitutionErr.write(dialect.arithmeticError(shellName, line, null, f));
      throw new ExpansionFailed(dialect.arithmeticErrorStatus(), dialect.arithmeticErrorExits());
    }
  }

  @Override
  public boolean bracketArithmetic() {
    return dialect.arithmeticCommand();
  }

  // ---- WordExpander.Host ---------------------------------------------------------------------

  @Override
  public Optional<String> parameter(String name) {
    switch (name) {
      case "?":
        return Optional.of(String.valueOf(lastStatus));
      case "#":
        return Optional.of(String.valueOf(positional.size()));
      case "$":
        return Optional.of(String.valueOf(pid));
      case "!":
        return Optional.of("");
      case "-":
        return Optional.of(errexit ? "e" : "");
      case "0":
        return Optional.of(arg0);
      default:
        break;
    }
    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
      int n = Integer.parseInt(name);
      return n <= positional.size() ? Optional.of(positional.get(n - 1)) : Optional.empty();
    }
    if (name.equals("IFS") && !vars.containsKey("IFS")) {
      return Optional.of(" \t\n");
    }
    Var v = vars.get(name);
    return v == null ? Optional.empty() : Optional.of(v.value);
  }

  @Override
  public void assign(String name, String value) {
    if (value.length() > RunningContainer.MEMORY_LIMIT) {
      throw new Killed();
    }
    Var v = vars.get(name);
    if (v == null) {
      vars.put(name, new Var(value, false));
    } else {
      v.value = value;
    }
  }

  @Override
  public List<String> positional() {
    return positional;
  }

  @Override
  public String substitute(String script) {
    fork(substitutionErr);
    ShellInterpreter sub = new ShellInterpreter(this);
    Sink.Buffer out = new Sink.Buffer();
    int status;
    try {
      status = sub.runToEnd(ShellParser.parse(script), new Io("", out, substitutionErr));
    } catch (ShellSyntaxException e) {
      substitutionErr.write(e.message(dialect, shellName));
      status = e.status(dialect);
    } finally {
      reaped();
      addElapsed(sub.elapsed);
    }
    lastSubstitutionStatus = status;
    lastStatus = status;
    return out.toString();
  }

  @Override
  public ContainerFilesystem fs() {
    return container.filesystem();
  }

  @Override
  public String cwd() {
    return cwd;
  }
}
