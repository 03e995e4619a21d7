package dev.kubesim.impl.program;

/**
 * One token of a shell script. A word keeps its source text with quotes and expansions untouched;
 * {@link WordExpander} interprets them when the command runs.
 */
record ShellToken(Type type, String text, int line) {
  enum Type {
    WORD,
    /** The digits before a redirection operator, as in {@code 2>}. */
    IO_NUMBER,
    OPERATOR,
    NEWLINE,
    END,
    /** bash's {@code (( expression ))} command; the text is the expression. */
    ARITH,
    /**
     * A here-document's body, in place of the delimiter word after {@code <<}: expanded as the
     * shells expand here-documents (the delimiter was unquoted).
     */
    HEREDOC,
    /** A here-document's body taken as it is (the delimiter was quoted: {@code <<'EOF'}). */
    HEREDOC_LITERAL
  }

  boolean isOperator(String op) {
    return type == Type.OPERATOR && text.equals(op);
  }

  boolean isWord(String word) {
    return type == Type.WORD && text.equals(word);
  }

  boolean isRedirection() {
    return type == Type.OPERATOR
        && (text.equals("<") || text.equals(">") || text.equals(">>") || text.equals(">|")
            || text.equals("<&") || text.equals(">&") || text.equals("<>") || text.equals("<<")
            || text.equals("<<-"));
  }

  /** How the shells name this token in a syntax error. */
  String display() {
    return switch (type) {
      case NEWLINE -> "newline";
      case END -> "end of file";
      default -> text;
    };
  }
}
