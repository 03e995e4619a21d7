package dev.kubesim.impl.kubectl;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.kubectl.kustomize.Kustomize;
import dev.kubesim.impl.kubectl.kustomize.KustomizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The objects of {@code -f FILE|FOLDER|-} as kubectl's resource builder reads them: a file, the
 * {@code .yaml}/{@code .yml}/{@code .json} files of a folder (of its whole tree with {@code -R}),
 * or standard input named {@code STDIN}; each document decoded on its own, so that one bad
 * document fails alone. {@code -k DIR} reads the objects a kustomization builds instead. Namespaced objects without a namespace get the command's namespace.
 */
final class ManifestInput {
  /** One decoded document and its object, namespace filled in. */
  record Item(Document document, KubeObject object, KindInfo kind) {
    String source() {
      return document.source();
    }
  }

  private ManifestInput() {}

  /** Whether the command was given objects by {@code -f} or {@code -k}. */
  static boolean given(CommandContext ctx) {
    return ctx.args().has("filename") || ctx.args().has("kustomize");
  }

  /**
   * The decoded documents of every {@code -f}, failures recorded for the ones that do not decode;
   * with {@code -l}, only the objects whose labels it selects, as kubectl's builder filters them.
   */
  static List<Item> read(CommandContext ctx, List<Failure> failures) {
    List<Item> items = readAll(ctx, failures);
    Optional<String> selector = ctx.args().has("selector") ? ctx.args().string("selector") : Optional.empty();
    if (selector.isEmpty()) {
      return items;
    }
    java.util.function.Predicate<java.util.Map<String, String>> selects = SelectorParser.parse(selector.get());
    return items.stream().filter(i -> selects.test(i.object().metadata().labels())).toList();
  }

  private static List<Item> readAll(CommandContext ctx, List<Failure> failures) {
    List<Item> items = new ArrayList<>();
    boolean recursive = ctx.args().bool("recursive");
    if (ctx.args().has("kustomize")) {
      if (ctx.args().has("filename")) {
        throw KubectlException.error("only one of -f or -k can be specified");
      }
      if (recursive) {
        throw KubectlException.error("the '--recursive' flag is unsupported with the '-k' flag");
      }
      String dir = ctx.args().string("kustomize").orElse("");
      List<ObjectNode> objects = kustomize(ctx, dir).objects();
      for (int i = 0; i < objects.size(); i++) {
        decode(ctx, new Document(dir, i, objects.get(i)), items, failures);
      }
      return items;
    }
    for (String f : ctx.args().strings("filename")) {
      List<Document> docs;
      try {
        Optional<String> provided = f.equals("-") ? Optional.empty() : ctx.file(f);
        ManifestReader.Manifest manifest =
            provided.isPresent() ? ManifestReader.stream(f, provided.get()) : documents(f, ctx.stdin(), recursive);
        // a stream that stops parsing keeps the documents before the error, as kubectl's visitor does
        docs = manifest.documents();
        manifest.errors().forEach(e -> failures.add(Failure.client(e.getMessage())));
      } catch (KubeSimException e) {
        failures.add(Failure.client(e.getMessage()));
        continue;
      }
      for (Document doc : docs) {
        decode(ctx, doc, items, failures);
      }
    }
    return items;
  }

  private static void decode(CommandContext ctx, Document doc, List<Item> items, List<Failure> failures) {
    try {
      KubeObject object = ObjectCodec.decode(doc, ctx.api().kinds());
      KindInfo kind = ctx.api().kinds().lookup(object.apiVersion(), object.kind()).orElseThrow();
      items.add(new Item(doc, withNamespace(ctx, object, kind), kind));
    } catch (KubectlException e) {
      failures.add(Failure.client(e.getMessage()));
    } catch (KubeSimException e) {
      // strict decoding errors and the request limits come from the API server; the others are kubectl's own
      failures.add(e.getMessage().startsWith("error when") ? Failure.api(e, "") : Failure.client(e.getMessage()));
    }
  }

  /** Files larger than this are not read for a kustomization (kubesim's bound, far above real apps). */
  private static final long MAX_KUSTOMIZE_FILE = 8L * 1024 * 1024;

  /**
   * Builds the kustomization in {@code dir}: its files read as {@code -f} reads them (the names
   * the caller provides first, then the file system), kustomize's warnings on standard error,
   * its failures in kustomize's words.
   */
  static Kustomize.Result kustomize(CommandContext ctx, String dir) {
    Kustomize.Result result;
    try {
      result = Kustomize.build(dir, name -> kustomizeFile(ctx, name), name -> {
        try {
          return Files.isDirectory(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
          return false;
        }
      });
    } catch (KustomizeException e) {
      throw KubectlException.error(e.getMessage());
    }
    for (String w : result.warnings()) {
      ctx.out().err(w + "\n");
    }
    return result;
  }

  private static Optional<String> kustomizeFile(CommandContext ctx, String name) {
    Optional<String> provided = ctx.file(name);
    if (provided.isPresent()) {
      return provided;
    }
    try {
      Path p = Path.of(name);
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      if (Files.size(p) > MAX_KUSTOMIZE_FILE) {
        throw new KustomizeException("file '" + name + "' is larger than " + MAX_KUSTOMIZE_FILE + " bytes");
      }
      return Optional.of(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The objects named by {@code -f}, as get, describe and delete use them. */
  /**
   * What a command acts on: the objects of its {@code -f} files, or else its {@code TYPE NAME} /
   * {@code TYPE/NAME} arguments; with none of either, kubectl's own error ({@code missing}) when
   * the command has one.
   */
  static List<ResourceArgs.Request> requests(
      CommandContext ctx, List<String> resources, boolean allowCategory, String missing, List<Failure> failures) {
    if (given(ctx)) {
      return references(ctx, failures);
    }
    if (resources.isEmpty() && missing != null) {
      throw KubectlException.raw(missing);
    }
    return ResourceArgs.parse(ctx.api().kinds(), resources, allowCategory);
  }

  /**
   * What a command that changes named objects ({@code label}, {@code annotate}, {@code scale})
   * acts on: kubectl's usage error ({@code missing}) when nothing is given, and its error for a
   * resource type without names unless {@code --all}, {@code -l} or {@code -f} choose them.
   */
  static List<ResourceArgs.Request> namedTargets(
      CommandContext ctx, List<String> resources, String missing, String command, List<Failure> failures) {
    List<ResourceArgs.Request> requests = requests(ctx, resources, false, null, failures);
    if (requests.isEmpty() && failures.isEmpty()) {
      throw KubectlException.error(missing);
    }
    boolean named = requests.stream().anyMatch(r -> !r.names().isEmpty());
    ParsedArgs args = ctx.args();
    if (!named && !given(ctx) && !args.bool("all") && !args.has("selector")) {
      throw KubectlException.error("resource(s) were provided, but no name was specified");
    }
    return requests;
  }

  static List<ResourceArgs.Request> references(CommandContext ctx, List<Failure> failures) {
    List<ResourceArgs.Request> requests = new ArrayList<>();
    for (Item item : read(ctx, failures)) {
      requests.add(new ResourceArgs.Request(item.kind(), new ArrayList<>(List.of(item.object().metadata().nameOrEmpty())),
          item.kind().namespaced() ? item.object().metadata().namespace() : Optional.empty()));
    }
    return requests;
  }

  private static ManifestReader.Manifest documents(String f, String stdin, boolean recursive) {
    if (f.equals("-")) {
      return ManifestReader.stream("STDIN", stdin == null ? "" : stdin);
    }
    if (ManifestUrls.isUrl(f)) {
      return ManifestReader.stream(f, ManifestUrls.fetch(f));
    }
    Path path = Path.of(f);
    if (!Files.isDirectory(path) || recursive) {
      return ManifestReader.stream(path);
    }
    // without -R kubectl reads only the folder's own files
    List<Document> docs = new ArrayList<>();
    List<BadRequestException> errors = new ArrayList<>();
    try (Stream<Path> files = Files.list(path)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")) {
          ManifestReader.Manifest m = ManifestReader.stream(p);
          docs.addAll(m.documents());
          errors.addAll(m.errors());
        }
      }
    } catch (IOException e) {
      throw new BadRequestException("error reading " + f + ": " + e.getMessage());
    }
    return new ManifestReader.Manifest(com.google.common.collect.ImmutableList.copyOf(docs),
        com.google.common.collect.ImmutableList.copyOf(errors));
  }

  private static KubeObject withNamespace(CommandContext ctx, KubeObject object, KindInfo kind) {
    if (!kind.namespaced()) {
      return object;
    }
    ObjectMeta meta = object.metadata();
    String own = meta.namespace().filter(s -> !s.isEmpty()).orElse(null);
    if (own != null && ctx.namespaceGiven() && !own.equals(ctx.namespace())) {
      throw KubectlException.error(
          "the namespace from the provided object \"" + own + "\" does not match the namespace \"" + ctx.namespace()
              + "\". You must pass '--namespace=" + own + "' to perform this operation.");
    }
    return own != null ? object : object.withMetadata(meta.toBuilder().namespace(ctx.namespace()).build());
  }
}
