package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import dev.kubesim.api.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 */
public final class ManifestReader {
  private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

  private ManifestReader() {}

  /** The documents of a YAML or JSON text; {@code source} names it in messages ({@code STDIN}). */
  public static ImmutableList<Document> read(String source, String text) {
    List<Document> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        add(source, node, out);
      }
    } catch (JsonProcessingException e) {
      throw parseError(source, e);
    } catch (IOException e) {
      throw new BadRequestException("error reading " + source + ": " + e.getMessage());
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException jpe) {
        throw parseError(source, jpe);
      }
      throw e;
    }
    return ImmutableList.copyOf(out);
  }

  /** The documents of a file, or of every manifest file below a folder, in path order. */
  public static ImmutableList<Document> read(Path path) {
    if (!Files.exists(path)) {
      throw new BadRequestException("the path \"" + path + "\" does not exist");
    }
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ImmutableList.Builder<Document> all = ImmutableList.builder();
      for (Path file : files) {
        all.addAll(readFile(file));
      }
      return all.build();
    }
    return readFile(path);
  }

  /** The documents of a classpath resource. */
  public static ImmutableList<Document> readResource(ClassLoader loader, String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new BadRequestException("the classpath resource \"" + resource + "\" does not exist");
      }
      return read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImmutableList<Document> readFile(Path file) {
    try {
      return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadRequestException("error reading " + file + ": " + e.getMessage());
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
    out.add(new Document(source, out.size(), node));
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
      return new BadRequestException(
          "error parsing " + source + ": error converting YAML to JSON: yaml: line " + line + ": " + y.getProblem());
    }
    JsonLocation loc = e.getLocation();
    String line = loc == null ? "" : "line " + loc.getLineNr() + ": ";
    String problem = e.getOriginalMessage();
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
