package dev.kubesim.impl.program;

import dev.kubesim.impl.program.commands.Cat;
import dev.kubesim.impl.program.commands.Chmod;
import dev.kubesim.impl.program.commands.Echo;
import dev.kubesim.impl.program.commands.Env;
import dev.kubesim.impl.program.commands.ExitStatus;
import dev.kubesim.impl.program.commands.Grep;
import dev.kubesim.impl.program.commands.Hostname;
import dev.kubesim.impl.program.commands.Ls;
import dev.kubesim.impl.program.commands.Mkdir;
import dev.kubesim.impl.program.commands.Printenv;
import dev.kubesim.impl.program.commands.Pwd;
import dev.kubesim.impl.program.commands.Rm;
import dev.kubesim.impl.program.commands.Sleep;
import dev.kubesim.impl.program.commands.Test;
import dev.kubesim.impl.program.commands.Touch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The commands the simulator can run, by executable name. A container runs a command when its
 * files hold an executable of that name in a {@code PATH} directory (its image decides which); the
 * registry decides what the command does. Networking adds {@code curl}, {@code wget}, {@code ping},
 * {@code nslookup}, {@code dig} by {@link #register registering} them.
 *
 * <p>One registry serves one cluster; it is not synchronised (the engine has one thread).
 */
public final class CommandRegistry {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  /** An empty registry: no container can run anything. */
  private long version;

  public CommandRegistry() {}

  /** The basic commands: shells, coreutils (with the text filters sort, head, tail, wc, cut, tr, uniq, sed, and xargs), grep and awk. */
  public static CommandRegistry withBuiltins() {
    CommandRegistry r = new CommandRegistry();
    ShCommand sh = new ShCommand();
    r.register("sh", sh);
    r.register("dash", sh);
    r.register("ash", sh);
    r.register("bash", sh);
    r.register("ls", new Ls());
    r.register("cat", new Cat());
    r.register("touch", new Touch());
    r.register("rm", new Rm());
    r.register("mkdir", new Mkdir());
    r.register("tar", new dev.kubesim.impl.program.commands.Tar());
    r.register("echo", new Echo());
    r.register("printf", new dev.kubesim.impl.program.commands.Printf());
    r.register("env", new Env());
    r.register("printenv", new Printenv());
    r.register("hostname", new Hostname());
    r.register("sleep", new Sleep());
    r.register("true", new ExitStatus(0));
    r.register("false", new ExitStatus(1));
    r.register("pwd", new Pwd());
    Test test = new Test();
    r.register("test", test);
    r.register("[", test);
    r.register("grep", new Grep());
    r.register("chmod", new Chmod());
    r.register("seq", new dev.kubesim.impl.program.commands.Seq());
    r.register("awk", new dev.kubesim.impl.program.commands.Awk());
    r.register("sort", new dev.kubesim.impl.program.commands.Sort());
    r.register("head", dev.kubesim.impl.program.commands.HeadTail.head());
    r.register("tail", dev.kubesim.impl.program.commands.HeadTail.tail());
    r.register("wc", new dev.kubesim.impl.program.commands.Wc());
    r.register("cut", new dev.kubesim.impl.program.commands.Cut());
    r.register("tr", new dev.kubesim.impl.program.commands.Tr());
    r.register("uniq", new dev.kubesim.impl.program.commands.Uniq());
    r.register("sed", new dev.kubesim.impl.program.commands.Sed());
    r.register("xargs", new dev.kubesim.impl.program.commands.Xargs());
    r.register("which", new dev.kubesim.impl.program.commands.Which());
    r.register("date", new dev.kubesim.impl.program.commands.Date());
    dev.kubesim.impl.program.commands.Python python = new dev.kubesim.impl.program.commands.Python();
    r.register("python3", python);
    r.register("python", python);
    return r;
  }

  /** Adds or replaces the command run for an executable name. */
  public CommandRegistry register(String name, Command command) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("a command name is a file name, not \"" + name + "\"");
    }
    commands.put(name, Objects.requireNonNull(command, "command"));
    version++;
    return this;
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
    return Optional.ofNullable(commands.get(name));
  }

  /** The registered names, in registration order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(commands.keySet());
  }
}
