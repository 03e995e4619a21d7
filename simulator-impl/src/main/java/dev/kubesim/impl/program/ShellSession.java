package dev.kubesim.impl.program;

import dev.kubesim.api.program.BaseImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell that reads its commands from standard input, one line at a time: what {@code kubectl
 * exec -it POD -- bash} (or {@code sh}, {@code ash}) opens. One shell process keeps its state
 * between lines — variables, exported or not, the working directory, {@code $?} — and runs each
 * line as it would have run it read from a terminal.
 *
 * <p>With a terminal ({@code -t}) the shell is interactive, as bash, dash and BusyBox ash are on a
 * tty:
 *
 * <ul>
 *   <li>it prints a prompt from {@code PS1}: Debian's {@code /etc/bash.bashrc} gives bash {@code
 *       root@kubia-3inly:/# } (<code>&#92;u@\h:\w\$ </code>), dash's default is {@code # } for root and
 *       BusyBox ash's {@code \w \$ } gives {@code / # }; bash on an image without that file (agnhost)
 *       shows its built-in {@code bash-5.2# };
 *   <li>an error names no line ({@code bash: foo: command not found}; dash counts the lines read:
 *       {@code sh: 3: foo: not found}), and a syntax error sets {@code $?} to 2 without ending the
 *       shell;
 *   <li>{@code exit} makes bash print {@code exit}; end of input (Ctrl-D) ends the shell with
 *       {@code $?}, bash printing {@code exit} and dash and ash a newline;
 *   <li>containerd adds {@code TERM=xterm} to the environment of a terminal exec, and a command
 *       whose standard output is the terminal knows it ({@link ExecContext#stdoutIsTerminal()}:
 *       curl then shows no progress meter);
 *   <li>a command that would never end by itself ({@code ping} without {@code -c}, {@code sleep
 *       infinity}) holds the terminal until the user presses Ctrl-C: here after {@link
 *       #INTERRUPT_AFTER} of virtual time. The terminal echoes {@code ^C}; {@code ping} prints its
 *       statistics and exits 1 without replies, other commands die of SIGINT ({@code $?} 130).
 * </ul>
 *
 * <p>Without a terminal ({@code -i} only) the shell reads the same lines as a script: no prompt,
 * errors with line numbers as the dialect prints them for standard input, and a syntax error ends
 * it.
 *
 * <p>When the container stops under it (its pod deleted, its process ended), the shell dies with
 * it: status 137, as after SIGKILL.
 *
 * <p>Each line's output is kept per stream and, as the terminal shows it, interleaved ({@link
 * Line#screen()}). Not thread-safe: the cluster calls it under its lock.
 */
public final class ShellSession implements ContainerSession {
  /** How long a command that never ends by itself runs before the user at the terminal presses Ctrl-C. */
  public static final Duration INTERRUPT_AFTER = Duration.ofSeconds(3);

  /** The status of a process killed by SIGINT (128 + 2), as the shell reports it in {@code $?}. */
  static final int SIGINT_STATUS = 130;
  /** The status of a process killed by SIGKILL (128 + 9): the shell of a container that stopped. */
  static final int SIGKILL_STATUS = 137;

  /** Debian's and Ubuntu's {@code PS1} from {@code /etc/bash.bashrc}. */
  static final String DEBIAN_BASH_PS1 = "${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ";
  /** bash's built-in {@code PS1}, where no startup file sets one; Alpine's bash 5.2. */
  static final String BASH_DEFAULT_PS1 = "\\s-\\v\\$ ";
  static final String BASH_VERSION = "5.2";
  /** BusyBox ash's default {@code PS1} (with its fancy prompt, as the busybox and alpine images build it). */
  static final String ASH_PS1 = "\\w \\$ ";

  /**
   * One line's work: what the shell wrote on each stream, and both interleaved as a terminal shows
   * them; {@code $?} after it (the shell's exit status when the line ended it); the virtual time it
   * took.
   */
  public record Line(String stdout, String stderr, String screen, int status, Duration elapsed, boolean ended) {}

  private final RunningContainer container;
  private final ShellInterpreter shell;
  private final ShellDialect dialect;
  private final String invoked;
  private final boolean terminal;
  private int linesRead;
  private boolean ended;
  private int exitStatus;

  private ShellSession(RunningContainer container, ShellInterpreter shell, ShellDialect dialect,
      String invoked, boolean terminal) {
    this.container = container;
    this.shell = shell;
    this.dialect = dialect;
    this.invoked = invoked;
    this.terminal = terminal;
  }

  /**
   * Starts the shell {@code argv} names in the container, reading commands from standard input;
   * empty when {@code argv} does not start such a shell (another program, a shell given {@code -c}
   * or a script file, a name the image lacks), which then runs as a plain exec.
   *
   * @param terminal whether a terminal is attached ({@code kubectl exec -t} with {@code -i})
   */
  public static Optional<ShellSession> open(RunningContainer container, List<String> argv, boolean terminal) {
    Objects.requireNonNull(container, "container");
    if (argv.isEmpty()) {
      return Optional.empty();
    }
    String invoked = argv.get(0);
    Executable exe = container.executable(invoked, container.env(), container.workingDir());
    if (!(exe instanceof Executable.Program p) || !(p.command() instanceof ShCommand)) {
      return Optional.empty();
    }
    ShellDialect dialect = ShCommand.dialect(invoked, container.baseImage());
    ShCommand.Invocation inv = ShCommand.parse(invoked, argv.subList(1, argv.size()), dialect);
    if (inv.error() != null || inv.command() || inv.operand() != null) {
      return Optional.empty();
    }
    // An interactive bash names no line in its errors, as bash 4 does under -c.
    ShellDialect spoken = terminal && dialect == ShellDialect.BASH ? ShellDialect.BASH_4 : dialect;
    Map<String, String> env = new LinkedHashMap<>(container.env());
    if (terminal) {
      env.put("TERM", "xterm");
    }
    ShellInterpreter shell = new ShellInterpreter(container, spoken, invoked, env, container.workingDir(), List.of());
    shell.setErrexit(inv.errexit());
    if (terminal) {
      shell.assign("PS1", defaultPs1(dialect, container.baseImage()));
      shell.enableJobControl();
    }
    return Optional.of(new ShellSession(container, shell, dialect, invoked, terminal));
  }

  private static String defaultPs1(ShellDialect dialect, BaseImage base) {
    return switch (dialect) {
      case BASH, BASH_4 -> base.coreutils() == BaseImage.Coreutils.BUSYBOX ? BASH_DEFAULT_PS1 : DEBIAN_BASH_PS1;
      case DASH -> "# ";
      case ASH -> ASH_PS1;
    };
  }

  /**
   * Makes the cluster's time pass as each program the shell runs takes it ({@code sleep 5}), rather
   * than after the line ({@link Line#elapsed()} still tells the line's time): the shell of a
   * terminal on a host, whose later commands in the same line ({@code sleep 5; kubectl get pods})
   * see the cluster that much later.
   */
  public void letTimePass(java.util.function.Consumer<java.time.Duration> clock) {
    shell.letTimePass(java.util.Objects.requireNonNull(clock, "clock"));
  }

  /**
   * A regular file of the shell's container, its path taken from the shell's working directory as
   * a program the shell started would take it; empty when there is none (or it is a directory).
   */
  public Optional<String> readFile(String path) {
    return container.filesystem().readIfFile(FsPaths.resolve(shell.cwd(), path));
  }


  /** {@code $?}: the status of the last command the shell ran. */
  public int lastStatus() {
    return Integer.parseInt(shell.parameter("?").orElse("0"));
  }

  /** Sets {@code $?} to the status of a command the terminal ran outside the shell. */
  public void lastStatus(int status) {
    shell.lastStatus(status);
  }

  /** Whether a terminal is attached, so the shell is interactive. */
  @Override
  public boolean terminal() {
    return terminal;
  }

  /** Whether the shell still reads lines. */
  @Override
  public boolean isOpen() {
    return !killed() && !ended;
  }

  /** The shell's exit status, once it has ended. */
  @Override
  public Optional<Integer> exitStatus() {
    killed();
    return ended ? Optional.of(exitStatus) : Optional.empty();
  }

  /**
   * The container has stopped under the shell (its pod deleted, its process ended): the shell dies
   * with it, status 137, as after SIGKILL.
   */
  @Override
  public void containerStopped() {
    if (!ended) {
      end(SIGKILL_STATUS);
    }
  }

  /**
   * Whether the container stopped under the shell: its processes die with it (SIGKILL), and the
   * shell's status is 137, what kubectl reports as {@code command terminated with exit code 137}.
   */
  private boolean killed() {
    if (!ended && !container.running()) {
      end(SIGKILL_STATUS);
      return true;
    }
    return false;
  }

  /** The container the shell runs in. */
  @Override
  public RunningContainer container() {
    return container;
  }

  /** The prompt the shell prints before it reads the next line; empty without a terminal. */
  @Override
  public String prompt() {
    if (!terminal || !isOpen()) {
      return "";
    }
    return renderPrompt(shell.parameter("PS1").orElse(""));
  }

  /**
   * Runs one line as the shell reads it from its input.
   *
   * @throws IllegalStateException when the shell has ended
   */
  @Override
  public Line run(String text) {
    return runInput(text.replace("\r", "").replace("\n", " "));
  }

  /**
   * Whether the input so far leaves a command unfinished, so that an interactive shell reads the
   * next line into it, prompting with {@code > } (an open quote, a here-document without its
   * delimiter line, a trailing {@code \}, a {@code for} without {@code done}).
   */
  public boolean unfinished(String input) {
    return ShellParser.unfinished(input.replace("\r", ""), shell.dialect());
  }

  /**
   * Runs the lines of one command read from the input, as {@link #run} runs one line: what an
   * interactive shell runs once an {@link #unfinished} command is complete (a here-document and its
   * body).
   *
   * @throws IllegalStateException when the shell has ended
   */
  public Line runInput(String input) {
    if (killed()) {
      return new Line("", "", "", exitStatus, Duration.ZERO, true);
    }
    if (ended) {
      throw new IllegalStateException("the shell has exited with status " + exitStatus);
    }
    String line = input.replace("\r", "");
    int firstLine = linesRead + 1;
    linesRead += (int) line.chars().filter(c -> c == '\n').count() + 1;
    Sink.Buffer out = new Sink.Buffer();
    Sink.Buffer err = new Sink.Buffer();
    StringBuilder screen = new StringBuilder();
    Sink stdout = new Tee(out, screen, terminal);
    Sink stderr = new Tee(err, screen, terminal);
    shell.resetElapsed();
    Duration elapsed;
    int status;
    container.interruptAfter(terminal ? INTERRUPT_AFTER : null);
    try {
      // Blank lines before it give the parser the line's number in the shell's input.
      ShellAst.Script parsed = ShellParser.parse("\n".repeat(firstLine - 1) + line, shell.dialect());
      status = shell.script(parsed, new ShellInterpreter.Io("", stdout, stderr));
      elapsed = shell.elapsed();
    } catch (ShellSyntaxException e) {
      stderr.write(syntaxError(e));
      status = 2;
      shell.setLastStatus(status);
      elapsed = Duration.ZERO;
      if (!terminal) {
        end(status); // a syntax error ends a shell that is not interactive
      }
    } catch (ShellInterpreter.ExpansionFailed e) {
      // the line is abandoned; only a dash or ash that is not interactive exits
      status = e.status;
      elapsed = shell.elapsed();
      shell.setLastStatus(status);
      if (e.fatal && !terminal) {
        end(status);
      }
    } catch (ShellInterpreter.Exit e) {
      status = e.status;
      elapsed = shell.elapsed();
      if (terminal && bash()) {
        stderr.write("exit\n");
      }
      end(status);
    } catch (ShellInterpreter.NeverReturns e) {
      // The user presses Ctrl-C: the terminal echoes it and the shell starts a new line.
      status = SIGINT_STATUS;
      elapsed = INTERRUPT_AFTER;
      shell.waited(INTERRUPT_AFTER);
      shell.setLastStatus(status);
      if (terminal) {
        stdout.write("^C\n");
      } else {
        end(status); // without a terminal, Ctrl-C stops kubectl itself, and the session with it
      }
    } finally {
      container.interruptAfter(null);
      container.stdoutIsTerminal(false);
    }
    return new Line(out.toString(), err.toString(), screen.toString(), status, elapsed, ended);
  }

  /**
   * The end of input (Ctrl-D at a terminal): the shell exits with {@code $?}; on a terminal bash
   * prints {@code exit}, dash and ash a newline.
   */
  @Override
  public Line endOfInput() {
    if (killed() || ended) {
      return new Line("", "", "", exitStatus, Duration.ZERO, true);
    }
    int status = Integer.parseInt(shell.parameter("?").orElse("0"));
    String said = !terminal ? "" : bash() ? "exit\n" : "\n";
    end(status);
    return new Line("", said, said, status, Duration.ZERO, true);
  }

  private void end(int status) {
    ended = true;
    exitStatus = status;
  }

  private boolean bash() {
    return dialect == ShellDialect.BASH || dialect == ShellDialect.BASH_4;
  }

  /** The shell's message for a syntax error in a line read from its input rather than from {@code -c}. */
  private String syntaxError(ShellSyntaxException e) {
    String message = e.message(shell.dialect(), invoked);
    if (dialect != ShellDialect.DASH) {
      // kubesim's own "not supported" names the line as dash would; the others name none
      message = message.replaceFirst("^" + Pattern.quote(invoked + ": ") + "\\d+: ", Matcher.quoteReplacement(invoked + ": "));
    }
    if (bash()) {
      // bash -c says "bash: -c: line 1: syntax error ..."; reading its input, "bash: line 4: ..."
      // or, interactive, "bash: syntax error ..."
      message = message.replaceFirst(Pattern.quote(invoked + ": -c: ") + "line \\d+: ",
          Matcher.quoteReplacement(invoked + ": " + (terminal ? "" : "line " + linesRead + ": ")));
    }
    return message;
  }

  // ---- the prompt ----------------------------------------------------------------------------

  private static final Pattern ALTERNATE = Pattern.compile("\\$\\{(\\w+):\\+([^}]*)\\}");
  private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

  /**
   * {@code PS1} as the shell prints it. bash and ash decode the backslash escapes (<code>&#92;u \h \H
   * \w \W \s \v \$ \\</code>); bash also expands {@code ${NAME:+WORD}} and {@code $NAME} first (what
   * Debian's prompt uses for {@code debian_chroot}). dash prints {@code PS1} as it is.
   */
  String renderPrompt(String ps1) {
    if (dialect == ShellDialect.DASH) {
      return ps1;
    }
    String text = ps1;
    if (bash()) {
      text = ALTERNATE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
          shell.parameter(m.group(1)).filter(v -> !v.isEmpty()).isPresent() ? expandVariables(m.group(2)) : ""));
      text = expandVariables(text);
    }
    String hostname = container.hostname();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        b.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'u' -> b.append("root");
        case 'h' -> b.append(hostname.split("\\.", 2)[0]);
        case 'H' -> b.append(hostname);
        case 'w' -> b.append(homeAbbreviated(shell.cwd()));
        case 'W' -> b.append(basename(homeAbbreviated(shell.cwd())));
        case 's' -> b.append(FsPaths.basename(invoked));
        case 'v', 'V' -> b.append(BASH_VERSION);
        case '$' -> b.append('#'); // the shell runs as root
        case '\\' -> b.append('\\');
        case 'n' -> b.append('\n');
        case '[', ']' -> { } // marks around non-printing characters
        default -> b.append('\\').append(e);
      }
    }
    return b.toString();
  }

  private String expandVariables(String text) {
    return VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(shell.parameter(m.group(1)).orElse("")));
  }

  private String homeAbbreviated(String cwd) {
    String home = shell.parameter("HOME").orElse("");
    if (home.isEmpty() || home.equals("/")) {
      return cwd;
    }
    if (cwd.equals(home)) {
      return "~";
    }
    return cwd.startsWith(home + "/") ? "~" + cwd.substring(home.length()) : cwd;
  }

  private static String basename(String path) {
    return path.equals("/") || path.equals("~") ? path : FsPaths.basename(path);
  }

  /**
   * Whether a command whose standard output is this sink writes to a terminal ({@code isatty(1)}):
   * the session's own stdout on a terminal, not a pipe, a file or a command substitution.
   */
  static boolean isTerminal(Sink out) {
    return out instanceof Tee tee && tee.terminal;
  }

  /** A stream of the shell that also writes to what the terminal's user sees. */
  private static final class Tee implements Sink {
    private final Sink own;
    private final StringBuilder screen;
    private final boolean terminal;

    Tee(Sink own, StringBuilder screen, boolean terminal) {
      this.own = own;
      this.screen = screen;
      this.terminal = terminal;
    }

    @Override
    public void write(String text) {
      own.write(text);
      screen.append(text);
    }
  }
}
