package dev.kubesim.impl.program;

import dev.kubesim.impl.program.ShellAst.AndOr;
import dev.kubesim.impl.program.ShellAst.Command;
import dev.kubesim.impl.program.ShellAst.Group;
import dev.kubesim.impl.program.ShellAst.Pipeline;
import dev.kubesim.impl.program.ShellAst.Redirect;
import dev.kubesim.impl.program.ShellAst.Script;
import dev.kubesim.impl.program.ShellAst.Simple;
import dev.kubesim.impl.program.ShellAst.Subshell;
import dev.kubesim.impl.program.ShellToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the part of the POSIX shell grammar kubesim runs: simple commands
 * with assignments and redirections, pipelines, {@code &&}/{@code ||}, {@code ;}/{@code &}/newline
 * lists, {@code ( )} subshells, {@code { }} groups, {@code if}, {@code for}, {@code while} and
 * {@code until}, bash's {@code (( ))} arithmetic command, here-documents ({@code <<}, {@code <<-}), {@code case}, function definitions and bash's (and ash's) {@code [[ ]]}. {@code select} is reported as unsupported
 * rather than run wrongly.
 */
final class ShellParser {
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
  private static final Set<String> UNSUPPORTED_WORDS = Set.of("select");
  /** Reserved words that end the list before them. */
  private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "esac");

  /**
   * How deep {@code ( )} and {@code { }} may nest in one script. dash parses about 40,000 levels
   * before its stack runs out, bash's parser about 5,000; kubesim's parser runs on the caller's
   * stack and stops sooner.
   */
  static final int MAX_NESTING = 200;

  private final List<ShellToken> tokens;
  /** Whether {@code [[} starts bash's conditional command. */
  private final boolean conditionals;
  private int pos;
  private int depth;

  private ShellParser(List<ShellToken> tokens, boolean conditionals) {
    this.tokens = tokens;
    this.conditionals = conditionals;
  }

  static Script parse(String script) throws ShellSyntaxException {
    return parse(script, ShellDialect.DASH);
  }

  /** Parses a script as the dialect's shell reads it (bash's {@code ((...))} is a command). */
  static Script parse(String script, ShellDialect dialect) throws ShellSyntaxException {
    ShellParser parser = new ShellParser(ShellLexer.tokenize(script, dialect.arithmeticCommand()),
        dialect.conditionalCommand());
    Script result = parser.script();
    ShellToken next = parser.peek();
    if (next.type() != Type.END) {
      throw unexpected(next);
    }
    return result;
  }

  /**
   * Whether a script read from a terminal is unfinished, so that an interactive shell reads the
   * next line into it (bash's {@code > } prompt): an open quote, a here-document without its
   * delimiter line, a line ending in {@code \}, or a construct not yet closed ({@code for ... do}
   * without {@code done}, a trailing {@code |} or {@code &&}).
   */
  static boolean unfinished(String script, ShellDialect dialect) {
    int backslashes = 0;
    for (int i = script.length() - 1; i >= 0 && script.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return true;
    }
    try {
      if (ShellLexer.heredocUnterminated(script, dialect.arithmeticCommand())) {
        return true;
      }
      parse(script, dialect);
      return false;
    } catch (ShellSyntaxException e) {
      return e.kind() == ShellSyntaxException.Kind.UNEXPECTED_END || e.kind() == ShellSyntaxException.Kind.UNTERMINATED_QUOTE;
    }
  }

  private ShellToken peek() {
    return tokens.get(pos);
  }

  private ShellToken next() {
    return tokens.get(pos++);
  }

  private static ShellSyntaxException unexpected(ShellToken token) {
    if (token.type() == Type.END) {
      return new ShellSyntaxException(ShellSyntaxException.Kind.UNEXPECTED_END, "", token.line());
    }
    return new ShellSyntaxException(
        ShellSyntaxException.Kind.UNEXPECTED_TOKEN, token.display(), token.line());
  }

  private void skipNewlines() {
    while (peek().type() == Type.NEWLINE) {
      pos++;
    }
  }

  /** A list of and-or chains, up to the end or a token that closes an enclosing construct. */
  private Script script() throws ShellSyntaxException {
    List<AndOr> items = new ArrayList<>();
    skipNewlines();
    while (startsCommand(peek())) {
      AndOr chain = andOr();
      ShellToken sep = peek();
      items.add(sep.isOperator("&") ? new AndOr(chain.pipelines(), chain.operators(), true) : chain);
      if (sep.isOperator(";") || sep.isOperator("&") || sep.type() == Type.NEWLINE) {
        pos++;
        skipNewlines();
      } else {
        break;
      }
    }
    return new Script(items);
  }

  private boolean startsCommand(ShellToken t) {
    if (t.type() == Type.WORD) {
      return !t.text().equals("}") && !CLOSERS.contains(t.text());
    }
    return t.type() == Type.IO_NUMBER || t.type() == Type.ARITH || t.isOperator("(") || t.isRedirection();
  }

  private AndOr andOr() throws ShellSyntaxException {
    List<Pipeline> pipelines = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    pipelines.add(pipeline());
    while (peek().isOperator("&&") || peek().isOperator("||")) {
      operators.add(next().text());
      skipNewlines();
      pipelines.add(pipeline());
    }
    return new AndOr(pipelines, operators, false);
  }

  private Pipeline pipeline() throws ShellSyntaxException {
    boolean negated = false;
    if (peek().isWord("!")) {
      pos++;
      negated = true;
    }
    List<Command> commands = new ArrayList<>();
    commands.add(command());
    while (peek().isOperator("|")) {
      pos++;
      skipNewlines();
      commands.add(command());
    }
    return new Pipeline(negated, commands);
  }

  private Command command() throws ShellSyntaxException {
    ShellToken t = peek();
    if ((t.isOperator("(") || t.isWord("{")) && depth >= MAX_NESTING) {
      throw new ShellSyntaxException(ShellSyntaxException.Kind.TOO_DEEP, t.text(), t.line());
    }
    if (t.type() == Type.ARITH) {
      pos++;
      return new ShellAst.Arith(t.text(), redirects(), t.line());
    }
    if (t.isOperator("(")) {
      pos++;
      depth++;
      Script body = script();
      depth--;
      expectOperator(")");
      if (body.items().isEmpty()) {
        throw unexpected(tokens.get(pos - 1));
      }
      return new Subshell(body, redirects(), t.line());
    }
    if (t.isWord("{")) {
      pos++;
      depth++;
      Script body = script();
      depth--;
      if (!peek().isWord("}")) {
        throw unexpected(peek());
      }
      pos++;
      return new Group(body, redirects(), t.line());
    }
    if ((t.isWord("if") || t.isWord("for") || t.isWord("while") || t.isWord("until")) && depth >= MAX_NESTING) {
      throw new ShellSyntaxException(ShellSyntaxException.Kind.TOO_DEEP, t.text(), t.line());
    }
    if (t.isWord("if")) {
      pos++;
      depth++;
      List<Script> conditions = new ArrayList<>();
      List<Script> bodies = new ArrayList<>();
      Script otherwise = new Script(List.of());
      conditions.add(nonEmpty());
      expectWord("then");
      bodies.add(nonEmpty());
      while (peek().isWord("elif")) {
        pos++;
        conditions.add(nonEmpty());
        expectWord("then");
        bodies.add(nonEmpty());
      }
      if (peek().isWord("else")) {
        pos++;
        otherwise = nonEmpty();
      }
      expectWord("fi");
      depth--;
      return new ShellAst.If(conditions, bodies, otherwise, redirects(), t.line());
    }
    if (t.isWord("while") || t.isWord("until")) {
      pos++;
      depth++;
      Script condition = nonEmpty();
      expectWord("do");
      Script body = nonEmpty();
      expectWord("done");
      depth--;
      return new ShellAst.While(condition, body, t.text().equals("until"), redirects(), t.line());
    }
    if (t.isWord("for") && tokens.get(pos + 1).type() == Type.ARITH) {
      return arithFor(t);
    }
    if (t.isWord("for")) {
      pos++;
      depth++;
      ShellToken name = next();
      if (name.type() != Type.WORD || !name.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw unexpected(name);
      }
      List<String> words = null;
      skipNewlines();
      if (peek().isWord("in")) {
        pos++;
        words = new ArrayList<>();
        while (peek().type() == Type.WORD) {
          words.add(next().text());
        }
        if (peek().isOperator(";") || peek().type() == Type.NEWLINE) {
          pos++;
        } else {
          throw unexpected(peek());
        }
      } else if (peek().isOperator(";")) {
        pos++;
      }
      skipNewlines();
      expectWord("do");
      Script body = nonEmpty();
      expectWord("done");
      depth--;
      return new ShellAst.For(name.text(), words, body, redirects(), t.line());
    }
    if (t.isWord("case")) {
      return caseCommand(t);
    }
    if (t.isWord("function") && tokens.get(pos + 1).type() == Type.WORD) {
      // bash's "function NAME [()] COMPOUND"
      pos++;
      String name = next().text();
      if (peek().isOperator("(") && tokens.get(pos + 1).isOperator(")")) {
        pos += 2;
      }
      return functionBody(name, t);
    }
    if (t.type() == Type.WORD && NAME.matcher(t.text()).matches() && tokens.get(pos + 1).isOperator("(")
        && tokens.get(pos + 2).isOperator(")")) {
      pos += 3;
      return functionBody(t.text(), t);
    }
    if (t.type() == Type.WORD && CLOSERS.contains(t.text())) {
      throw unexpected(t);
    }
    if (t.isWord("[[") && conditionals) {
      return conditional(t);
    }
    if (t.type() == Type.WORD && UNSUPPORTED_WORDS.contains(t.text())) {
      throw new ShellSyntaxException(ShellSyntaxException.Kind.UNSUPPORTED, t.text(), t.line());
    }
    return simple();
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** bash's {@code [[ ... ]]}: its words up to {@code ]]}, newlines allowed between them. */
  private Command conditional(ShellToken t) throws ShellSyntaxException {
    pos++;
    List<String> words = new ArrayList<>();
    while (!peek().isWord("]]")) {
      ShellToken w = next();
      if (w.type() == Type.NEWLINE) {
        continue;
      }
      if (w.type() == Type.END || w.type() == Type.ARITH || w.type() == Type.HEREDOC || w.type() == Type.HEREDOC_LITERAL
          || w.isOperator(";") || w.isOperator(";;") || w.isOperator("&") || w.isOperator("|")
          && !words.contains("=~")) {
        throw unexpected(w);
      }
      words.add(w.text());
    }
    pos++;
    if (words.isEmpty()) {
      throw unexpected(tokens.get(pos - 1));
    }
    return new ShellAst.Conditional(words, redirects(), t.line());
  }

  /** {@code case WORD in [(]PATTERN[|PATTERN]...) LIST ;; ... esac}. */
  private Command caseCommand(ShellToken t) throws ShellSyntaxException {
    if (depth >= MAX_NESTING) {
      throw new ShellSyntaxException(ShellSyntaxException.Kind.TOO_DEEP, t.text(), t.line());
    }
    pos++;
    depth++;
    ShellToken word = next();
    if (word.type() != Type.WORD) {
      throw unexpected(word);
    }
    skipNewlines();
    expectWord("in");
    skipNewlines();
    List<List<String>> patterns = new ArrayList<>();
    List<Script> bodies = new ArrayList<>();
    while (!peek().isWord("esac")) {
      if (peek().isOperator("(")) {
        pos++;
      }
      List<String> item = new ArrayList<>();
      ShellToken p = next();
      if (p.type() != Type.WORD) {
        throw unexpected(p);
      }
      item.add(p.text());
      while (peek().isOperator("|")) {
        pos++;
        ShellToken more = next();
        if (more.type() != Type.WORD) {
          throw unexpected(more);
        }
        item.add(more.text());
      }
      expectOperator(")");
      patterns.add(item);
      bodies.add(script());
      if (peek().isOperator(";;")) {
        pos++;
        skipNewlines();
      } else if (!peek().isWord("esac")) {
        throw unexpected(peek());
      }
    }
    pos++;
    depth--;
    return new ShellAst.Case(word.text(), patterns, bodies, redirects(), t.line());
  }

  /** A function's body: a compound command ({@code { ...; }}, {@code ( ... )}, {@code if}...), after its name. */
  private Command functionBody(String name, ShellToken t) throws ShellSyntaxException {
    skipNewlines();
    ShellToken start = peek();
    boolean compound = start.isWord("{") || start.isOperator("(") || start.isWord("if") || start.isWord("for")
        || start.isWord("while") || start.isWord("until") || start.isWord("case");
    if (!compound) {
      throw unexpected(start);
    }
    Command body = command();
    return new ShellAst.FunctionDef(name, body, List.of(), t.line());
  }

  /** bash's {@code for ((init; condition; step))}, after its {@code for}. */
  private Command arithFor(ShellToken t) throws ShellSyntaxException {
    pos++;
    ShellToken header = next();
    String[] parts = header.text().split(";", -1);
    if (parts.length != 3) {
      throw unexpected(header);
    }
    depth++;
    if (peek().isOperator(";")) {
      pos++;
    }
    skipNewlines();
    expectWord("do");
    Script body = nonEmpty();
    expectWord("done");
    depth--;
    return new ShellAst.ArithFor(parts[0], parts[1], parts[2], body, redirects(), t.line());
  }

  /** A list that must have a command: {@code if} and loops take no empty part. */
  private Script nonEmpty() throws ShellSyntaxException {
    Script body = script();
    if (body.items().isEmpty()) {
      throw unexpected(peek());
    }
    return body;
  }

  private void expectWord(String word) throws ShellSyntaxException {
    if (!peek().isWord(word)) {
      throw unexpected(peek());
    }
    pos++;
  }

  private void expectOperator(String op) throws ShellSyntaxException {
    if (!peek().isOperator(op)) {
      throw unexpected(peek());
    }
    pos++;
  }

  private List<Redirect> redirects() throws ShellSyntaxException {
    List<Redirect> out = new ArrayList<>();
    while (peek().isRedirection() || peek().type() == Type.IO_NUMBER) {
      out.add(redirect());
    }
    return out;
  }

  private Redirect redirect() throws ShellSyntaxException {
    int fd = -1;
    if (peek().type() == Type.IO_NUMBER) {
      fd = Integer.parseInt(next().text());
    }
    ShellToken op = next();
    if (!op.isRedirection()) {
      throw unexpected(op);
    }
    ShellToken target = next();
    if (op.text().startsWith("<<")) {
      if (target.type() != Type.HEREDOC && target.type() != Type.HEREDOC_LITERAL) {
        throw unexpected(target);
      }
      return new Redirect(fd, op.text(), target.text(), target.type() == Type.HEREDOC_LITERAL);
    }
    if (target.type() != Type.WORD) {
      throw unexpected(target);
    }
    return new Redirect(fd, op.text(), target.text(), false);
  }

  private Simple simple() throws ShellSyntaxException {
    int line = peek().line();
    List<String> assignments = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      ShellToken t = peek();
      if (t.isRedirection() || t.type() == Type.IO_NUMBER) {
        redirects.add(redirect());
      } else if (t.type() == Type.WORD) {
        pos++;
        if (words.isEmpty() && ASSIGNMENT.matcher(t.text()).matches()) {
          assignments.add(t.text());
        } else {
          words.add(t.text());
        }
      } else {
        break;
      }
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      throw unexpected(peek());
    }
    return new Simple(assignments, words, redirects, line);
  }
}
