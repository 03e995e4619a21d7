package dev.kubesim.impl.kubectl;

import java.util.List;

/**
 * A real kubectl command that kubesim does not run yet. It accepts any arguments and says so
 * clearly instead of printing a made-up result.
 */
final class UnsupportedCommand implements Command {
  private final String name;

  UnsupportedCommand(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Flag> flags() {
    return List.of();
  }

  @Override
  public boolean parsesFlags() {
    return false;
  }

  @Override
  public void run(CommandContext ctx) {
    throw KubectlException.error("kubectl " + name + " is not supported by this simulator yet");
  }
}
