package dev.kubesim.impl.program;

/**
 * Which shell runs a script, and so the words of its errors and their exit codes. Debian's {@code
 * /bin/sh} is dash, BusyBox's is ash; bash 5.1 and later say {@code line N:} where bash 4 does not.
 * Each message is the shell's own, prefixed with the shell's {@code $0} as invoked ({@code sh},
 * {@code /bin/sh}).
 */
public enum ShellDialect {
  DASH,
  ASH,
  BASH,
  /** bash before 5.1 (Debian jessie, Ubuntu trusty): no line numbers in {@code -c} errors. */
  BASH_4;

  private String where(String shell, int line) {
    return switch (this) {
      case DASH -> shell + ": " + line + ": ";
      case ASH, BASH_4 -> shell + ": ";
      case BASH -> shell + ": line " + line + ": ";
    };
  }

  private boolean bash() {
    return this == BASH || this == BASH_4;
  }

  /** A command name found nowhere in {@code PATH}; exit status 127. */
  public String notFound(String shell, int line, String name) {
    return where(shell, line) + name + (bash() ? ": command not found\n" : ": not found\n");
  }

  /** A command given as a path that does not exist; exit status 127. */
  public String noSuchFile(String shell, int line, String path) {
    return where(shell, line) + path + (bash() ? ": No such file or directory\n" : ": not found\n");
  }

  /** A path that exists but cannot be executed; exit status 126. */
  public String permissionDenied(String shell, int line, String path) {
    return where(shell, line) + path + ": Permission denied\n";
  }

  /** An output redirection that cannot open its file. */
  public String cannotCreate(String shell, int line, String path, Errno errno) {
    return switch (this) {
      case DASH -> where(shell, line) + "cannot create " + path + ": "
          + (errno == Errno.ENOENT ? "Directory nonexistent" : errno.message()) + "\n";
      case ASH -> shell + ": can't create " + path + ": "
          + (errno == Errno.ENOENT ? "nonexistent directory" : errno.message()) + "\n";
      case BASH, BASH_4 -> where(shell, line) + path + ": " + errno.message() + "\n";
    };
  }

  /** An input redirection from a file that cannot be opened. */
  public String cannotOpen(String shell, int line, String path, Errno errno) {
    return switch (this) {
      case DASH -> where(shell, line) + "cannot open " + path + ": "
          + (errno == Errno.ENOENT ? "No such file" : errno.message()) + "\n";
      case ASH -> shell + ": can't open '" + path + "': " + errno.message() + "\n";
      case BASH, BASH_4 -> where(shell, line) + path + ": " + errno.message() + "\n";
    };
  }

  /** The exit status of a failed redirection. */
  public int redirectionFailureStatus() {
    return this == DASH ? 2 : 1;
  }

  /** {@code cd} to a directory that does not exist. */
  public String cannotCd(String shell, int line, String path, Errno errno) {
    return switch (this) {
      case DASH -> where(shell, line) + "cd: can't cd to " + path + "\n";
      case ASH -> shell + ": cd: can't cd to " + path + ": " + errno.message() + "\n";
      case BASH, BASH_4 -> where(shell, line) + "cd: " + path + ": " + errno.message() + "\n";
    };
  }

  public int cdFailureStatus() {
    return bash() ? 1 : 2;
  }

  /** {@code exit} with a non-numeric argument; exit status 2. */
  public String illegalNumber(String shell, int line, String builtin, String value) {
    return bash()
        ? where(shell, line) + builtin + ": " + value + ": numeric argument required\n"
        : where(shell, line) + builtin + ": Illegal number: " + value + "\n";
  }

  /** A token where the grammar does not allow it; exit status 2. */
  public String unexpected(String shell, int line, String token) {
    return switch (this) {
      case DASH -> where(shell, line) + "Syntax error: \"" + token + "\" unexpected\n";
      case ASH -> shell + ": syntax error: unexpected \"" + token + "\"\n";
      case BASH, BASH_4 -> shell + ": -c: line " + line + ": syntax error near unexpected token `"
          + token + "'\n";
    };
  }

  /** The script ends in the middle of a construct; exit status 2. */
  public String unexpectedEnd(String shell, int line) {
    return switch (this) {
      case DASH -> where(shell, line) + "Syntax error: end of file unexpected\n";
      case ASH -> shell + ": syntax error: unexpected end of file\n";
      case BASH, BASH_4 -> shell + ": -c: line " + line + ": syntax error: unexpected end of file\n";
    };
  }

  /**
   * What a shell prints, how long it retries and what it exits with when {@code fork} fails with
   * {@code EAGAIN} (the container's pids limit is reached).
   */
  public record ForkFailure(String message, java.time.Duration retried, int status) {}

  /**
   * A failed fork: dash's {@code sh: 1: Cannot fork} and ash's {@code sh: can't fork: Resource
   * temporarily unavailable}, status 2; bash retries four times, sleeping 1, 2, 4 and 8 seconds
   * ({@code fork: retry: ...}), then gives up with status 254.
   *
   * @param arg0 the shell's {@code $0}: the script's path for {@code sh script}
   */
  public ForkFailure cannotFork(String arg0, int line) {
    String eagain = "Resource temporarily unavailable";
    return switch (this) {
      case DASH -> new ForkFailure(arg0 + ": " + line + ": Cannot fork\n", java.time.Duration.ZERO, 2);
      case ASH -> new ForkFailure(arg0 + ": can't fork: " + eagain + "\n", java.time.Duration.ZERO, 2);
      case BASH, BASH_4 -> new ForkFailure(
          (arg0 + ": fork: retry: " + eagain + "\n").repeat(4) + arg0 + ": fork: " + eagain + "\n",
          java.time.Duration.ofSeconds(1 + 2 + 4 + 8), 254);
    };
  }

  /**
   * An arithmetic expression the shell rejects: dash's {@code sh: 1: arithmetic expression: division
   * by zero: "1/0"} (or {@code Illegal number: abc} for a variable's value), BusyBox ash's {@code sh:
   * divide by zero}, bash's {@code bash: line 1: 1/0: division by 0 (error token is "0")}.
   *
   * @param command the builtin that evaluated it ({@code let}, {@code ((}), or null for {@code $((...))}
   */
  String arithmeticError(String shell, int line, String command, ShellArithmetic.Failure failure) {
    return switch (this) {
      case DASH -> where(shell, line) + (failure.kind == ShellArithmetic.Kind.ILLEGAL_NUMBER
          ? "Illegal number: " + failure.expression
          : "arithmetic expression: " + failure.reason + ": \"" + failure.expression + "\"") + "\n";
      case ASH -> shell + ": " + failure.reason + "\n";
      case BASH, BASH_4 -> where(shell, line) + (command == null ? "" : command + ": ") + failure.expression
          + ": " + failure.reason + " (error token is \"" + failure.token + "\")\n";
    };
  }

  /**
   * The status an arithmetic error leaves: dash and ash exit (2) when not interactive; bash sets 1
   * and abandons the command line it was running.
   */
  int arithmeticErrorStatus() {
    return bash() ? 1 : 2;
  }

  /** Whether an arithmetic error in an expansion ends a shell that is not interactive (dash, ash). */
  boolean arithmeticErrorExits() {
    return !bash();
  }

  /** {@code let} without an expression; status 1. */
  String expressionExpected(String shell, int line, String builtin) {
    return where(shell, line) + builtin + ": expression expected\n";
  }

  /** bash's {@code (( ))} command; BusyBox ash and dash read {@code ((} as two subshells. */
  boolean arithmeticCommand() {
    return bash();
  }

  /**
   * bash's {@code [[ ]]} conditional command, which BusyBox ash also runs (its bash compatibility);
   * to dash {@code [[} is a command name like any other, found nowhere.
   */
  boolean conditionalCommand() {
    return this != DASH;
  }

  /** {@code let}: bash's and BusyBox ash's builtin; dash has none. */
  boolean hasLet() {
    return this != DASH;
  }

  /** A quote that is never closed; exit status 2. */
  public String unterminatedQuote(String shell, int line, char quote) {
    return switch (this) {
      case DASH -> where(shell, line) + "Syntax error: Unterminated quoted string\n";
      case ASH -> shell + ": syntax error: unterminated quoted string\n";
      case BASH, BASH_4 -> shell + ": -c: line " + line
          + ": unexpected EOF while looking for matching `" + quote + "'\n";
    };
  }
}
