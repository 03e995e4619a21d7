package dev.kubesim.impl.program;

import java.util.List;

/** The parsed form of a script: lists of and-or chains of pipelines of commands. */
final class ShellAst {
  private ShellAst() {}

  /** Commands run one after another ({@code ;}, {@code &} and newlines separate them). */
  record Script(List<AndOr> items) {}

  /**
   * Pipelines joined by {@code &&} / {@code ||}; {@code operators.get(i)} follows pipeline i.
   *
   * @param background the chain ended with {@code &}: an asynchronous list
   */
  record AndOr(List<Pipeline> pipelines, List<String> operators, boolean background) {}

  /** Commands joined by {@code |}, optionally negated with {@code !}. */
  record Pipeline(boolean negated, List<Command> commands) {}

  /** One command of a pipeline. */
  sealed interface Command permits Simple, Subshell, Group, If, For, While, Arith, ArithFor, Case, FunctionDef,
      Conditional {
    List<Redirect> redirects();

    int line();
  }

  /**
   * {@code NAME=value... word... } with redirections anywhere.
   *
   * @param assignments {@code NAME=value} words before the command name, unexpanded
   * @param words the command name and its arguments, unexpanded
   */
  record Simple(List<String> assignments, List<String> words, List<Redirect> redirects, int line)
      implements Command {}

  /** {@code ( list )}: runs in a copy of the shell. */
  record Subshell(Script body, List<Redirect> redirects, int line) implements Command {}

  /** {@code { list; }}: runs in the shell itself. */
  record Group(Script body, List<Redirect> redirects, int line) implements Command {}

  /**
   * {@code if c1; then b1; elif c2; then b2; else e; fi}: {@code conditions.get(i)} guards {@code
   * bodies.get(i)}; {@code otherwise} is empty without {@code else}.
   */
  record If(List<Script> conditions, List<Script> bodies, Script otherwise, List<Redirect> redirects, int line)
      implements Command {}

  /** {@code for name in words; do body; done}; {@code words} is null without {@code in} (the positional parameters). */
  record For(String name, List<String> words, Script body, List<Redirect> redirects, int line) implements Command {}

  /** {@code while condition; do body; done}, or {@code until} when {@code until}. */
  record While(Script condition, Script body, boolean until, List<Redirect> redirects, int line) implements Command {}

  /** bash's {@code (( expression ))}: status 0 when the expression's value is not zero, else 1. */
  record Arith(String expression, List<Redirect> redirects, int line) implements Command {}

  /**
   * bash's {@code for (( init; condition; step )); do body; done}: an empty condition is true.
   */
  record ArithFor(String init, String condition, String step, Script body, List<Redirect> redirects, int line)
      implements Command {}

  /**
   * {@code case WORD in PATTERN|PATTERN) LIST ;; ... esac}: the first item one of whose patterns
   * matches the word runs.
   *
   * @param patterns each item's patterns, unexpanded
   * @param bodies each item's list
   */
  record Case(String word, List<List<String>> patterns, List<Script> bodies, List<Redirect> redirects, int line)
      implements Command {}

  /**
   * bash's {@code [[ expression ]]}: the words between the brackets, unexpanded, with the operators
   * the lexer split off ({@code &&}, {@code ||}, {@code (}, {@code )}, {@code <}, {@code >}) as
   * their own words; see {@link ShellConditional}.
   */
  record Conditional(List<String> words, List<Redirect> redirects, int line) implements Command {}

  /**
   * {@code NAME() COMMAND}: defines a function; running the definition stores it.
   *
   * @param body the compound command the function runs
   */
  record FunctionDef(String name, Command body, List<Redirect> redirects, int line) implements Command {}

  /**
   * A redirection: {@code fd op target}, e.g. {@code 2>&1} is (2, ">&", "1"); for a here-document
   * ({@code <<}, {@code <<-}) the target is its body.
   *
   * @param fd the descriptor, or -1 for the operator's default (0 for input, 1 for output)
   * @param literal a here-document's body is taken as it is (its delimiter was quoted)
   */
  record Redirect(int fd, String operator, String target, boolean literal) {
    int descriptor() {
      if (fd >= 0) {
        return fd;
      }
      return operator.startsWith("<") ? 0 : 1;
    }
  }
}
