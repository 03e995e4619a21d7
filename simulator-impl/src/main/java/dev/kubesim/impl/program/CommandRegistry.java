package dev.kubesim.impl.program;

import dev.kubesim.impl.program.commands.Awk;
import dev.kubesim.impl.program.commands.Base64Command;
import dev.kubesim.impl.program.commands.Cat;
import dev.kubesim.impl.program.commands.Chmod;
import dev.kubesim.impl.program.commands.Cut;
import dev.kubesim.impl.program.commands.Date;
import dev.kubesim.impl.program.commands.Echo;
import dev.kubesim.impl.program.commands.Env;
import dev.kubesim.impl.program.commands.ExitStatus;
import dev.kubesim.impl.program.commands.Expr;
import dev.kubesim.impl.program.commands.Grep;
import dev.kubesim.impl.program.commands.HeadTail;
import dev.kubesim.impl.program.commands.Hostname;
import dev.kubesim.impl.program.commands.Identity;
import dev.kubesim.impl.program.commands.Ip;
import dev.kubesim.impl.program.commands.Ls;
import dev.kubesim.impl.program.commands.Mkdir;
import dev.kubesim.impl.program.commands.PathNames;
import dev.kubesim.impl.program.commands.Perl;
import dev.kubesim.impl.program.commands.Printenv;
import dev.kubesim.impl.program.commands.Ps;
import dev.kubesim.impl.program.commands.Printf;
import dev.kubesim.impl.program.commands.Pwd;
import dev.kubesim.impl.program.commands.Python;
import dev.kubesim.impl.program.commands.Rev;
import dev.kubesim.impl.program.commands.Rm;
import dev.kubesim.impl.program.commands.Sed;
import dev.kubesim.impl.program.commands.Seq;
import dev.kubesim.impl.program.commands.Sleep;
import dev.kubesim.impl.program.commands.Sort;
import dev.kubesim.impl.program.commands.Tar;
import dev.kubesim.impl.program.commands.Tee;
import dev.kubesim.impl.program.commands.Test;
import dev.kubesim.impl.program.commands.Touch;
import dev.kubesim.impl.program.commands.Tr;
import dev.kubesim.impl.program.commands.Uniq;
import dev.kubesim.impl.program.commands.Wc;
import dev.kubesim.impl.program.commands.Which;
import dev.kubesim.impl.program.commands.Xargs;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The commands the simulator can run, by executable name. A container runs a command when its
 * files hold an executable of that name in a {@code PATH} directory (its image decides which); the
 * registry decides what the command does. Networking adds {@code curl}, {@code wget}, {@code ping},
 * {@code nslookup}, {@code dig} by {@link #register registering} them.
 *
 * <p>One registry serves one cluster; it is not synchronised (the engine has one thread).
 */
public final class CommandRegistry {
  /** The commands by name, in registration order; {@code null} for one not made yet. */
  private final Map<String, Command> commands = new LinkedHashMap<>();
  /** How to make the commands registered lazily, by name. */
  private final Map<String, Function<String, Command>> makers = new HashMap<>();

  /** Bumped by every registration (see {@link #version}). */
  private long version;

  /** An empty registry: no container can run anything. */
  public CommandRegistry() {}

  /** The basic commands' names, in the order {@link #names} lists them. */
  private static final List<String> BUILTINS = List.of("sh", "dash", "ash", "bash", "ls", "cat", "touch", "rm", "mkdir",
      "tar", "echo", "printf", "env", "printenv", "hostname", "sleep", "true", "false", "pwd", "test", "[", "grep",
      "chmod", "seq", "awk", "sort", "head", "tail", "wc", "cut", "tr", "uniq", "sed", "xargs", "which", "date",
      "base64", "tee", "rev", "basename", "dirname", "id", "whoami", "uname", "expr", "ps", "ip", "python3", "python", "perl");

  /** The basic commands: shells, coreutils (with the text filters sort, head, tail, wc, cut, tr, uniq, sed, and xargs), grep and awk. */
  public static CommandRegistry withBuiltins() {
    return new CommandRegistry().registerLazily(BUILTINS, CommandRegistry::builtin);
  }

  private static Command builtin(String name) {
    switch (name) {
      case "sh", "dash", "ash", "bash":
        return new ShCommand();
      case "ls":
        return new Ls();
      case "cat":
        return new Cat();
      case "touch":
        return new Touch();
      case "rm":
        return new Rm();
      case "mkdir":
        return new Mkdir();
      case "tar":
        return new Tar();
      case "echo":
        return new Echo();
      case "printf":
        return new Printf();
      case "env":
        return new Env();
      case "printenv":
        return new Printenv();
      case "hostname":
        return new Hostname();
      case "sleep":
        return new Sleep();
      case "true":
        return new ExitStatus(0);
      case "false":
        return new ExitStatus(1);
      case "pwd":
        return new Pwd();
      case "test", "[":
        return new Test();
      case "grep":
        return new Grep();
      case "chmod":
        return new Chmod();
      case "seq":
        return new Seq();
      case "awk":
        return new Awk();
      case "sort":
        return new Sort();
      case "head":
        return HeadTail.head();
      case "tail":
        return HeadTail.tail();
      case "wc":
        return new Wc();
      case "cut":
        return new Cut();
      case "tr":
        return new Tr();
      case "uniq":
        return new Uniq();
      case "sed":
        return new Sed();
      case "xargs":
        return new Xargs();
      case "which":
        return new Which();
      case "date":
        return new Date();
      case "base64":
        return new Base64Command();
      case "tee":
        return new Tee();
      case "rev":
        return new Rev();
      case "basename":
        return PathNames.basename();
      case "dirname":
        return PathNames.dirname();
      case "id", "whoami", "uname":
        return new Identity(name);
      case "python3", "python":
        return new Python();
      case "perl":
        return new Perl();
      case "expr":
        return new Expr();
      case "ps":
        return new Ps();
      case "ip":
        return new Ip();
      default:
        throw new IllegalArgumentException("no built-in command " + name);
    }
  }

  /** Adds or replaces the command run for an executable name. */
  public CommandRegistry register(String name, Command command) {
    checkName(name);
    commands.put(name, Objects.requireNonNull(command, "command"));
    makers.remove(name);
    version++;
    return this;
  }

  /**
   * Registers commands that are made at their first lookup, each by {@code maker} from its name: a
   * cluster then creates only the commands its containers run.
   */
  public CommandRegistry registerLazily(List<String> names, Function<String, Command> maker) {
    Objects.requireNonNull(maker, "maker");
    for (String name : names) {
      checkName(name);
      commands.put(name, null);
      makers.put(name, maker);
    }
    version++;
    return this;
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("a command name is a file name, not \"" + name + "\"");
    }
  }

  private long sealedVersion = -1;

  /** Marks the commands registered so far as kubesim's own. */
  public void sealBuiltins() {
    sealedVersion = version;
  }

  /** Whether commands were registered after {@link #sealBuiltins}: the user's, whose effects kubesim cannot foresee. */
  public boolean hasUserCommands() {
    return sealedVersion >= 0 && version != sealedVersion;
  }

  /** A number that changes with every registration, so that cached PATH lookups know to look again. */
  public long version() {
    return version;
  }

  public Optional<Command> lookup(String name) {
    Command command = commands.get(name);
    if (command == null && makers.containsKey(name)) {
      command = makers.remove(name).apply(name);
      commands.put(name, command); // the name keeps its place
    }
    return Optional.ofNullable(command);
  }

  /** The registered names, in registration order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(commands.keySet());
  }
}
