package dev.kubesim.impl.program;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.BaseImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running command sees: its container (files, hostname, pod IP), the name it was invoked
 * by, its environment, working directory and standard input.
 */
public final class ExecContext {
  private final RunningContainer container;
  private final String argv0;
  private final ImmutableMap<String, String> env;
  private final String cwd;
  private final String stdin;
  private final ShellDialect builtinOf;

  /**
   * @param argv0 the command name as invoked ({@code ls}, {@code /bin/ls}), which GNU tools use in
   *     their messages
   * @param env the process environment, in order
   * @param builtinOf the shell that runs it as its own builtin, or null for a program run from a
   *     file (dash's builtin {@code echo} differs from {@code /bin/echo})
   */
  public ExecContext(RunningContainer container, String argv0, Map<String, String> env, String cwd,
      String stdin, ShellDialect builtinOf) {
    this.container = Objects.requireNonNull(container, "container");
    this.argv0 = Objects.requireNonNull(argv0, "argv0");
    this.env = ImmutableMap.copyOf(env);
    this.cwd = Objects.requireNonNull(cwd, "cwd");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.builtinOf = builtinOf;
  }

  public RunningContainer container() {
    return container;
  }

  public ContainerFilesystem fs() {
    return container.filesystem();
  }

  public BaseImage baseImage() {
    return container.baseImage();
  }

  public BaseImage.Coreutils coreutils() {
    return container.baseImage().coreutils();
  }

  /** Whether the command behaves (and words its errors) as BusyBox. */
  public boolean busybox() {
    return coreutils() == BaseImage.Coreutils.BUSYBOX;
  }

  /**
   * The first line of BusyBox's usage text in this container: {@code BusyBox v1.36.1 (2023-05-18
   * 22:34:17 UTC) multi-call binary.} The version is the {@code busybox} image tag's ({@link
   * dev.kubesim.impl.program.images.ImageVersions}: {@code busybox:1.28} is 1.28.4), 1.36.1 in
   * every other image; the build date is printed for 1.36.1 only, whose date kubesim knows.
   *
   * @param dated whether the build date follows the version, as the applets print it
   * @return the banner, without a newline
   */
  public String busyboxBanner(boolean dated) {
    String version = container().image().repository().equals("library/busybox")
        ? dev.kubesim.impl.program.images.ImageVersions.version("docker.io/library/busybox", container().image().tag(), BUSYBOX_VERSION)
        : BUSYBOX_VERSION;
    return "BusyBox v" + version + (dated && version.equals(BUSYBOX_VERSION) ? " (2023-05-18 22:34:17 UTC)" : "")
        + " multi-call binary.";
  }

  /** The BusyBox of kubesim's BusyBox images, unless a {@code busybox} tag names another. */
  static final String BUSYBOX_VERSION = "1.36.1";

  /** The command name as invoked. */
  public String argv0() {
    return argv0;
  }

  /**
   * The name a command prints before its messages: GNU tools print {@code argv[0]} as invoked,
   * BusyBox applets their applet name.
   */
  public String programName() {
    return busybox() ? FsPaths.basename(argv0) : argv0;
  }

  public Map<String, String> env() {
    return env;
  }

  public String cwd() {
    return cwd;
  }

  public String stdin() {
    return stdin;
  }

  /** Whether a shell runs the command as its builtin rather than from a file. */
  public boolean shellBuiltin() {
    return builtinOf != null;
  }

  /** The shell running the command as its builtin, if one does. */
  public Optional<ShellDialect> builtinOf() {
    return Optional.ofNullable(builtinOf);
  }

  /**
   * When the user at the terminal interrupts this command if it would never end by itself (Ctrl-C
   * in {@code kubectl exec -it}), counted from its start; empty without a terminal, where such a
   * command runs on.
   */
  public Optional<java.time.Duration> interruptAfter() {
    return container.interruptAfter();
  }

  /**
   * Whether the command's standard output is a terminal ({@code isatty(1)}): at the prompt of
   * {@code kubectl exec -it}, unless redirected or piped.
   */
  public boolean stdoutIsTerminal() {
    return container.stdoutIsTerminal();
  }

  /** Whether the command runs in a job an interactive shell put in the background ({@code cmd &}). */
  public boolean background() {
    return container.inBackground();
  }

  /** A path argument made absolute against the working directory, and normalised. */
  public String resolve(String path) {
    return FsPaths.resolve(cwd, path);
  }

  /** The simulation's current instant. */
  public Instant now() {
    return container.now();
  }

  /** Finds the program a name (or path) runs, by the given environment's {@code PATH}. */
  public Executable findExecutable(String name, Map<String, String> environment) {
    return container.executable(name, environment, cwd);
  }

  /**
   * Runs a found program in the same container with this working directory and standard input, as
   * {@code env CMD} does: no shell is involved.
   *
   * @throws IllegalArgumentException if {@code executable} is not runnable
   */
  public ExecResult execute(Executable executable, List<String> argv, Map<String, String> environment) {
    return execute(executable, argv, environment, stdin);
  }

  /**
   * Runs a found program as {@link #execute(Executable, List, Map)} does, reading another standard
   * input ({@code xargs} gives its commands an empty one, as {@code /dev/null}).
   */
  public ExecResult execute(Executable executable, List<String> argv, Map<String, String> environment, String input) {
    return executable.run(container, argv, environment, cwd, input);
  }
}
