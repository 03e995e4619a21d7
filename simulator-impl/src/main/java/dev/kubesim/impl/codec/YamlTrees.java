package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Builds the tree of one YAML document as sigs.k8s.io/yaml's conversion to JSON sees it (go-yaml
 * v2 underneath): anchors and aliases resolved, an undefined alias refused ({@code unknown anchor
 * 'x' referenced}), merge keys ({@code <<}) merged, and go-yaml's guards against abuse: an alias
 * bomb fails with {@code document contains excessive aliasing} by the same ratio of aliased to
 * decoded nodes, and nesting past {@link #MAX_DEPTH} fails with {@code exceeded max depth}.
 * Duplicate keys keep the last value, as go-yaml's non-strict decoding (which kubectl uses) does.
 *
 * <p>Scalars are resolved by SnakeYAML through Jackson's YAML parser; a float with no fraction
 * becomes an integer, as Go's JSON encoding writes {@code 3.0} as {@code 3}. The tree is built
 * without recursion, and aliased subtrees are shared, not copied: trees are read, never changed.
 */
final class YamlTrees {
  /**
   * How deep a document may nest. go-yaml allows 10,000 levels; kubesim's tree is walked by
   * recursive code (Jackson's mapping, kubectl's printers), so it allows fewer.
   */
  static final int MAX_DEPTH = 500;

  // go-yaml v2 decode.go: the alias ratio guard against "billion laughs"
  private static final long ALIAS_RATIO_RANGE_LOW = 400_000;
  private static final long ALIAS_RATIO_RANGE_HIGH = 4_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Factory FACTORY = new Factory();

  private YamlTrees() {}

  /** A problem go-yaml would report: {@code yaml: ...}. */
  static final class YamlProblem extends IOException {
    private static final long serialVersionUID = 1L;

    YamlProblem(String message) {
      super(message);
    }
  }

  /** Jackson's YAML factory with SnakeYAML's parser reading through {@link WholeTextReader}. */
  private static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    Factory() {
      // kubesim bounds documents itself; Jackson's limits must not speak first
      setStreamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 10)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .build());
    }

    Parser parser(WholeTextReader reader) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(Integer.MAX_VALUE);
      IOContext context = _createContext(_createContentReference(reader), false);
      return new Parser(context, _parserFeatures, _yamlParserFeatures, _objectCodec, new Events(reader, options));
    }
  }

  /** SnakeYAML's parser, remembering the anchor of the last node it handed out (Jackson keeps scalars' to itself). */
  private static final class Events extends ParserImpl {
    String anchor;

    Events(WholeTextReader reader, LoaderOptions options) {
      super(reader, options);
    }

    @Override
    public org.yaml.snakeyaml.events.Event getEvent() {
      org.yaml.snakeyaml.events.Event e = super.getEvent();
      if (e instanceof org.yaml.snakeyaml.events.NodeEvent node) {
        anchor = node instanceof org.yaml.snakeyaml.events.AliasEvent ? null : node.getAnchor();
      }
      return e;
    }
  }

  /** YAMLParser's constructor that takes SnakeYAML's parser is protected. */
  private static final class Parser extends YAMLParser {
    private final Events events;

    Parser(IOContext context, int parserFeatures, int yamlFeatures, com.fasterxml.jackson.core.ObjectCodec codec,
        Events events) {
      super(context, parserFeatures, yamlFeatures, codec, new StringReader(""), events);
      this.events = events;
    }

    /** The anchor of the node the current token starts or is. */
    String anchor() {
      return events.anchor;
    }
  }

  /** A container being built, with the key its next value goes under and the nodes decoded in it. */
  private static final class Frame {
    final ContainerNode<?> node;
    final String anchor;
    String field;
    long nodes;

    Frame(ContainerNode<?> node, String anchor) {
      this.node = node;
      this.anchor = anchor;
    }
  }

  /** An anchored node and how many nodes decoding it produces. */
  private record Anchored(JsonNode node, long nodes) {}

  /**
   * The document's tree, or null when the document is empty.
   *
   * @throws YamlProblem for what go-yaml refuses beyond syntax (aliases, depth, merges); syntax
   *     errors come as Jackson's exceptions with SnakeYAML's problem inside
   */
  static JsonNode read(String text) throws IOException {
    WholeTextReader reader = new WholeTextReader(text);
    if (reader.firstUnprintable() >= 0) {
      throw new YamlProblem("yaml: control characters are not allowed");
    }
    try (Parser p = FACTORY.parser(reader)) {
      return build(p);
    }
  }

  private static JsonNode build(Parser p) throws IOException {
    Deque<Frame> stack = new ArrayDeque<>();
    Map<String, Anchored> anchors = new HashMap<>();
    long decoded = 0;
    long aliased = 0;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      JsonNode value;
      long nodes;
      switch (t) {
        case FIELD_NAME -> {
          stack.peek().field = p.currentName();
          decoded++;
          continue;
        }
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() >= MAX_DEPTH) {
            throw new YamlProblem("yaml: line " + line(p) + ": exceeded max depth of " + MAX_DEPTH);
          }
          decoded++;
          stack.push(new Frame(t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode(), p.anchor()));
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          Frame done = stack.pop();
          value = done.node;
          nodes = 1 + done.nodes;
          if (done.anchor != null) {
            anchors.put(done.anchor, new Anchored(value, nodes));
          }
        }
        default -> {
          if (p.isCurrentAlias()) {
            Anchored target = anchors.get(p.getText());
            if (target == null) {
              throw new YamlProblem("yaml: unknown anchor '" + p.getText() + "' referenced");
            }
            value = target.node();
            nodes = 1 + target.nodes();
            decoded += nodes;
            aliased += target.nodes();
            if (aliased > 100 && decoded > 1000 && (double) aliased / decoded > allowedAliasRatio(decoded)) {
              throw new YamlProblem("yaml: document contains excessive aliasing");
            }
          } else {
            value = scalar(p, t);
            nodes = 1;
            decoded++;
            String anchor = p.anchor();
            if (anchor != null) {
              anchors.put(anchor, new Anchored(value, 1));
            }
          }
        }
      }
      if (stack.isEmpty()) {
        return value;
      }
      attach(stack.peek(), value, nodes);
    }
    return null;
  }

  /** go-yaml's allowedAliasRatio: 99% of small documents may come from aliases, 10% of large ones. */
  private static double allowedAliasRatio(long decoded) {
    if (decoded <= ALIAS_RATIO_RANGE_LOW) {
      return 0.99;
    }
    if (decoded >= ALIAS_RATIO_RANGE_HIGH) {
      return 0.10;
    }
    return 0.99 - 0.89 * ((double) (decoded - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
  }

  private static void attach(Frame parent, JsonNode value, long nodes) throws YamlProblem {
    parent.nodes += nodes;
    if (parent.node instanceof ArrayNode array) {
      array.add(value);
      return;
    }
    ObjectNode object = (ObjectNode) parent.node;
    if ("<<".equals(parent.field)) {
      merge(object, value);
    } else {
      object.set(parent.field, value);
    }
    parent.field = null;
  }

  /** go-yaml v2's merge: a map's entries, or each map of a sequence with earlier ones winning. */
  private static void merge(ObjectNode into, JsonNode value) throws YamlProblem {
    if (value instanceof ObjectNode map) {
      into.setAll(map);
      return;
    }
    if (value instanceof ArrayNode maps) {
      for (JsonNode m : maps) {
        if (!(m instanceof ObjectNode)) {
          throw new YamlProblem("yaml: map merge requires map or sequence of maps as the value");
        }
      }
      for (int i = maps.size() - 1; i >= 0; i--) {
        into.setAll((ObjectNode) maps.get(i));
      }
      return;
    }
    throw new YamlProblem("yaml: map merge requires map or sequence of maps as the value");
  }

  private static JsonNode scalar(YAMLParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> floating(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(p.getText());
    };
  }

  /** A float as Go's JSON encoding writes it: without a fraction it reads back as an integer. */
  private static JsonNode floating(double d) {
    if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
      if (Math.abs(d) < 0x1p62) {
        long l = (long) d;
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
      }
      return BigIntegerNode.valueOf(new BigDecimal(d).toBigInteger());
    }
    return NODES.numberNode(d);
  }

  private static int line(Parser p) {
    return p.currentLocation() == null ? 0 : p.currentLocation().getLineNr();
  }

  /**
   * About how many bytes the tree takes as JSON (what kubectl sends the API server), counting
   * aliased subtrees at each use; the count stops once it passes {@code stopAbove}.
   */
  static long jsonBytes(JsonNode root, long stopAbove) {
    long n = 0;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && n <= stopAbove) {
      JsonNode node = todo.pop();
      if (node instanceof ObjectNode object) {
        n += 2;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          n += e.getKey().length() + 4;
          todo.push(e.getValue());
        }
      } else if (node instanceof ArrayNode array) {
        n += 2 + array.size();
        array.forEach(todo::push);
      } else if (node.isTextual()) {
        n += node.textValue().length() + 2;
      } else {
        n += node.asText().length();
      }
    }
    return n;
  }
}
