package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.ActionNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.BoolNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.BranchNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.BreakNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.ChainNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.CommandNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.CommentNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.DotNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.FieldNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.IdentifierNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.ListNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.NilNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.Node;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.NumberNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.PipeNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.StringNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.TemplateNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.TextNode;
import dev.kubesim.impl.kubectl.output.GoTemplateParser.VariableNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Go {@code text/template} as kubectl's {@code -o go-template} runs it ({@code
 * cli-runtime/pkg/printers/template.go}, Go 1.23): named {@code output}, with Go's builtin
 * functions ({@code and or not eq ne lt le gt ge len index slice print printf println html js
 * urlquery call}) and kubectl's {@code exists} and {@code base64decode}, executed on the object as
 * JSON decoded into Go's generic maps (numbers are {@code float64}). Missing map keys print {@code
 * <no value>} unless missing keys are refused ({@code --allow-missing-template-keys=false}).
 * Errors carry Go's messages. Bounded: nesting, template recursion and the output's size are
 * limited, so hostile templates fail with an error.
 */
public final class GoTemplate {
  /** The template's name, as kubectl gives it. */
  private static final String NAME = "output";

  /** How deep template calls and control structures may nest while executing. */
  static final int MAX_EXEC_DEPTH = 200;

  /** The most characters one execution may write. */
  public static final int MAX_OUTPUT = 8 * 1024 * 1024;

  private static final Set<String> FUNCTIONS = Set.of("and", "call", "html", "index", "slice", "js", "len", "not", "or",
      "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "exists", "base64decode");

  /** A template that does not parse; the message is Go's ({@code template: output:1: ...}). */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  /** A template that fails while executing; the message is Go's ({@code template: output:1:2: executing ...}). */
  public static final class ExecException extends Exception {
    private static final long serialVersionUID = 1L;

    ExecException(String message) {
      super(message);
    }
  }

  private final String text;
  private final Map<String, ListNode> templates;

  private GoTemplate(String text, Map<String, ListNode> templates) {
    this.text = text;
    this.templates = templates;
  }

  /**
   * Parses a template as {@code template.New("output").Funcs(...).Parse(text)} does.
   *
   * @throws ParseException with Go's message
   */
  public static GoTemplate parse(String text) throws ParseException {
    try {
      return new GoTemplate(text, GoTemplateParser.parse(NAME, text, FUNCTIONS));
    } catch (GoTemplateParser.ParseError e) {
      throw new ParseException(e.getMessage());
    } catch (StackOverflowError e) {
      // a backstop: the parser bounds nesting well before the stack can run out
      throw new ParseException("template: " + NAME + ": max expression depth exceeded");
    }
  }

  /**
   * Executes the template on data (from {@link #data}), appending to {@code out}; on failure what
   * was written before the error stays in {@code out}.
   *
   * @param allowMissingKeys {@code missingkey=default} when true, {@code missingkey=error} when false
   * @throws ExecException with Go's message
   */
  public void execute(Object data, boolean allowMissingKeys, StringBuilder out) throws ExecException {
    State s = new State(out, allowMissingKeys);
    try {
      Val dot = Val.of(data);
      s.vars.add(new Var("$", dot));
      s.walk(dot, templates.get(NAME));
    } catch (Failure f) {
      throw new ExecException(f.getMessage());
    } catch (Signal signal) {
      // break/continue outside range cannot parse; nothing to do
    } catch (StackOverflowError e) {
      // a backstop: execution bounds nesting well before the stack can run out
      throw new ExecException("template: " + NAME + ": exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
    }
  }

  /**
   * JSON decoded as kubectl's printer decodes it (apimachinery's {@code json.Unmarshal} into {@code
   * interface{}}): maps, slices, string, bool, nil, and numbers as int64 when they are whole, else
   * float64.
   */
  public static Object data(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> m = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), data(e.getValue()));
      }
      return m;
    }
    if (node.isArray()) {
      List<Object> l = new ArrayList<>(node.size());
      node.forEach(e -> l.add(data(e)));
      return l;
    }
    if (node.isNumber()) {
      // apimachinery's json.Unmarshal: a number that reads as an int64 is one, any other a float64
      if (node.isIntegralNumber() && node.canConvertToLong()) {
        return node.longValue();
      }
      double d = node.doubleValue();
      if (!node.isIntegralNumber() && d == Math.rint(d) && Math.abs(d) < 1e21 && Math.abs(d) < 0x1p63) {
        return (long) d; // Go writes a whole float64 below 1e21 without a point, which then reads as an int64
      }
      return d;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /** Go's {@code fmt} {@code %v} (and {@code %+v}) of decoded data, as kubectl prints the object given to the template. */
  public static String goValue(Object data) {
    return GoFmt.v(data);
  }

  // ---- values ----

  /**
   * A value during execution, as Go's {@code reflect.Value}: invalid (no value), a concrete value,
   * or an {@code interface {}} holding one (possibly nil) as map and slice elements are.
   */
  private static final class Val {
    static final Val INVALID = new Val(null, false, false);
    static final Val MISSING = new Val(null, false, false);

    final Object v;
    final boolean iface;
    final boolean valid;

    private Val(Object v, boolean iface, boolean valid) {
      this.v = v;
      this.iface = iface;
      this.valid = valid;
    }

    static Val of(Object o) {
      return o == null ? INVALID : new Val(o, false, true);
    }

    static Val boxed(Object o) {
      return new Val(o, true, true);
    }

    String type() {
      return iface ? "interface {}" : GoFmt.typeName(v);
    }

    /** {@code indirectInterface}: the concrete value in an interface, or invalid for a nil one. */
    Val concrete() {
      return iface ? of(v) : this;
    }

    boolean nilInterface() {
      return iface && v == null;
    }
  }

  private record Var(String name, Val value) {}

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Signal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isContinue;

    Signal(boolean isContinue) {
      super(null, null, false, false);
      this.isContinue = isContinue;
    }
  }

  private static final Signal BREAK = new Signal(false);
  private static final Signal CONTINUE = new Signal(true);

  private enum Param { VALUE, ANY, STRING }

  private record Signature(List<Param> fixed, Param variadic) {}

  private static Signature signature(String name) {
    return switch (name) {
      case "and", "or", "call", "index", "slice", "eq" -> new Signature(List.of(Param.VALUE), Param.VALUE);
      case "html", "js", "urlquery", "print", "println" -> new Signature(List.of(), Param.ANY);
      case "printf" -> new Signature(List.of(Param.STRING), Param.ANY);
      case "len", "not" -> new Signature(List.of(Param.VALUE), null);
      case "ne", "lt", "le", "gt", "ge" -> new Signature(List.of(Param.VALUE, Param.VALUE), null);
      case "exists" -> new Signature(List.of(Param.ANY), Param.ANY);
      case "base64decode" -> new Signature(List.of(Param.STRING), null);
      default -> throw new IllegalStateException(name);
    };
  }

  /** One execution. */
  private final class State {
    private final StringBuilder out;
    private final boolean allowMissingKeys;
    private final List<Var> vars = new ArrayList<>();
    private Node node;
    private int depth;
    private String tmplName = NAME;

    State(StringBuilder out, boolean allowMissingKeys) {
      this.out = out;
      this.allowMissingKeys = allowMissingKeys;
    }

    private void at(Node n) {
      node = n;
    }

    private Failure errorf(String message) {
      if (node == null) {
        return new Failure("template: " + NAME + ": " + message);
      }
      int pos = node.pos;
      String before = text.substring(0, Math.min(pos, text.length()));
      int nl = before.lastIndexOf('\n');
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int col = utf8Length(nl < 0 ? before : before.substring(nl + 1));
      return new Failure("template: " + NAME + ":" + line + ":" + col + ": executing " + GoFmt.quote(tmplName) + " at <"
          + node + ">: " + message);
    }

    private void write(String s) {
      if (out.length() + s.length() > MAX_OUTPUT) {
        throw errorf("the output exceeds " + MAX_OUTPUT + " characters, the limit of this simulator");
      }
      out.append(s);
    }

    private void enter() {
      if (++depth > MAX_EXEC_DEPTH) {
        throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
      }
    }

    // ---- walk ----

    void walk(Val dot, Node n) {
      at(n);
      if (n instanceof ActionNode a) {
        Val val = evalPipeline(dot, a.pipe);
        if (a.pipe.decl.isEmpty()) {
          printValue(n, val);
        }
      } else if (n instanceof ListNode l) {
        for (Node child : l.nodes) {
          walk(dot, child);
        }
      } else if (n instanceof TextNode t) {
        write(t.text);
      } else if (n instanceof BranchNode b) {
        enter();
        try {
          if (b.keyword.equals("range")) {
            walkRange(dot, b);
          } else {
            walkIfOrWith(b, dot);
          }
        } finally {
          depth--;
        }
      } else if (n instanceof BreakNode br) {
        throw br.isContinue ? CONTINUE : BREAK;
      } else if (n instanceof TemplateNode t) {
        walkTemplate(dot, t);
      } else if (!(n instanceof CommentNode)) {
        throw errorf("unknown node: " + n);
      }
    }

    private void walkIfOrWith(BranchNode b, Val dot) {
      int mark = vars.size();
      try {
        Val val = evalPipeline(dot, b.pipe);
        if (truth(val)) {
          walk(b.keyword.equals("with") ? val : dot, b.list);
        } else if (b.elseList != null) {
          walk(dot, b.elseList);
        }
      } finally {
        pop(mark);
      }
    }

    private void walkRange(Val dot, BranchNode r) {
      at(r);
      int outer = vars.size();
      try {
        Val val = indirect(evalPipeline(dot, r.pipe));
        int mark = vars.size();
        Object v = val.valid ? val.v : null;
        if (val.valid && !val.nilInterface() && v instanceof List<?> list && !list.isEmpty()) {
          for (int i = 0; i < list.size(); i++) {
            if (!oneIteration(r, mark, Val.of(new GoFmt.Int(i)), Val.boxed(list.get(i)))) {
              break;
            }
          }
          return;
        }
        if (val.valid && !val.nilInterface() && v instanceof Map<?, ?> map && !map.isEmpty()) {
          Map<?, ?> sorted = map instanceof TreeMap ? map : new TreeMap<>(map);
          for (Map.Entry<?, ?> e : sorted.entrySet()) {
            if (!oneIteration(r, mark, Val.of(e.getKey()), Val.boxed(e.getValue()))) {
              break;
            }
          }
          return;
        }
        if (val.valid && !val.nilInterface() && !(v instanceof List) && !(v instanceof Map)) {
          throw errorf("range can't iterate over " + GoFmt.v(v));
        }
        if (r.elseList != null) {
          walk(dot, r.elseList);
        }
      } finally {
        pop(outer);
      }
    }

    /** One pass of a range body; false when it breaks. */
    private boolean oneIteration(BranchNode r, int mark, Val index, Val elem) {
      List<VariableNode> decl = r.pipe.decl;
      if (!decl.isEmpty()) {
        if (r.pipe.isAssign) {
          setVar(decl.get(0).ident.get(0), decl.size() > 1 ? index : elem);
        } else {
          vars.set(vars.size() - 1, new Var(vars.get(vars.size() - 1).name(), elem));
        }
      }
      if (decl.size() > 1) {
        if (r.pipe.isAssign) {
          setVar(decl.get(1).ident.get(0), elem);
        } else {
          vars.set(vars.size() - 2, new Var(vars.get(vars.size() - 2).name(), index));
        }
      }
      try {
        walk(elem, r.list);
      } catch (Signal s) {
        if (!s.isContinue) {
          return false;
        }
      } finally {
        pop(mark);
      }
      return true;
    }

    private void walkTemplate(Val dot, TemplateNode t) {
      at(t);
      ListNode tmpl = templates.get(t.name);
      if (tmpl == null) {
        throw errorf("template " + GoFmt.quote(t.name) + " not defined");
      }
      enter();
      try {
        Val newDot = evalPipeline(dot, t.pipe);
        List<Var> saved = new ArrayList<>(vars);
        String savedName = tmplName;
        vars.clear();
        vars.add(new Var("$", newDot));
        tmplName = t.name;
        try {
          walk(newDot, tmpl);
        } finally {
          vars.clear();
          vars.addAll(saved);
          tmplName = savedName;
        }
      } finally {
        depth--;
      }
    }

    private void pop(int mark) {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }

    private void setVar(String name, Val value) {
      for (int i = vars.size() - 1; i >= 0; i--) {
        if (vars.get(i).name().equals(name)) {
          vars.set(i, new Var(name, value));
          return;
        }
      }
      throw errorf("undefined variable: " + name);
    }

    private Val varValue(String name) {
      for (int i = vars.size() - 1; i >= 0; i--) {
        if (vars.get(i).name().equals(name)) {
          return vars.get(i).value();
        }
      }
      throw errorf("undefined variable: " + name);
    }

    // ---- evaluation ----

    private Val evalPipeline(Val dot, PipeNode pipe) {
      if (pipe == null) {
        return Val.INVALID;
      }
      at(pipe);
      Val value = Val.MISSING;
      for (CommandNode cmd : pipe.cmds) {
        value = evalCommand(dot, cmd, value);
        if (value.iface) {
          value = Val.of(value.v);
        }
      }
      for (VariableNode v : pipe.decl) {
        if (pipe.isAssign) {
          setVar(v.ident.get(0), value);
        } else {
          vars.add(new Var(v.ident.get(0), value));
        }
      }
      return value;
    }

    private void notAFunction(List<Node> args, Val fin) {
      if ((args != null && args.size() > 1) || fin != Val.MISSING) {
        throw errorf("can't give argument to non-function " + args.get(0));
      }
    }

    private Val evalCommand(Val dot, CommandNode cmd, Val fin) {
      Node first = cmd.args.get(0);
      if (first instanceof FieldNode f) {
        return evalFieldNode(dot, f, cmd.args, fin);
      }
      if (first instanceof ChainNode c) {
        return evalChainNode(dot, c, cmd.args, fin);
      }
      if (first instanceof IdentifierNode id) {
        return evalFunction(dot, id, cmd, cmd.args, fin);
      }
      if (first instanceof PipeNode p) {
        notAFunction(cmd.args, fin);
        return evalPipeline(dot, p);
      }
      if (first instanceof VariableNode v) {
        return evalVariableNode(dot, v, cmd.args, fin);
      }
      at(first);
      notAFunction(cmd.args, fin);
      if (first instanceof BoolNode b) {
        return Val.of(b.value);
      }
      if (first instanceof DotNode) {
        return dot;
      }
      if (first instanceof NilNode) {
        throw errorf("nil is not a command");
      }
      if (first instanceof NumberNode n) {
        return idealConstant(n);
      }
      if (first instanceof StringNode s) {
        return Val.of(s.text);
      }
      throw errorf("can't evaluate command " + GoFmt.quote(first.toString()));
    }

    private Val idealConstant(NumberNode c) {
      at(c);
      if (c.isFloat && !isHexInt(c.text) && !c.text.startsWith("'") && c.text.matches(".*[.eEpP].*")) {
        return Val.of(c.float64);
      }
      if (c.isInt) {
        return Val.of(new GoFmt.Int(c.int64));
      }
      if (c.isUint) {
        throw errorf(c.text + " overflows int");
      }
      return Val.INVALID;
    }

    private boolean isHexInt(String s) {
      return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
          && s.indexOf('p') < 0 && s.indexOf('P') < 0;
    }

    private Val evalFieldNode(Val dot, FieldNode field, List<Node> args, Val fin) {
      at(field);
      return evalFieldChain(dot, dot, field, field.ident, args, fin);
    }

    private Val evalChainNode(Val dot, ChainNode chain, List<Node> args, Val fin) {
      at(chain);
      if (chain.node instanceof NilNode) {
        throw errorf("indirection through explicit nil in " + chain);
      }
      Val pipe = evalArg(dot, null, chain.node);
      return evalFieldChain(dot, pipe, chain, chain.field, args, fin);
    }

    private Val evalVariableNode(Val dot, VariableNode variable, List<Node> args, Val fin) {
      at(variable);
      Val value = varValue(variable.ident.get(0));
      if (variable.ident.size() == 1) {
        notAFunction(args, fin);
        return value;
      }
      return evalFieldChain(dot, value, variable, variable.ident.subList(1, variable.ident.size()), args, fin);
    }

    private Val evalFieldChain(Val dot, Val receiver, Node n, List<String> ident, List<Node> args, Val fin) {
      int count = ident.size();
      for (int i = 0; i < count - 1; i++) {
        receiver = evalField(ident.get(i), null, Val.MISSING, receiver);
      }
      return evalField(ident.get(count - 1), args, fin, receiver);
    }

    private Val evalField(String fieldName, List<Node> args, Val fin, Val receiver) {
      if (!receiver.valid) {
        if (!allowMissingKeys) {
          throw errorf("nil data; no entry for key " + GoFmt.quote(fieldName));
        }
        return Val.INVALID;
      }
      String typ = receiver.type();
      if (receiver.nilInterface()) {
        throw errorf("nil pointer evaluating " + typ + "." + fieldName);
      }
      boolean hasArgs = (args != null && args.size() > 1) || fin != Val.MISSING;
      if (receiver.v instanceof Map<?, ?> map) {
        if (hasArgs) {
          throw errorf(fieldName + " is not a method but has arguments");
        }
        if (!map.containsKey(fieldName)) {
          if (!allowMissingKeys) {
            throw errorf("map has no entry for key " + GoFmt.quote(fieldName));
          }
          return Val.INVALID;
        }
        return Val.boxed(map.get(fieldName));
      }
      throw errorf("can't evaluate field " + fieldName + " in type " + typ);
    }

    private Val evalFunction(Val dot, IdentifierNode n, Node cmd, List<Node> args, Val fin) {
      at(n);
      return evalCall(dot, n.ident, cmd, args, fin);
    }

    private Val evalCall(Val dot, String name, Node n, List<Node> allArgs, Val fin) {
      List<Node> args = allArgs == null ? List.of() : allArgs.subList(1, allArgs.size());
      Signature sig = signature(name);
      int numIn = args.size() + (fin != Val.MISSING ? 1 : 0);
      int numFixed = args.size();
      if (sig.variadic() != null) {
        numFixed = sig.fixed().size();
        if (numIn < numFixed) {
          throw errorf("wrong number of args for " + name + ": want at least " + sig.fixed().size() + " got " + args.size());
        }
      } else if (numIn != sig.fixed().size()) {
        throw errorf("wrong number of args for " + name + ": want " + sig.fixed().size() + " got " + numIn);
      }
      if (name.equals("and") || name.equals("or")) {
        Val v = Val.INVALID;
        for (Node arg : args) {
          v = evalArg(dot, Param.VALUE, arg);
          if (truth(v) == name.equals("or")) {
            return v;
          }
        }
        if (fin != Val.MISSING) {
          v = fin;
        }
        return v;
      }
      List<Object> argv = new ArrayList<>();
      int i = 0;
      for (; i < numFixed && i < args.size(); i++) {
        argv.add(evalArg(dot, sig.fixed().get(i), args.get(i)));
      }
      if (sig.variadic() != null) {
        for (; i < args.size(); i++) {
          argv.add(evalArg(dot, sig.variadic(), args.get(i)));
        }
      }
      if (fin != Val.MISSING) {
        Param t;
        if (sig.variadic() != null) {
          t = numIn - 1 < numFixed ? sig.fixed().get(numIn - 1) : sig.variadic();
        } else {
          t = sig.fixed().get(sig.fixed().size() - 1);
        }
        argv.add(validateType(fin, t));
      }
      try {
        Val result = call(name, argv, args.isEmpty() ? "" : args.get(0).toString());
        if (result.v instanceof String str && str.length() > MAX_OUTPUT) {
          throw new CallError("the result exceeds " + MAX_OUTPUT + " characters, the limit of this simulator");
        }
        return result;
      } catch (CallError e) {
        at(n);
        throw errorf("error calling " + name + ": " + e.getMessage());
      }
    }

    private Val validateType(Val value, Param typ) {
      if (!value.valid) {
        if (typ == null || typ == Param.VALUE) {
          return Val.INVALID;
        }
        if (typ == Param.ANY) {
          return Val.boxed(null);
        }
        throw errorf("invalid value; expected string");
      }
      if (typ == Param.STRING) {
        Val c = value.iface && value.v != null ? Val.of(value.v) : value;
        if (!c.iface && c.v instanceof String) {
          return c;
        }
        throw errorf("wrong type for value; expected string; got " + c.type());
      }
      return value;
    }

    private Val evalArg(Val dot, Param typ, Node n) {
      at(n);
      if (n instanceof DotNode) {
        return validateType(dot, typ);
      }
      if (n instanceof NilNode) {
        if (typ == Param.STRING) {
          throw errorf("cannot assign nil to string");
        }
        return typ == Param.ANY ? Val.boxed(null) : Val.INVALID;
      }
      if (n instanceof FieldNode f) {
        return validateType(evalFieldNode(dot, f, List.of(n), Val.MISSING), typ);
      }
      if (n instanceof VariableNode v) {
        return validateType(evalVariableNode(dot, v, null, Val.MISSING), typ);
      }
      if (n instanceof PipeNode p) {
        return validateType(evalPipeline(dot, p), typ);
      }
      if (n instanceof IdentifierNode id) {
        return validateType(evalFunction(dot, id, id, null, Val.MISSING), typ);
      }
      if (n instanceof ChainNode c) {
        return validateType(evalChainNode(dot, c, null, Val.MISSING), typ);
      }
      if (typ == Param.STRING) {
        if (n instanceof StringNode s) {
          return Val.of(s.text);
        }
        throw errorf("expected string; found " + n);
      }
      // interface{} and reflect.Value parameters take the constant as it is
      if (n instanceof BoolNode b) {
        return Val.of(b.value);
      }
      if (n instanceof NumberNode num) {
        return idealConstant(num);
      }
      if (n instanceof StringNode s) {
        return Val.of(s.text);
      }
      throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }

    private void printValue(Node n, Val v) {
      at(n);
      write(printable(v));
    }

    // ---- functions ----

    private Val call(String name, List<Object> argv, String firstArgText) {
      switch (name) {
        case "call": {
          Val fn = ((Val) argv.get(0)).concrete();
          if (!fn.valid) {
            throw new CallError("call of nil");
          }
          throw new CallError("non-function " + firstArgText + " of type " + fn.type());
        }
        case "not":
          return Val.of(!truth((Val) argv.get(0)));
        case "len":
          return Val.of(new GoFmt.Int(length((Val) argv.get(0))));
        case "index":
          return index(argv);
        case "slice":
          return slice(argv);
        case "eq": {
          Val a = (Val) argv.get(0);
          if (argv.size() == 1) {
            throw new CallError("missing argument for comparison");
          }
          for (int i = 1; i < argv.size(); i++) {
            if (eq(a, (Val) argv.get(i))) {
              return Val.of(true);
            }
          }
          return Val.of(false);
        }
        case "ne":
          return Val.of(!eq((Val) argv.get(0), (Val) argv.get(1)));
        case "lt":
          return Val.of(lt((Val) argv.get(0), (Val) argv.get(1)));
        case "le":
          return Val.of(le((Val) argv.get(0), (Val) argv.get(1)));
        case "gt":
          return Val.of(!le((Val) argv.get(0), (Val) argv.get(1)));
        case "ge":
          return Val.of(!lt((Val) argv.get(0), (Val) argv.get(1)));
        case "print":
          return Val.of(GoFmt.sprint(objects(argv, 0)));
        case "println":
          return Val.of(GoFmt.sprintln(objects(argv, 0)));
        case "printf":
          return Val.of(GoFmt.sprintf((String) ((Val) argv.get(0)).v, objects(argv, 1)));
        case "html":
          return Val.of(html(evalArgs(argv)));
        case "js":
          return Val.of(js(evalArgs(argv)));
        case "urlquery":
          return Val.of(urlQuery(evalArgs(argv)));
        case "exists":
          return Val.of(exists(argv));
        case "base64decode":
          return Val.of(base64decode((String) ((Val) argv.get(0)).v));
        default:
          throw new IllegalStateException(name);
      }
    }
  }

  private static final class CallError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallError(String message) {
      super(message, null, false, false);
    }
  }

  // ---- helpers (Go's funcs.go and exec.go) ----

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** What the template prints for a value: {@code <no value>} for none, else {@code fmt.Sprint}. */
  private static String printable(Val v) {
    if (!v.valid) {
      return "<no value>";
    }
    return GoFmt.v(v.v);
  }

  /** {@code indirect}: through interfaces; a nil interface stays as it is. */
  private static Val indirect(Val v) {
    if (v.iface && v.v != null) {
      return Val.of(v.v);
    }
    return v;
  }

  private static boolean truth(Val val) {
    Val v = val.concrete();
    if (!v.valid) {
      return false;
    }
    Object o = v.v;
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (o instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (GoFmt.integer(o) != null) {
      return GoFmt.integer(o) != 0;
    }
    if (o instanceof Double d) {
      return d != 0;
    }
    return true;
  }

  private static List<Object> objects(List<Object> argv, int from) {
    List<Object> out = new ArrayList<>();
    for (int i = from; i < argv.size(); i++) {
      Val v = (Val) argv.get(i);
      out.add(v.valid ? v.v : null);
    }
    return out;
  }

  private static String evalArgs(List<Object> argv) {
    if (argv.size() == 1) {
      Val v = (Val) argv.get(0);
      if (v.valid && v.v instanceof String s) {
        return s;
      }
    }
    List<Object> args = new ArrayList<>();
    for (Object o : argv) {
      Val v = (Val) o;
      args.add(!v.valid || v.v == null ? "<no value>" : v.v);
    }
    return GoFmt.sprint(args);
  }

  private static long length(Val item) {
    if (item.nilInterface()) {
      throw new CallError("len of nil pointer");
    }
    Val v = item.concrete();
    if (!v.valid) {
      throw new CallError("reflect: call of reflect.Value.Type on zero Value");
    }
    if (v.v instanceof Map<?, ?> m) {
      return m.size();
    }
    if (v.v instanceof List<?> l) {
      return l.size();
    }
    if (v.v instanceof String s) {
      return utf8Length(s);
    }
    throw new CallError("len of type " + v.type());
  }

  private static int indexArg(Val index, int cap) {
    long x;
    if (!index.iface && GoFmt.integer(index.v) != null) {
      x = GoFmt.integer(index.v);
    } else if (!index.valid) {
      throw new CallError("cannot index slice/array with nil");
    } else {
      throw new CallError("cannot index slice/array with type " + index.type());
    }
    if (x < 0 || x > cap) {
      throw new CallError("index out of range: " + x);
    }
    return (int) x;
  }

  private static Val index(List<Object> argv) {
    Val item = ((Val) argv.get(0)).concrete();
    if (!item.valid) {
      throw new CallError("index of untyped nil");
    }
    for (int k = 1; k < argv.size(); k++) {
      Val index = ((Val) argv.get(k)).concrete();
      if (item.nilInterface()) {
        throw new CallError("index of nil pointer");
      }
      item = item.concrete();
      Object o = item.v;
      if (o instanceof List<?> list) {
        int x = indexArg(index, list.size());
        if (x == list.size()) {
          throw new CallError("reflect: slice index out of range");
        }
        item = Val.boxed(list.get(x));
      } else if (o instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int x = indexArg(index, bytes.length);
        if (x == bytes.length) {
          throw new CallError("reflect: string index out of range");
        }
        item = Val.of(bytes[x] & 0xff);
      } else if (o instanceof Map<?, ?> map) {
        if (!index.valid) {
          throw new CallError("value is nil; should be of type string");
        }
        if (!(index.v instanceof String key)) {
          throw new CallError("value has type " + index.type() + "; should be string");
        }
        item = Val.boxed(map.get(key));
      } else {
        throw new CallError("can't index item of type " + item.type());
      }
    }
    return item;
  }

  private static Val slice(List<Object> argv) {
    Val item = ((Val) argv.get(0)).concrete();
    if (!item.valid) {
      throw new CallError("slice of untyped nil");
    }
    int n = argv.size() - 1;
    if (n > 3) {
      throw new CallError("too many slice indexes: " + n);
    }
    int cap;
    byte[] bytes = null;
    if (item.v instanceof String s) {
      if (n == 3) {
        throw new CallError("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      cap = bytes.length;
    } else if (item.v instanceof List<?> l) {
      cap = l.size();
    } else {
      throw new CallError("can't slice item of type " + item.type());
    }
    int[] idx = {0, cap, 0};
    for (int i = 0; i < n; i++) {
      idx[i] = indexArg((Val) argv.get(i + 1), cap);
    }
    if (idx[0] > idx[1]) {
      throw new CallError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (n == 3 && idx[1] > idx[2]) {
      throw new CallError("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return Val.of(new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8));
    }
    return Val.of(new ArrayList<>(((List<?>) item.v).subList(idx[0], idx[1])));
  }

  private enum Kind { INVALID, BOOL, INT, FLOAT, STRING, UINT }

  private static Kind basicKind(Val v) {
    if (!v.valid || v.iface) {
      return Kind.INVALID;
    }
    Object o = v.v;
    if (o instanceof Boolean) {
      return Kind.BOOL;
    }
    if (o instanceof Long || o instanceof GoFmt.Int) {
      return Kind.INT;
    }
    if (o instanceof Integer) {
      return Kind.UINT;
    }
    if (o instanceof Double) {
      return Kind.FLOAT;
    }
    if (o instanceof String) {
      return Kind.STRING;
    }
    return Kind.INVALID;
  }

  private static long asLong(Val v) {
    return GoFmt.integer(v.v);
  }

  private static boolean eq(Val arg1, Val arg2) {
    Val a = arg1.concrete();
    Val b = arg2.concrete();
    Kind k1 = basicKind(a);
    Kind k2 = basicKind(b);
    if (k1 != k2) {
      if (k1 == Kind.INT && k2 == Kind.UINT || k1 == Kind.UINT && k2 == Kind.INT) {
        return asLong(a) == asLong(b);
      }
      if (a.valid && b.valid) {
        throw new CallError("incompatible types for comparison");
      }
      return false;
    }
    switch (k1) {
      case BOOL:
      case STRING:
        return a.v.equals(b.v);
      case INT:
      case UINT:
        return asLong(a) == asLong(b);
      case FLOAT:
        return ((Double) a.v).doubleValue() == ((Double) b.v).doubleValue();
      default:
        break;
    }
    // maps and slices (and no value)
    boolean aMap = a.v instanceof Map;
    boolean bMap = b.v instanceof Map;
    if (a.valid && b.valid && aMap != bMap) {
      throw new CallError("non-comparable types " + GoFmt.v(a.v) + ": " + a.type() + ", " + b.type() + ": " + GoFmt.v(b.v));
    }
    if (!a.valid || !b.valid) {
      return !a.valid && !b.valid;
    }
    throw new CallError("non-comparable type " + GoFmt.v(b.v) + ": " + b.type());
  }

  private static boolean lt(Val arg1, Val arg2) {
    Val a = arg1.concrete();
    Kind k1 = basicKind(a);
    if (k1 == Kind.INVALID) {
      throw new CallError("invalid type for comparison");
    }
    Val b = arg2.concrete();
    Kind k2 = basicKind(b);
    if (k2 == Kind.INVALID) {
      throw new CallError("invalid type for comparison");
    }
    if (k1 != k2) {
      if (k1 == Kind.INT && k2 == Kind.UINT || k1 == Kind.UINT && k2 == Kind.INT) {
        return asLong(a) < asLong(b);
      }
      throw new CallError("incompatible types for comparison");
    }
    switch (k1) {
      case BOOL:
        throw new CallError("invalid type for comparison");
      case FLOAT:
        return (Double) a.v < (Double) b.v;
      case STRING:
        return compareBytes((String) a.v, (String) b.v) < 0;
      default:
        return asLong(a) < asLong(b);
    }
  }

  private static boolean le(Val a, Val b) {
    return lt(a, b) || eq(a, b);
  }

  private static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }

  private static boolean exists(List<Object> argv) {
    Val v = ((Val) argv.get(0)).concrete();
    for (int k = 1; k < argv.size(); k++) {
      Val index = ((Val) argv.get(k)).concrete();
      if (v.nilInterface()) {
        return false;
      }
      v = v.concrete();
      if (!v.valid) {
        return false;
      }
      if (v.v instanceof List<?> list || v.v instanceof String) {
        Long x = GoFmt.integer(index.v);
        if (x == null) {
          return false;
        }
        if (v.v instanceof List<?> l) {
          if (x < 0 || x >= l.size()) {
            return false;
          }
          v = Val.boxed(l.get((int) (long) x));
        } else {
          byte[] bytes = ((String) v.v).getBytes(StandardCharsets.UTF_8);
          if (x < 0 || x >= bytes.length) {
            return false;
          }
          v = Val.of(bytes[(int) (long) x] & 0xff);
        }
      } else if (v.v instanceof Map<?, ?> map) {
        Object key = index.valid ? index.v : "";
        if (!(key instanceof String)) {
          return false;
        }
        v = Val.boxed(map.get(key));
      } else {
        return false;
      }
    }
    return !v.nilInterface();
  }

  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** kubectl's {@code base64decode}: Go's {@code base64.StdEncoding.DecodeString} and its errors. */
  static String base64decode(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int si = 0;
    while (si < src.length) {
      int[] dbuf = new int[4];
      int dlen = 4;
      int j = 0;
      boolean end = false;
      for (; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return out.toString(StandardCharsets.UTF_8);
          }
          throw new CallError(b64Error(si - j));
        }
        int in = src[si] & 0xff;
        si++;
        int d = in < 128 ? B64.indexOf(in) : -1;
        if (d >= 0) {
          dbuf[j] = d;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          throw new CallError(b64Error(si - 1));
        }
        switch (j) {
          case 0, 1 -> throw new CallError(b64Error(si - 1));
          case 2 -> {
            while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
              si++;
            }
            if (si == src.length) {
              throw new CallError(b64Error(src.length));
            }
            if (src[si] != '=') {
              throw new CallError(b64Error(si - 1));
            }
            si++;
          }
          default -> {
          }
        }
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
          si++;
        }
        if (si < src.length) {
          throw new CallError(b64Error(si));
        }
        dlen = j;
        end = true;
        break;
      }
      int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
      if (dlen >= 2) {
        out.write(val >> 16);
      }
      if (dlen >= 3) {
        out.write((val >> 8) & 0xff);
      }
      if (dlen == 4) {
        out.write(val & 0xff);
      }
      if (end) {
        break;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String b64Error(int offset) {
    return "base64 decode failed: illegal base64 data at input byte " + offset;
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 0 -> sb.append('\uFFFD');
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String js(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      switch (r) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (r < ' ') {
            sb.append(String.format("\\u%04X", r));
          } else if (r < 0x80 || GoFmt.isPrint(r)) {
            sb.appendCodePoint(r);
          } else {
            sb.append(String.format("\\u%04X", r));
          }
        }
      }
    }
    return sb.toString();
  }

  private static String urlQuery(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
      }
    }
    return sb.toString();
  }
}
