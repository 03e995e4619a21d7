package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a command name resolves to in a container, as {@code execvp} finds it: a name without
 * {@code /} is searched in {@code PATH}, a path is taken as is. An executable file named like a
 * registered {@link Command} runs that command; an executable file starting with {@code #!} runs
 * through the named shell; anything else cannot be executed.
 */
public sealed interface Executable {
  /** The search path used when the environment has no {@code PATH} (as dash and runc use). */
  String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** A registered command behind an executable file. */
  record Program(String path, Command command) implements Executable {}

  /** A {@code #!} script and the shell named on its first line. */
  record Script(String path, String interpreter) implements Executable {}

  /** A name without {@code /} that no {@code PATH} directory holds. */
  record NotFound(String name) implements Executable {}

  /** A path that does not exist. */
  record NoSuchFile(String path) implements Executable {}

  /** A path that exists but is not executable (a directory, a plain file). */
  record PermissionDenied(String path) implements Executable {}

  /** An executable the image has but the simulator does not implement (e.g. before curl exists). */
  record NotSimulated(String name, String path) implements Executable {}

  /**
   * What the stand-in of a program an unknown image is taken to have runs ({@link
   * RunningContainer#isStandIn}): nothing, successfully.
   */
  Command STAND_IN = (args, ctx) -> ExecResult.ok("");

  /** Whether this can be run. */
  default boolean runnable() {
    return this instanceof Program || this instanceof Script;
  }

  /** Resolves a command name in a container. */
  static Executable find(RunningContainer container, String name, Map<String, String> env, String cwd) {
    ContainerFilesystem fs = container.filesystem();
    if (name.contains("/")) {
      String path = FsPaths.resolve(cwd, name);
      if (!fs.exists(path)) {
        return new NoSuchFile(name);
      }
      Executable e = classify(container, path);
      return e == null ? new PermissionDenied(name) : e;
    }
    if (name.isEmpty()) {
      return new NotFound(name);
    }
    Executable denied = null;
    for (String dir : env.getOrDefault("PATH", DEFAULT_PATH).split(":", -1)) {
      String path = FsPaths.resolve(cwd, (dir.isEmpty() ? "." : dir) + "/" + name);
      if (!fs.exists(path)) {
        continue;
      }
      Executable e = classify(container, path);
      if (e != null) {
        return e;
      }
      if (denied == null) {
        denied = new PermissionDenied(name);
      }
    }
    return denied != null ? denied : new NotFound(name);
  }

  /** What an existing path runs as, or null where it cannot be executed. */
  private static Executable classify(RunningContainer container, String path) {
    ContainerFilesystem.Stat stat;
    try {
      stat = container.filesystem().stat(path);
    } catch (FsException e) {
      return null;
    }
    if (stat.kind() != ContainerFilesystem.Kind.FILE || !stat.executable()) {
      return null;
    }
    String content = container.filesystem().readIfFile(path).orElse("");
    if (content.startsWith("#!")) {
      int end = content.indexOf('\n');
      String line = content.substring(2, end < 0 ? content.length() : end).trim();
      List<String> words = new ArrayList<>(List.of(line.split("\\s+")));
      if (words.size() > 1 && FsPaths.basename(words.get(0)).equals("env")) {
        words.remove(0);
      }
      return new Script(path, words.isEmpty() ? "/bin/sh" : words.get(0));
    }
    if (content.isEmpty() && container.isStandIn(path)) {
      return new Program(path, STAND_IN);
    }
    String name = FsPaths.basename(path);
    return container
        .commands()
        .lookup(name)
        .<Executable>map(command -> new Program(path, command))
        .orElse(new NotSimulated(name, path));
  }

  /**
   * Runs this executable as a new process.
   *
   * @param argv the command line; {@code argv.get(0)} is the name as invoked
   */
  default ExecResult run(RunningContainer container, List<String> argv, Map<String, String> env,
      String cwd, String stdin) {
    if (this instanceof Program p) {
      ExecContext ctx = new ExecContext(container, argv.get(0), env, cwd, stdin, null);
      return p.command().run(argv.subList(1, argv.size()), ctx);
    }
    if (this instanceof Script s) {
      List<String> shArgv = new ArrayList<>();
      shArgv.add(s.interpreter());
      shArgv.add(s.path());
      shArgv.addAll(argv.subList(1, argv.size()));
      Executable shell = find(container, s.interpreter(), env, cwd);
      if (!(shell instanceof Program)) {
        return ExecResult.failure(127, s.path() + ": " + s.interpreter() + ": bad interpreter\n");
      }
      return shell.run(container, shArgv, env, cwd, stdin);
    }
    throw new IllegalArgumentException("not runnable: " + this);
  }
}
