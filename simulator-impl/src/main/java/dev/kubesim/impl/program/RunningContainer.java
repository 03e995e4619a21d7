package dev.kubesim.impl.program;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenAnnotation;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.sim.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * One started container: its image's program, its process environment, its files, its logs and
 * the state its server keeps. Made by {@link ContainerRuntime#start}; a restart makes a new one
 * (fresh files and state, as a new container from the same image).
 *
 * <p>The kubelet uses it to {@link #exec} commands (exec probes, {@code kubectl exec}), to learn
 * the {@link #listenPorts} and dispatch HTTP with {@link #serveHttp}, to drive the {@link
 * #mainProcess} in virtual time and to learn how it reacts to SIGTERM ({@link #sigterm}).
 */
public final class RunningContainer {
  private final ContainerConfig config;
  private final ImageReference image;
  private final Program program;
  private final ImageConfig imageConfig;
  private final Launch launch;
  private final CommandRegistry commands;
  /** PATH lookups by name, PATH and working directory, valid for one filesystem generation and registry version. */
  private final Map<String, Executable> executables = new java.util.HashMap<>();
  private long executablesGeneration = -1;
  private long executablesVersion = -1;
  private final LongSupplier nanos;
  private final ImmutableMap<String, String> env;
  // Built on first use: most containers are never exec'd into, and an image's tree is costly to build.
  private ContainerFilesystem fs;
  private boolean buildingFs;
  /** The stand-ins of the programs the pod's probes and hooks name, in an image kubesim does not know. */
  private final Set<String> standIns = new LinkedHashSet<>();
  private final String workingDir;
  private final Instant startedAt;
  private List<ListenPort> ports;
  /** Ports listened on without HTTP although the program serves HTTP elsewhere (a {@code tcp} entry of the listen annotation). */
  private Set<ListenPort> silentPorts;
  private final Optional<HttpHandler> handler;
  private final SigtermBehavior sigterm;
  private final Map<String, Object> state = new LinkedHashMap<>();
  private final List<LogLine> logs = new ArrayList<>();
  private long requests;
  private long stateReads;
  private boolean builtinProgram;
  private int pids = 1;
  /** Processes forked inside the container and not finished yet (subshells, substitutions, commands). */
  private int forked;
  private Integer requestedExit;
  private Integer exitCode;
  private IntConsumer exitListener = code -> {};
  private MainProcessRun mainProcess;
  /** While a line of an interactive exec runs: when its user presses Ctrl-C ({@link ShellSession}). */
  private Duration interruptAfter;
  /** Whether the command being started writes its standard output to a terminal. */
  private boolean stdoutTerminal;

  RunningContainer(ContainerConfig config, ImageReference image, Program program,
      CommandRegistry commands, LongSupplier nanos) {
    this.config = config;
    this.image = image;
    this.program = program;
    this.imageConfig = program.image();
    this.commands = commands;
    this.nanos = nanos;
    this.startedAt = now();
    this.launch = new Launch(config.container(),
        imageConfig.argv(config.container().command(), config.container().args()));
    this.env = ImmutableMap.copyOf(
        ProcessEnvironment.compose(imageConfig.env(), config.hostname(), config.env()));
    this.workingDir = FsPaths.normalize(
        config.container().workingDir().filter(d -> d.startsWith("/")).orElse(imageConfig.workingDir()));
    listen(config.expectedListeners());
    this.handler = program.httpHandler(launch);
    this.sigterm = program.onSigterm(launch);
  }

  /** Starts the main process: a server's start hook, or the command line's first steps. */
  void start() {
    if (program instanceof ListensWhereExpected && config.runsToCompletion()) {
      // An init container runs to completion by definition: the unknown image does its work and exits 0.
      mainProcess = MainProcessRun.ran(ExecResult.ok(""));
      return;
    }
    MainProcess main = program.mainProcess(launch);
    if (main.serves()) {
      program.onStart(launch, new ContainerServerContext(this));
      mainProcess = MainProcessRun.serving();
      return;
    }
    List<String> argv = main.argv();
    if (argv.isEmpty()) {
      mainProcess = MainProcessRun.failedToStart("no command specified");
      return;
    }
    Executable exe = executable(argv.get(0), env, workingDir);
    if (!exe.runnable()) {
      mainProcess = MainProcessRun.failedToStart(OciErrors.startFailure(exe));
      return;
    }
    if (exe instanceof Executable.Program p && p.command() instanceof ShCommand) {
      ShellDialect dialect = ShCommand.dialect(argv.get(0), baseImage());
      ShCommand.Invocation inv =
          ShCommand.parse(argv.get(0), argv.subList(1, argv.size()), dialect);
      if (inv.error() == null && inv.command()) {
        mainProcess = stepScript(argv.get(0), dialect, inv);
        return;
      }
      if (inv.error() == null && inv.operand() == null && config.container().stdin().orElse(false)) {
        mainProcess = MainProcessRun.readingInput(argv); // its input is what an attached client types
        return;
      }
    }
    ExecResult result = crashSafe(() -> exe.run(this, argv, env, workingDir, ""));
    log("stdout", result.stdout());
    log("stderr", result.stderr());
    mainProcess = MainProcessRun.ran(result);
  }

  private MainProcessRun stepScript(String shell, ShellDialect dialect, ShCommand.Invocation inv) {
    ShellInterpreter interpreter =
        new ShellInterpreter(this, dialect, shell, env, workingDir, inv.positional());
    interpreter.setArg0(inv.arg0());
    interpreter.setErrexit(inv.errexit());
    interpreter.setXtrace(inv.xtrace());
    ShellInterpreter.Io io = new ShellInterpreter.Io("", new LogSink("stdout"), new LogSink("stderr"));
    try {
      return MainProcessRun.stepping(
          new ShellStepper(interpreter, ShellParser.parse(inv.operand(), dialect), io));
    } catch (ShellSyntaxException e) {
      log("stderr", e.message(dialect, shell));
      return MainProcessRun.ran(ExecResult.failure(e.status(dialect), ""));
    } catch (StackOverflowError e) {
      forked = 0;
      return MainProcessRun.ran(ExecResult.failure(SEGFAULT_STATUS, ""));
    }
  }

  // ---- identity ------------------------------------------------------------------------------

  /** The container's name in the pod spec. */
  public String name() {
    return config.containerName();
  }

  public String podName() {
    return config.podName();
  }

  public String namespace() {
    return config.namespace();
  }

  public String hostname() {
    return config.hostname();
  }

  /** The pod's primary IP. */
  public String podIp() {
    return config.podIp();
  }

  public List<String> podIps() {
    return config.podIps();
  }

  public ContainerConfig config() {
    return config;
  }

  /** The image as parsed and normalised. */
  public ImageReference image() {
    return image;
  }

  /** The image as {@code status.containerStatuses[].image} shows it. */
  public String statusImage() {
    return image.statusImage();
  }

  public Program program() {
    return program;
  }

  public BaseImage baseImage() {
    return imageConfig.base();
  }

  /** The process's command line (ENTRYPOINT/CMD merged with the spec's command/args). */
  public List<String> argv() {
    return launch.argv();
  }

  public int restartCount() {
    return config.restartCount();
  }

  /** The process environment, in the order {@code env} prints it. */
  public Map<String, String> env() {
    return env;
  }

  public ContainerFilesystem filesystem() {
    if (fs == null) {
      // The image's files carry the container's start time, whenever the tree is built.
      buildingFs = true;
      try {
        fs = ImageFilesystem.create(() -> buildingFs ? startedAt : now(), imageConfig, config, workingDir,
            program instanceof ListensWhereExpected ? config.expectedExecutables() : List.of(), standIns);
      } finally {
        buildingFs = false;
      }
    }
    return fs;
  }

  public String workingDir() {
    return workingDir;
  }

  /**
   * What {@code name} runs as in this container ({@link Executable#find}), remembered until the
   * filesystem or the command registry changes, as a shell's hash table of PATH lookups is.
   */
  Executable executable(String name, Map<String, String> env, String cwd) {
    long generation = filesystem().generation();
    long version = commands.version();
    if (generation != executablesGeneration || version != executablesVersion) {
      executables.clear();
      executablesGeneration = generation;
      executablesVersion = version;
    }
    String path = env.get("PATH");
    String key = name + '\n' + (path == null ? "\0" : path) + '\n' + cwd;
    Executable e = executables.get(key);
    if (e == null) {
      e = Executable.find(this, name, env, cwd);
      executables.put(key, e);
    }
    return e;
  }

  public CommandRegistry commands() {
    return commands;
  }

  /**
   * Whether this path is the stand-in of a program the pod's exec probes or lifecycle hooks name,
   * in an image kubesim does not know ({@link ContainerConfig#expectedExecutables}): it runs,
   * prints nothing and exits 0.
   */
  public boolean isStandIn(String path) {
    filesystem();
    return standIns.contains(path);
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The simulation's current instant. */
  public Instant now() {
    return VirtualClock.EPOCH.plusNanos(nanos.getAsLong());
  }

  int nextPid() {
    return ++pids;
  }

  /** A process id for a new process in the container: {@code ps} lists itself with one. */
  public int processId() {
    return nextPid();
  }

  /**
   * How many processes may be forked inside a container and alive at once, nested in one another:
   * the container's pids limit. A shell that would fork one more fails with {@code EAGAIN}, as
   * under a pids cgroup limit (kubelet's {@code podPidsLimit}). Each nested process runs on the
   * caller's stack here, so the bound is kubesim's, lower than what a node allows.
   */
  static final int PIDS_LIMIT = 128;

  /** A fork: false when the container's pids limit is reached (the fork fails with {@code EAGAIN}). */
  boolean fork() {
    if (forked >= PIDS_LIMIT) {
      return false;
    }
    forked++;
    return true;
  }

  /** The main process died: nothing it forked is left. */
  void resetForks() {
    forked = 0;
  }

  /** A forked process has finished. */
  void reaped() {
    forked--;
  }

  /**
   * The exit status of a process killed by {@code SIGSEGV} (128 + 11): what a shell that runs out of
   * stack ends with. Here a program whose nesting outgrows the Java stack ends so, instead of the
   * error escaping from the cluster.
   */
  static final int SEGFAULT_STATUS = 139;

  /**
   * The characters a process may hold in memory at once (a variable, an expanded word, output it
   * buffers): past it the process is killed as a container at its memory limit, {@link
   * #OOM_KILLED_STATUS}. A real process would stream most of it; this bound keeps the JVM's memory.
   */
  public static final long MEMORY_LIMIT = 64L << 20;

  /** The exit status of a process killed by {@code SIGKILL} (128 + 9), as the OOM killer does. */
  public static final int OOM_KILLED_STATUS = 137;

  /** Runs a process to its end; one that overflows the stack ends as a crashed process does. */
  ExecResult crashSafe(java.util.function.Supplier<ExecResult> process) {
    int before = forked;
    try {
      return process.get();
    } catch (StackOverflowError e) {
      forked = before; // its children died with it
      return ExecResult.failure(SEGFAULT_STATUS, "");
    }
  }

  // ---- exec ----------------------------------------------------------------------------------

  /**
   * Runs a command line in the container as {@code kubectl exec POD -- ARGV...} and exec probes
   * do: no shell unless {@code argv} names one, found by the container's {@code PATH}, started in
   * the working directory with the container's environment and empty standard input.
   *
   * <p>A program that cannot be started is the runtime's failure, not the process's: status 126
   * and the OCI runtime's message on standard error ({@code OCI runtime exec failed: exec failed:
   * unable to start container process: exec: "foo": executable file not found in $PATH: unknown}).
   * Docker-era kubectl showed exactly this and {@code command terminated with exit code 126};
   * with containerd, kubectl reports it as {@code error: Internal error occurred: error executing
   * command in container: failed to exec in container: failed to start exec "...": OCI runtime
   * exec failed: ...} and exits 1 — see {@link #execStartError} to tell the cases apart. Under
   * {@code sh -c} the shell itself reports a missing command ({@code sh: 1: foo: not found}, 127).
   *
   * @throws IllegalArgumentException if {@code argv} is empty
   */
  public ExecResult exec(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("you must specify at least one command for the container");
    }
    Executable exe = executable(argv.get(0), env, workingDir);
    if (!exe.runnable()) {
      return ExecResult.failure(OciErrors.EXEC_FAILED_STATUS,
          OciErrors.execFailure(exe) + "\n");
    }
    return crashSafe(() -> exe.run(this, argv, env, workingDir, ""));
  }

  /**
   * {@link #exec(List)} with this standard input ({@code kubectl exec -i} without a terminal, its
   * input piped): {@code sh} reads its script from it, {@code cat} copies it.
   */
  public ExecResult exec(List<String> argv, String stdin) {
    if (stdin.isEmpty() || argv.isEmpty() || !executable(argv.get(0), env, workingDir).runnable()) {
      return exec(argv);
    }
    return executable(argv.get(0), env, workingDir).run(this, argv, env, workingDir, stdin);
  }

  /**
   * {@link #exec(List, String)} with its standard output on a terminal ({@code kubectl exec -t}),
   * as {@code isatty(1)} tells the command.
   */
  public ExecResult execAtTerminal(List<String> argv, String stdin) {
    boolean before = stdoutTerminal;
    stdoutTerminal = true;
    try {
      return exec(argv, stdin);
    } finally {
      stdoutTerminal = before;
    }
  }

  /** Runs {@code sh -c COMMAND} in the container. */
  public ExecResult execShell(String command) {
    return exec(List.of("sh", "-c", command));
  }

  /**
   * Why an exec of this command line could not start, in the runtime's words ({@code OCI runtime
   * exec failed: ...: unknown}), or empty when it can start.
   */
  public Optional<String> execStartError(List<String> argv) {
    if (argv.isEmpty()) {
      return Optional.of("you must specify at least one command for the container");
    }
    Executable exe = executable(argv.get(0), env, workingDir);
    return exe.runnable() ? Optional.empty() : Optional.of(OciErrors.execFailure(exe));
  }

  /**
   * When the user at the terminal of an interactive exec interrupts a command that would never end
   * by itself (Ctrl-C), counted from the command's start; empty outside such a session.
   */
  public Optional<Duration> interruptAfter() {
    return Optional.ofNullable(interruptAfter);
  }

  /** Set by {@link ShellSession} while it runs a line at a terminal; null clears it. */
  /** See {@link #inBackground()}. */
  private boolean background;
  /** What commands of the background job being started keep running ({@link #keepRunning}). */
  private List<Runnable> keptRunning = new ArrayList<>();

  void interruptAfter(Duration value) {
    interruptAfter = value;
  }

  /**
   * Whether the command the shell starts now writes its standard output to the terminal of an
   * interactive exec ({@code isatty(1)}), not to a pipe, a file or a command substitution.
   */
  public boolean stdoutIsTerminal() {
    return stdoutTerminal;
  }

  /** Set by the shell as it redirects a command's output, cleared by {@link ShellSession} after each line. */
  void stdoutIsTerminal(boolean value) {
    stdoutTerminal = value;
  }

  /**
   * Whether the command starting now is part of a job an interactive shell runs in the background
   * ({@code cmd &}): it goes on after the shell's line, as {@code kubectl port-forward ... &} does.
   */
  public boolean inBackground() {
    return background;
  }

  /** Set by the shell while it starts a background job. */
  void inBackground(boolean value) {
    background = value;
    if (value) {
      keptRunning = new ArrayList<>();
    }
  }

  /**
   * A command of a background job keeps something running after it returns ({@code kubectl
   * port-forward ... &} keeps its listeners): {@code stop} ends it when the job is killed.
   */
  public void keepRunning(Runnable stop) {
    if (background) {
      keptRunning.add(stop);
    }
  }

  /** What the job just started keeps running, for the shell's job table. */
  List<Runnable> takeKeptRunning() {
    List<Runnable> taken = keptRunning;
    keptRunning = new ArrayList<>();
    return taken;
  }

  // ---- the main process ----------------------------------------------------------------------

  /** The main process, running in virtual time. */
  public MainProcessRun mainProcess() {
    return mainProcess;
  }

  /** How the main process reacts to the stop signal. */
  public SigtermBehavior sigterm() {
    return sigterm;
  }

  /**
   * Records that the main process has ended (it finished, was killed, or asked to exit): from now
   * on nothing listens and {@link #serveHttp} answers nothing. The kubelet calls this; a restart is
   * a new container.
   */
  public void terminate(int code) {
    if (exitCode == null) {
      exitCode = code;
    }
  }

  /** The main process's exit code once {@link #terminate terminated}. */
  public Optional<Integer> exitCode() {
    return Optional.ofNullable(exitCode);
  }

  /** Whether the main process still runs. */
  public boolean running() {
    return exitCode == null;
  }

  /** The exit code a server asked for (netexec's {@code /exit}), if one did. */
  public Optional<Integer> requestedExit() {
    return Optional.ofNullable(requestedExit);
  }

  /**
   * Called with the exit code when the container's server asks to exit; at once when it already
   * has (a program that exits as it starts).
   */
  public void onExitRequest(IntConsumer listener) {
    exitListener = listener;
    if (requestedExit != null) {
      listener.accept(requestedExit);
    }
  }

  void requestExit(int code) {
    if (requestedExit == null) {
      requestedExit = code;
      exitListener.accept(code);
    }
  }

  // ---- serving -------------------------------------------------------------------------------

  /** The program's own ports and, for a program that {@link ListensWhereExpected}, the expected ones. */
  private void listen(List<ListenAnnotation.Entry> expected) {
    Set<ListenPort> listened = new LinkedHashSet<>(program.listenPorts(launch));
    Set<ListenPort> silent = new LinkedHashSet<>();
    if (program instanceof ListensWhereExpected) {
      for (ListenAnnotation.Entry e : expected) {
        listened.add(e.port());
        if (!e.http()) {
          silent.add(e.port());
        }
      }
    }
    this.ports = ImmutableList.copyOf(listened);
    this.silentPorts = Set.copyOf(silent);
  }

  /**
   * The cluster now expects the container on these ports (a Service that selects its pod changed):
   * a program that {@link ListensWhereExpected} listens there from now on; others are unchanged.
   */
  public void expectListeners(List<ListenAnnotation.Entry> expected) {
    if (program instanceof ListensWhereExpected) {
      listen(expected);
    }
  }

  /** The ports the process listens on. */
  public List<ListenPort> listenPorts() {
    return ports;
  }

  /**
   * Whether the process listens on this port (protocol {@code TCP}, {@code UDP} or {@code SCTP})
   * and still runs.
   */
  public boolean listensOn(String protocol, int port) {
    return running() && requestedExit == null && ports.contains(new ListenPort(protocol, port));
  }

  /** Whether the process answers HTTP on this TCP port. */
  public boolean servesHttpOn(int port) {
    return handler.isPresent() && listensOn("TCP", port) && !silentPorts.contains(ListenPort.tcp(port))
        && (!(program instanceof RawServer raw) || raw.speaksHttpOn(launch, port));
  }

  /** Whether the process serves HTTPS on this TCP port: it terminates TLS there ({@link TlsServer}). */
  public boolean terminatesTlsOn(int port) {
    return program instanceof TlsServer t && servesHttpOn(port) && t.terminatesTlsOn(launch, port);
  }

  /**
   * Answers an HTTP request that arrived at {@link HttpRequest#serverAddress()}'s port; empty when
   * nothing serves HTTP there (the caller's connection is refused) or the server has exited.
   */
  public Optional<HttpResponse> serveHttp(HttpRequest request) {
    if (!servesHttpOn(request.serverPort())) {
      return Optional.empty();
    }
    requests++;
    return Optional.of(handler.get().handle(request, new ContainerServerContext(this)));
  }

  /**
   * A request that came over the network to a port where the program is a proxy ({@link
   * ProxyingServer}): its answer, and what the proxy did; empty when the program proxies nothing
   * there (then {@link #serveHttp} answers) or has exited.
   */
  public Optional<ProxyingServer.Proxied> proxy(HttpRequest request, dev.kubesim.impl.net.Session client) {
    if (!(program instanceof ProxyingServer p) || !servesHttpOn(request.serverPort())
        || !p.proxiesOn(launch, request.serverPort())) {
      return Optional.empty();
    }
    requests++;
    return Optional.of(p.proxy(launch, request, client));
  }

  /**
   * A request that came over the network to a port where the program dials out while it answers
   * ({@link DialingServer}): its answer; empty when the program does not dial there (then {@link
   * #serveHttp} answers) or has exited.
   *
   * @param dialer what the process dials through, on the request's session
   */
  public Optional<HttpResponse> serveDialing(HttpRequest request, java.util.function.Supplier<PodDialer> dialer) {
    if (!(program instanceof DialingServer d) || !servesHttpOn(request.serverPort())
        || !d.dialsOn(launch, request.serverPort())) {
      return Optional.empty();
    }
    requests++;
    return Optional.of(d.serve(launch, request, new ContainerServerContext(this), dialer.get()));
  }

  /**
   * A TCP connection to a port where the process listens without serving HTTP was accepted: what
   * the process writes back after reading the client's {@code data} ({@link RawServer#receiveTcp});
   * empty when it writes nothing or has exited. The process may dial through {@code dialer}, on a
   * session of its own.
   */
  public Optional<String> acceptTcp(int port, String data, String client, java.util.function.Supplier<PodDialer> dialer) {
    if (!(program instanceof RawServer raw) || servesHttpOn(port) || !listensOn("TCP", port)) {
      return Optional.empty();
    }
    requests++;
    return raw.receiveTcp(launch, port, data, client, new ContainerServerContext(this), dialer);
  }

  /**
   * A datagram reached a UDP port the process listens on: its answer ({@link
   * RawServer#answerDatagram}); empty when it does not answer or has exited.
   */
  public Optional<String> answerDatagram(int port, String data, String client) {
    if (!(program instanceof RawServer raw) || !listensOn("UDP", port)) {
      return Optional.empty();
    }
    requests++;
    return raw.answerDatagram(launch, port, data, client, new ContainerServerContext(this));
  }

  /**
   * A DATA chunk reached an SCTP port the process listens on: what it writes back ({@link
   * RawServer#receiveSctp}); empty when it writes nothing or has exited.
   */
  public Optional<String> acceptSctp(int port, String data, String client) {
    if (!(program instanceof RawServer raw) || !listensOn("SCTP", port)) {
      return Optional.empty();
    }
    requests++;
    return raw.receiveSctp(launch, port, data, client, new ContainerServerContext(this));
  }

  /** Requests served since the container started: HTTP requests, plain TCP connections and datagrams. */
  public long requestCount() {
    return requests;
  }

  Map<String, Object> state() {
    return state;
  }

  /** A server looked at what it keeps between requests (its state, its request count). */
  void noteStateRead() {
    stateReads++;
  }

  // ---- what a run leaves behind --------------------------------------------------------------

  /**
   * What a run in this container (an exec, a request served) may leave behind, to tell a run that
   * changed nothing: the files' generation (-1 before they are built), log lines, process ids
   * used, requests served, reads of the server's own state, and whether the process exited.
   */
  public record Traces(long files, int logLines, int pids, long requests, long stateReads, boolean exited) {}

  public Traces traces() {
    return new Traces(fs == null ? -1 : fs.generation(), logs.size(), pids, requests, stateReads,
        requestedExit != null || exitCode != null);
  }

  /** Counts requests and process ids of runs that were not run one by one (coalesced probes). */
  public void repeated(long requestsServed, long pidsUsed) {
    requests += requestsServed;
    pids = (int) (pids + pidsUsed);
  }

  /** Whether the container runs one of kubesim's own programs (not one registered by the user). */
  public boolean builtinProgram() {
    return builtinProgram;
  }

  void builtinProgram(boolean builtin) {
    this.builtinProgram = builtin;
  }

  // ---- logs ----------------------------------------------------------------------------------

  /** What the container's processes wrote, line by line: what {@code kubectl logs} shows. */
  public List<LogLine> logs() {
    flushEnded();
    return Collections.unmodifiableList(logs);
  }

  /** The logs as {@code kubectl logs} prints them. */
  public String logText() {
    flushEnded();
    StringBuilder b = new StringBuilder();
    logs.forEach(l -> b.append(l.text()).append('\n'));
    return b.toString();
  }

  /** What an attached client's session of the main process printed, into the container's log. */
  public void logAttached(String stdout, String stderr) {
    log("stdout", stdout);
    log("stderr", stderr);
  }

  void log(String stream, String text) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      logs.add(new LogLine(now(), stream, line));
    }
  }

  /**
   * Buffers a process's output into whole log lines, as containerd's CRI logger reads a stream: a
   * line is logged once its newline comes (or once it reaches 16 KiB, containerd's longest line);
   * what is left without one is logged when the process has ended.
   */
  private final class LogSink implements Sink {
    private static final int MAX_LINE = 16 * 1024;
    private final String stream;
    private final StringBuilder pending = new StringBuilder();

    LogSink(String stream) {
      this.stream = stream;
      sinks.add(this);
    }

    @Override
    public void write(String text) {
      pending.append(text);
      int newline = pending.lastIndexOf("\n");
      if (newline >= 0) {
        log(stream, pending.substring(0, newline + 1));
        pending.delete(0, newline + 1);
      }
      while (pending.length() > MAX_LINE) {
        log(stream, pending.substring(0, MAX_LINE));
        pending.delete(0, MAX_LINE);
      }
    }

    void flush() {
      if (pending.length() > 0) {
        log(stream, pending.toString());
        pending.setLength(0);
      }
    }
  }

  /** The main process's output streams, flushed into the log once it has ended. */
  private final List<LogSink> sinks = new java.util.ArrayList<>(2);

  /** Once the main process has ended, what it wrote without a last newline is logged. */
  private void flushEnded() {
    if (mainProcess != null && mainProcess.finished() || exitCode != null) {
      sinks.forEach(LogSink::flush);
    }
  }

  @Override
  public String toString() {
    return config.namespace() + "/" + config.podName() + "/" + name() + " (" + image + ")";
  }
}
