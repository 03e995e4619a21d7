package dev.kubesim.impl.program;

/** A script the shell cannot parse; carries what the shell would print and exit with. */
final class ShellSyntaxException extends Exception {
  enum Kind {
    UNEXPECTED_TOKEN,
    UNEXPECTED_END,
    UNTERMINATED_QUOTE,
    /** A construct kubesim's shell does not run ({@code select}). */
    UNSUPPORTED,
    /**
     * Nesting deeper than the parser's stack: bash's parser stack overflows into {@code syntax
     * error near unexpected token `('}; dash and ash recurse until the process dies of {@code
     * SIGSEGV}, silently.
     */
    TOO_DEEP
  }

  private final Kind kind;
  private final String token;
  private final int line;

  ShellSyntaxException(Kind kind, String token, int line) {
    super(kind + " " + token + " at line " + line);
    this.kind = kind;
    this.token = token;
    this.line = line;
  }

  /** What kind of error this is. */
  Kind kind() {
    return kind;
  }

  /** The shell's message for this error, as its dialect words it. */
  String message(ShellDialect dialect, String shell) {
    return switch (kind) {
      case UNEXPECTED_TOKEN -> dialect.unexpected(shell, line, token);
      case UNEXPECTED_END -> dialect.unexpectedEnd(shell, line);
      case UNTERMINATED_QUOTE -> dialect.unterminatedQuote(shell, line, token.charAt(0));
      case UNSUPPORTED -> shell + ": " + line + ": " + token
          + ": not supported by the kubesim shell (no select)\n";
      case TOO_DEEP -> crashes(dialect) ? "" : dialect.unexpected(shell, line, token);
    };
  }

  /** The exit status a syntax error ends the shell with. */
  int status(ShellDialect dialect) {
    return kind == Kind.TOO_DEEP && crashes(dialect) ? RunningContainer.SEGFAULT_STATUS : 2;
  }

  private static boolean crashes(ShellDialect dialect) {
    return dialect == ShellDialect.DASH || dialect == ShellDialect.ASH;
  }
}
