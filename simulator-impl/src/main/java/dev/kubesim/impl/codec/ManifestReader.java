package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.collect.ImmutableList;
import dev.kubesim.api.BadRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads manifests as kubectl does: multi-document YAML or JSON, {@code kind: List} expanded into
 * its items, empty documents skipped, folders walked recursively for {@code .yaml}, {@code .yml}
 * and {@code .json} files in name order. Malformed input fails with kubectl's wording, naming the
 * source, never with a parser stack trace.
 *
 * <p>As kubectl's resource builder, a stream is cut into documents first ({@link
 * DocumentSplitter}) and each is parsed on its own ({@link YamlTrees}); the first document that
 * does not parse ends that stream, and the documents before it stand. Files are decoded as UTF-8
 * with kubectl's BOM handling, a byte sequence that is not UTF-8 read as U+FFFD. Each document's
 * size as a request is measured, for the API server's limits ({@link ObjectCodec#decode}).
 */
public final class ManifestReader {
  private ManifestReader() {}

  /**
   * What a manifest source holds: its documents in order, and the errors that stopped reading a
   * stream (one per file at most), in the order met.
   */
  public record Manifest(ImmutableList<Document> documents, ImmutableList<BadRequestException> errors) {}

  /** The documents of a YAML or JSON text; {@code source} names it in messages ({@code STDIN}). */
  public static ImmutableList<Document> read(String source, String text) {
    return orThrow(stream(source, text));
  }

  /** The documents of a file, or of every manifest file below a folder, in path order. */
  public static ImmutableList<Document> read(Path path) {
    return orThrow(stream(path));
  }

  private static ImmutableList<Document> orThrow(Manifest manifest) {
    if (!manifest.errors().isEmpty()) {
      throw manifest.errors().get(0);
    }
    return manifest.documents();
  }

  /** A text's documents up to the first that does not parse, and that document's error. */
  public static Manifest stream(String source, String text) {
    List<Document> out = new ArrayList<>();
    List<BadRequestException> errors = new ArrayList<>();
    readStream(source, new StringReader(text), out, errors);
    return new Manifest(ImmutableList.copyOf(out), ImmutableList.copyOf(errors));
  }

  /**
   * The documents of a file or of a folder's manifest files; a file that does not parse ends
   * there, and the next file is read.
   */
  public static Manifest stream(Path path) {
    if (!Files.exists(path)) {
      throw new BadRequestException("the path \"" + path + "\" does not exist");
    }
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files = List.of(path);
    }
    List<Document> out = new ArrayList<>();
    List<BadRequestException> errors = new ArrayList<>();
    for (Path file : files) {
      List<Document> docs = new ArrayList<>();
      try (InputStream in = Files.newInputStream(file)) {
        readStream(file.toString(), decoded(in), docs, errors);
      } catch (IOException e) {
        errors.add(new BadRequestException("error reading " + file + ": " + e.getMessage()));
      }
      out.addAll(docs);
    }
    return new Manifest(ImmutableList.copyOf(out), ImmutableList.copyOf(errors));
  }

  /** The documents of a classpath resource. */
  public static ImmutableList<Document> readResource(ClassLoader loader, String resource) {
    return orThrow(streamResource(loader, resource));
  }

  /** A classpath resource's documents up to the first that does not parse, and that document's error. */
  public static Manifest streamResource(ClassLoader loader, String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new BadRequestException("the classpath resource \"" + resource + "\" does not exist");
      }
      List<Document> out = new ArrayList<>();
      List<BadRequestException> errors = new ArrayList<>();
      readStream(resource, decoded(in), out, errors);
      return new Manifest(ImmutableList.copyOf(out), ImmutableList.copyOf(errors));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text as kubectl's file visitor reads it ({@code unicode.BOMOverride(unicode.UTF8.NewDecoder())}):
   * a UTF-8 byte-order mark is dropped, a UTF-16 one switches to UTF-16, and bytes that are not
   * UTF-8 become U+FFFD rather than failing the read.
   */
  static Reader decoded(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(3);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    Charset charset = StandardCharsets.UTF_8;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      in.mark(0);
    } else if (b0 == 0xFE && b1 == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      in.reset();
      in.skip(2);
    } else if (b0 == 0xFF && b1 == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      in.reset();
      in.skip(2);
    } else {
      in.reset();
    }
    return new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static void readStream(String source, Reader reader, List<Document> out, List<BadRequestException> errors) {
    DocumentSplitter splitter = new DocumentSplitter(reader);
    try {
      for (DocumentSplitter.Piece piece = splitter.next(); piece != null; piece = splitter.next()) {
        if (piece.tooLarge()) {
          // kubesim does not parse it; as a request it is far beyond the API server's limit
          out.add(new Document(source, out.size(), JsonNodeFactory.instance.objectNode(), Long.MAX_VALUE));
          continue;
        }
        JsonNode tree;
        try {
          tree = YamlTrees.read(piece.text());
        } catch (YamlTrees.YamlProblem e) {
          throw new BadRequestException("error parsing " + source + ": error converting YAML to JSON: " + e.getMessage());
        } catch (JsonProcessingException e) {
          throw parseError(source, e);
        }
        add(source, tree, out);
      }
    } catch (DocumentSplitter.BadSeparator e) {
      errors.add(new BadRequestException("error parsing " + source + ": " + e.getMessage()));
    } catch (BadRequestException e) {
      errors.add(e);
    } catch (IOException e) {
      errors.add(new BadRequestException("error reading " + source + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException jpe) {
        errors.add(parseError(source, jpe));
      } else {
        throw e;
      }
    }
  }

  private static boolean isManifest(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static void add(String source, JsonNode node, List<Document> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw new BadRequestException(
          "error parsing " + source + ": error unmarshaling JSON: json: cannot unmarshal "
              + jsonKind(node) + " into Go value of type map[string]interface {}");
    }
    JsonNode kind = node.get("kind");
    if (kind != null && kind.isTextual() && kind.asText().equals("List") && node.has("items")) {
      for (JsonNode item : node.get("items")) {
        add(source, item, out);
      }
      return;
    }
    long bytes = YamlTrees.jsonBytes(node, ObjectCodec.MAX_REQUEST_BYTES);
    out.add(new Document(source, out.size(), node, bytes));
  }

  private static String jsonKind(JsonNode node) {
    if (node.isArray()) {
      return "array";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "string";
  }

  private static BadRequestException parseError(String source, JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblem() != null) {
      // SnakeYAML's problem and where it was found, as go-yaml words its errors: "yaml: line N: ...".
      int line = y.getProblemMark() != null ? y.getProblemMark().getLine() + 1 : 0;
      String problem = y.getProblem();
      if (problem.startsWith("found character '") && problem.contains("that cannot start any token")) {
        problem = "found character that cannot start any token"; // go-yaml names no character
      }
      return new BadRequestException(
          "error parsing " + source + ": error converting YAML to JSON: yaml: line " + line + ": " + problem);
    }
    JsonLocation loc = e.getLocation();
    String line = loc == null ? "" : "line " + loc.getLineNr() + ": ";
    String problem = e.getOriginalMessage();
    if (problem != null && problem.matches("(?s)Malformed numeric value '[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)'.*")) {
      // .inf and .nan: go-yaml reads them, and Go's JSON encoding cannot write them
      String value = problem.substring("Malformed numeric value '".length(), problem.indexOf('\'', "Malformed numeric value '".length()));
      String go = value.toLowerCase(java.util.Locale.ROOT).equals(".nan") ? "NaN"
          : value.startsWith("-") ? "-Inf" : "+Inf";
      return new BadRequestException(
          "error parsing " + source + ": error converting YAML to JSON: json: unsupported value: " + go);
    }
    if (problem != null) {
      // SnakeYAML puts the problem first and a snippet after it; kubectl shows the problem only.
      int nl = problem.indexOf('\n');
      if (nl > 0) {
        problem = problem.substring(0, nl);
      }
    }
    String what = e instanceof JsonParseException ? "yaml: " + line + problem : problem;
    return new BadRequestException(
        "error parsing " + source + ": error converting YAML to JSON: " + what);
  }
}
