package dev.kubesim.impl.kubectl;

import java.util.List;

/** One kubectl command ({@code get}, {@code apply}, ...): its name, its flags and what it does. */
interface Command {
  /** The word that selects the command. */
  String name();

  /** The command's own flags; the global ones ({@code -n}) are added by the dispatcher. */
  List<Flag> flags();

  /** Whether the dispatcher parses the words after the command name as flags (true for all but placeholders). */
  default boolean parsesFlags() {
    return true;
  }

  /** Runs the command; output goes to the context, failures are thrown or written there. */
  void run(CommandContext ctx);
}
