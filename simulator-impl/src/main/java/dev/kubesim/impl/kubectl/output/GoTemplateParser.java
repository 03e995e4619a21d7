package dev.kubesim.impl.kubectl.output;

import dev.kubesim.impl.kubectl.output.GoTemplateLexer.Item;
import dev.kubesim.impl.kubectl.output.GoTemplateLexer.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parser of Go's {@code text/template} ({@code parse.Tree}, Go 1.23): it turns the lexer's
 * items into a tree of nodes, with Go's checks (functions must exist, variables must be declared,
 * {@code break} only inside {@code range}) and Go's error messages ({@code template: NAME:LINE:
 * ...}). Nesting (parentheses and control structures) is bounded so that deep input fails with an
 * error rather than exhausting the stack.
 */
final class GoTemplateParser {
  /** How deep parentheses and control structures may nest. */
  static final int MAX_DEPTH = 200;

  /** A template that does not parse, with Go's message. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  // ---- nodes ----

  /** A node of the tree; its position is a char index into the template text. */
  abstract static class Node {
    final int pos;

    Node(int pos) {
      this.pos = pos;
    }

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
      StringBuilder sb = new StringBuilder();
      writeTo(sb);
      return sb.toString();
    }
  }

  static final class ListNode extends Node {
    final List<Node> nodes = new ArrayList<>();

    ListNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      nodes.forEach(n -> n.writeTo(sb));
    }
  }

  static final class TextNode extends Node {
    final String text;

    TextNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class CommentNode extends Node {
    final String text;

    CommentNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(text).append("}}");
    }
  }

  static final class PipeNode extends Node {
    final int line;
    boolean isAssign;
    final List<VariableNode> decl = new ArrayList<>();
    final List<CommandNode> cmds = new ArrayList<>();

    PipeNode(int pos, int line) {
      super(pos);
      this.line = line;
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          decl.get(i).writeTo(sb);
        }
        sb.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        cmds.get(i).writeTo(sb);
      }
    }
  }

  static final class ActionNode extends Node {
    final PipeNode pipe;

    ActionNode(int pos, PipeNode pipe) {
      super(pos);
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{");
      pipe.writeTo(sb);
      sb.append("}}");
    }
  }

  static final class CommandNode extends Node {
    final List<Node> args = new ArrayList<>();

    CommandNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        Node arg = args.get(i);
        if (arg instanceof PipeNode) {
          sb.append('(');
          arg.writeTo(sb);
          sb.append(')');
        } else {
          arg.writeTo(sb);
        }
      }
    }
  }

  static final class IdentifierNode extends Node {
    final String ident;

    IdentifierNode(int pos, String ident) {
      super(pos);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(ident);
    }
  }

  static final class VariableNode extends Node {
    final List<String> ident;

    VariableNode(int pos, String text) {
      super(pos);
      this.ident = List.of(text.split("\\.", -1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(String.join(".", ident));
    }
  }

  static final class DotNode extends Node {
    DotNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append('.');
    }
  }

  static final class NilNode extends Node {
    NilNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("nil");
    }
  }

  static final class FieldNode extends Node {
    final List<String> ident;

    FieldNode(int pos, String text) {
      super(pos);
      this.ident = List.of(text.substring(1).split("\\.", -1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (String id : ident) {
        sb.append('.').append(id);
      }
    }
  }

  static final class ChainNode extends Node {
    final Node node;
    final List<String> field = new ArrayList<>();

    ChainNode(int pos, Node node) {
      super(pos);
      this.node = node;
    }

    void add(String f) {
      field.add(f.substring(1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (node instanceof PipeNode) {
        sb.append('(');
        node.writeTo(sb);
        sb.append(')');
      } else {
        node.writeTo(sb);
      }
      for (String f : field) {
        sb.append('.').append(f);
      }
    }
  }

  static final class BoolNode extends Node {
    final boolean value;

    BoolNode(int pos, boolean value) {
      super(pos);
      this.value = value;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(value);
    }
  }

  /** A number constant, with what Go makes of it: an int, a uint, a float (any that apply). */
  static final class NumberNode extends Node {
    final String text;
    boolean isInt;
    boolean isUint;
    boolean isFloat;
    boolean isComplex;
    long int64;
    double float64;

    NumberNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class StringNode extends Node {
    final String quoted;
    final String text;

    StringNode(int pos, String quoted, String text) {
      super(pos);
      this.quoted = quoted;
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(quoted);
    }
  }

  /** {@code if}, {@code range} and {@code with}. */
  static final class BranchNode extends Node {
    final String keyword;
    final PipeNode pipe;
    final ListNode list;
    final ListNode elseList;

    BranchNode(String keyword, PipeNode pipe, ListNode list, ListNode elseList) {
      super(pipe.pos);
      this.keyword = keyword;
      this.pipe = pipe;
      this.list = list;
      this.elseList = elseList;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(keyword).append(' ');
      pipe.writeTo(sb);
      sb.append("}}");
      list.writeTo(sb);
      if (elseList != null) {
        sb.append("{{else}}");
        elseList.writeTo(sb);
      }
      sb.append("{{end}}");
    }
  }

  static final class BreakNode extends Node {
    final boolean isContinue;

    BreakNode(int pos, boolean isContinue) {
      super(pos);
      this.isContinue = isContinue;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(isContinue ? "{{continue}}" : "{{break}}");
    }
  }

  static final class TemplateNode extends Node {
    final String name;
    final PipeNode pipe;

    TemplateNode(int pos, String name, PipeNode pipe) {
      super(pos);
      this.name = name;
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{template ").append(GoFmt.quote(name));
      if (pipe != null) {
        sb.append(' ');
        pipe.writeTo(sb);
      }
      sb.append("}}");
    }
  }

  /** What {@code {{end}}} and {@code {{else}}} leave for the enclosing list. */
  private static final class Marker extends Node {
    final String text;

    Marker(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  // ---- parser ----

  private final String name;
  private final List<Item> items;
  private final Set<String> functions;
  private final Map<String, ListNode> templates;
  private int index;
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int rangeDepth;
  private int depth;
  private int actionLine;
  private int furthest;

  private GoTemplateParser(String name, List<Item> items, Set<String> functions, Map<String, ListNode> templates) {
    this.name = name;
    this.items = items;
    this.functions = functions;
    this.templates = templates;
  }

  /**
   * Parses a template; {@code templates} receives the tree of each {@code define} and {@code
   * block}, and the main tree under {@code name}.
   *
   * @throws ParseError with Go's message
   */
  static Map<String, ListNode> parse(String name, String text, Set<String> functions) {
    Map<String, ListNode> templates = new LinkedHashMap<>();
    GoTemplateParser p = new GoTemplateParser(name, GoTemplateLexer.lex(text), functions, templates);
    ListNode root = p.parseRoot();
    p.addTemplate(name, root);
    return templates;
  }

  private static boolean isEmptyTree(Node n) {
    if (n instanceof ListNode l) {
      return l.nodes.stream().allMatch(GoTemplateParser::isEmptyTree);
    }
    if (n instanceof TextNode t) {
      return t.text.isBlank();
    }
    return n instanceof CommentNode;
  }

  private Item next() {
    int at = Math.min(index, items.size() - 1);
    furthest = Math.max(furthest, at);
    index++;
    return items.get(at);
  }

  private void backup() {
    index--;
  }

  private Item peek() {
    int at = Math.min(index, items.size() - 1);
    furthest = Math.max(furthest, at);
    return items.get(at);
  }

  private Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }

  private RuntimeException errorf(String message) {
    int line = items.get(furthest).line();
    throw new ParseError("template: " + name + ":" + line + ": " + message);
  }

  private void unexpected(Item token, String context) {
    if (token.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + name + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(token.val() + extra);
    }
    throw errorf("unexpected " + token + " in " + context);
  }

  private Item expect(Type expected, String context) {
    Item token = nextNonSpace();
    if (token.type() != expected) {
      unexpected(token, context);
    }
    return token;
  }

  private ListNode parseRoot() {
    ListNode root = new ListNode(peek().pos());
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        int mark = index;
        next();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        index = mark;
      }
      Node n = textOrAction();
      if (n instanceof Marker m) {
        throw errorf("unexpected " + m.text);
      }
      root.nodes.add(n);
    }
    return root;
  }

  private void parseDefinition() {
    String context = "define clause";
    Item token = nextNonSpace();
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      unexpected(token, context);
    }
    String defined = unquote(token);
    expect(Type.RIGHT_DELIM, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    Node[] end = new Node[1];
    ListNode list = itemList(end);
    if (!((Marker) end[0]).text.equals("{{end}}")) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    vars = saved;
    addTemplate(defined, list);
  }

  /** As Go's {@code Tree.add}: a name is defined once, though an empty definition gives way to another. */
  private void addTemplate(String defined, ListNode list) {
    ListNode existing = templates.get(defined);
    if (existing == null || isEmptyTree(existing)) {
      templates.put(defined, list);
      return;
    }
    if (!isEmptyTree(list)) {
      throw errorf("template: multiple definition of template " + GoFmt.quote(defined));
    }
  }

  private ListNode itemList(Node[] end) {
    ListNode list = new ListNode(peekNonSpace().pos());
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof Marker) {
        end[0] = n;
        return list;
      }
      list.nodes.add(n);
    }
    peekNonSpace();
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case TEXT:
        return new TextNode(token.pos(), token.val());
      case LEFT_DELIM:
        int saved = actionLine;
        actionLine = token.line();
        try {
          return action();
        } finally {
          actionLine = saved;
        }
      default:
        unexpected(token, "input");
        return null;
    }
  }

  private Node action() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
      case CONTINUE:
        return breakControl(token);
      case ELSE:
        return elseControl();
      case END:
        return new Marker(expect(Type.RIGHT_DELIM, "end").pos(), "{{end}}");
      case IF:
        return branch("if");
      case RANGE:
        return branch("range");
      case TEMPLATE:
        return templateControl();
      case WITH:
        return branch("with");
      default:
        break;
    }
    backup();
    Item start = peek();
    return new ActionNode(start.pos(), pipeline("command", Type.RIGHT_DELIM));
  }

  private Node breakControl(Item keyword) {
    boolean isContinue = keyword.type() == Type.CONTINUE;
    String word = isContinue ? "{{continue}}" : "{{break}}";
    Item token = nextNonSpace();
    if (token.type() != Type.RIGHT_DELIM) {
      unexpected(token, word);
    }
    if (rangeDepth == 0) {
      throw errorf(word + " outside {{range}}");
    }
    return new BreakNode(keyword.pos(), isContinue);
  }

  private Node elseControl() {
    Item peek = peekNonSpace();
    if (peek.type() == Type.IF || peek.type() == Type.WITH) {
      return new Marker(peek.pos(), "{{else}}");
    }
    Item token = expect(Type.RIGHT_DELIM, "else");
    return new Marker(token.pos(), "{{else}}");
  }

  private Node branch(String context) {
    int savedVars = vars.size();
    if (++depth > MAX_DEPTH) {
      throw errorf("max expression depth exceeded");
    }
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      Node[] next = new Node[1];
      ListNode list = itemList(next);
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (((Marker) next[0]).text.equals("{{else}}")) {
        if (context.equals("if") && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(next[0].pos);
          elseList.nodes.add(branch("if"));
        } else if (context.equals("with") && peek().type() == Type.WITH) {
          next();
          elseList = new ListNode(next[0].pos);
          elseList.nodes.add(branch("with"));
        } else {
          elseList = itemList(next);
          if (!((Marker) next[0]).text.equals("{{end}}")) {
            throw errorf("expected end; found " + next[0]);
          }
        }
      }
      return new BranchNode(context, pipe, list, elseList);
    } finally {
      depth--;
      vars = new ArrayList<>(vars.subList(0, savedVars));
    }
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = nextNonSpace();
    String templateName = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos(), templateName, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = nextNonSpace();
    String blockName = templateName(token, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    int savedRange = rangeDepth;
    rangeDepth = 0;
    Node[] end = new Node[1];
    ListNode list = itemList(end);
    if (!((Marker) end[0]).text.equals("{{end}}")) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    vars = saved;
    rangeDepth = savedRange;
    addTemplate(blockName, list);
    return new TemplateNode(token.pos(), blockName, pipe);
  }

  private String templateName(Item token, String context) {
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      unexpected(token, context);
    }
    return unquote(token);
  }

  private PipeNode pipeline(String context, Type end) {
    Item token = peekNonSpace();
    PipeNode pipe = new PipeNode(token.pos(), token.line());
    boolean decls = true;
    while (decls) {
      decls = false;
      Item v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        break;
      }
      nextNonSpace();
      int afterVariable = index;
      Item next = peekNonSpace();
      if (next.type() == Type.ASSIGN || next.type() == Type.DECLARE) {
        pipe.isAssign = next.type() == Type.ASSIGN;
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos(), v.val()));
        vars.add(v.val());
      } else if (next.type() == Type.CHAR && next.val().equals(",")) {
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos(), v.val()));
        vars.add(v.val());
        if (context.equals("range") && pipe.decl.size() < 2) {
          Type t = peekNonSpace().type();
          if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
            decls = true;
            continue;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else {
        // not a declaration: the variable is an operand, read again by the command
        index = afterVariable - 1;
      }
    }
    while (true) {
      Item t = nextNonSpace();
      if (t.type() == end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
            LEFT_PAREN -> {
          backup();
          pipe.cmds.add(command());
        }
        default -> unexpected(t, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.isEmpty()) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.size(); i++) {
      Node first = pipe.cmds.get(i).args.get(0);
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
          || first instanceof NumberNode || first instanceof StringNode) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos());
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        cmd.args.add(operand);
      }
      Item token = next();
      if (token.type() == Type.SPACE) {
        continue;
      }
      if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
        backup();
      } else if (token.type() != Type.PIPE) {
        unexpected(token, "operand");
      }
      break;
    }
    if (cmd.args.isEmpty()) {
      throw errorf("empty command");
    }
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      ChainNode chain = new ChainNode(peek().pos(), node);
      while (peek().type() == Type.FIELD) {
        chain.add(next().val());
      }
      if (node instanceof FieldNode) {
        return new FieldNode(chain.pos, chain.toString());
      }
      if (node instanceof VariableNode) {
        return new VariableNode(chain.pos, chain.toString());
      }
      if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoFmt.quote(node.toString()));
      }
      return chain;
    }
    return node;
  }

  private Node term() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case IDENTIFIER:
        if (!functions.contains(token.val())) {
          throw errorf("function " + GoFmt.quote(token.val()) + " not defined");
        }
        return new IdentifierNode(token.pos(), token.val());
      case DOT:
        return new DotNode(token.pos());
      case NIL:
        return new NilNode(token.pos());
      case VARIABLE:
        String first = token.val().split("\\.", -1)[0];
        if (!vars.contains(first)) {
          throw errorf("undefined variable " + GoFmt.quote(first));
        }
        return new VariableNode(token.pos(), token.val());
      case FIELD:
        return new FieldNode(token.pos(), token.val());
      case BOOL:
        return new BoolNode(token.pos(), token.val().equals("true"));
      case CHAR_CONSTANT:
      case COMPLEX:
      case NUMBER:
        return number(token);
      case LEFT_PAREN:
        if (depth >= MAX_DEPTH) {
          throw errorf("max expression depth exceeded");
        }
        depth++;
        try {
          return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
        } finally {
          depth--;
        }
      case STRING:
      case RAW_STRING:
        return new StringNode(token.pos(), token.val(), unquote(token));
      default:
        backup();
        return null;
    }
  }

  private String unquote(Item token) {
    try {
      return GoFmt.unquote(token.val());
    } catch (IllegalArgumentException e) {
      throw errorf("invalid syntax");
    }
  }

  private NumberNode number(Item token) {
    String text = token.val();
    NumberNode n = new NumberNode(token.pos(), text);
    if (token.type() == Type.CHAR_CONSTANT) {
      int[] rune;
      try {
        rune = GoFmt.unquoteChar(text.substring(1), '\'');
      } catch (IllegalArgumentException e) {
        throw errorf("invalid syntax");
      }
      if (!text.substring(1 + rune[1]).equals("'")) {
        throw errorf("malformed character constant: " + text);
      }
      n.int64 = rune[0];
      n.isInt = true;
      n.isUint = true;
      n.float64 = rune[0];
      n.isFloat = true;
      return n;
    }
    if (token.type() == Type.COMPLEX || text.endsWith("i")) {
      throw errorf("complex constants are not supported by this simulator: " + text);
    }
    BigInteger big = parseInteger(text);
    if (big != null) {
      if (big.signum() >= 0 && big.bitLength() <= 64) {
        n.isUint = true;
      }
      if (big.bitLength() <= 63) {
        n.isInt = true;
        n.int64 = big.longValue();
        if (n.int64 == 0) {
          n.isUint = true;
        }
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = n.int64;
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = big.doubleValue();
    } else {
      Double f = parseFloat(text);
      if (f != null) {
        if (!text.matches(".*[.eEpP].*")) {
          throw errorf("integer overflow: " + GoFmt.quote(text));
        }
        n.isFloat = true;
        n.float64 = f;
        if (!Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 0x1p63) {
          n.isInt = true;
          n.int64 = (long) f.doubleValue();
        }
        if (!Double.isInfinite(f) && f == Math.rint(f) && f >= 0 && f < 0x1p64) {
          n.isUint = true;
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) {
      throw errorf("illegal number syntax: " + GoFmt.quote(text));
    }
    return n;
  }

  /** {@code strconv.ParseInt(s, 0, ...)}'s syntax: sign, 0x/0o/0b/0 prefixes, underscores after a prefix. */
  private static BigInteger parseInteger(String s) {
    boolean negative = false;
    String t = s;
    if (t.startsWith("+") || t.startsWith("-")) {
      negative = t.startsWith("-");
      t = t.substring(1);
    }
    int radix = 10;
    boolean prefixed = false;
    if (t.length() > 1 && t.charAt(0) == '0') {
      char c = Character.toLowerCase(t.charAt(1));
      if (c == 'x') {
        radix = 16;
        t = t.substring(2);
        prefixed = true;
      } else if (c == 'o') {
        radix = 8;
        t = t.substring(2);
        prefixed = true;
      } else if (c == 'b') {
        radix = 2;
        t = t.substring(2);
        prefixed = true;
      } else {
        radix = 8;
        t = t.substring(1);
        prefixed = true;
      }
    }
    if (t.contains("_")) {
      if (!prefixed && !s.replaceFirst("^[+-]", "").startsWith("0")) {
        // underscores are allowed only between digits, base prefix or not
        if (!t.matches("[0-9]+(_[0-9]+)*")) {
          return null;
        }
      } else if (!t.matches("_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*")) {
        return null;
      }
      t = t.replace("_", "");
    }
    if (t.isEmpty()) {
      return prefixed && radix == 8 ? BigInteger.ZERO : null;
    }
    try {
      BigInteger v = new BigInteger(t, radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseFloat(String s) {
    String t = s.replace("_", "");
    try {
      if (t.matches("[+-]?0[xX].*")) {
        String h = t.contains("p") || t.contains("P") ? t : t + "p0";
        return Double.parseDouble(h);
      }
      if (!t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
        return null;
      }
      double d = Double.parseDouble(t);
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
