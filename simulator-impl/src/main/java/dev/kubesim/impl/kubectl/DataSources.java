package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.apiserver.validation.GoFormat;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data of {@code kubectl create configmap} and {@code create secret generic} from {@code
 * --from-literal=KEY=VALUE}, {@code --from-file=[KEY=]PATH} and {@code --from-env-file=PATH}, with
 * kubectl's own errors ({@code staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go},
 * {@code create_secret.go}, {@code cmd/util/env_file.go}). A file is read from what the caller
 * provides under its name, else from the host's filesystem.
 */
final class DataSources {
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  /** The text values ({@code data}) and the bytes that are not UTF-8 ({@code binaryData}, base64). */
  record Data(Map<String, String> text, Map<String, String> binary) {}

  private final CommandContext ctx;
  private final String kind;
  private final String name;
  private final Map<String, String> text = new LinkedHashMap<>();
  private final Map<String, String> binary = new LinkedHashMap<>();

  private DataSources(CommandContext ctx, String kind, String name) {
    this.ctx = ctx;
    this.kind = kind;
    this.name = name;
  }

  /** A file's bytes, from the lab's own files or the disk, with kubectl's error when it cannot be read. */
  static byte[] readFile(CommandContext ctx, String path) {
    return new DataSources(ctx, "Secret", "").readFile(path);
  }

  /** Reads every source the flags name, files first, then literals, as kubectl does. */
  static Data read(CommandContext ctx, String kind, String name) {
    ParsedArgs args = ctx.args();
    List<String> envFiles = args.strings("from-env-file");
    if (!envFiles.isEmpty() && (args.has("from-file") || args.has("from-literal"))) {
      throw KubectlException.error("from-env-file cannot be combined with from-file or from-literal");
    }
    DataSources d = new DataSources(ctx, kind, name);
    for (String source : args.strings("from-file")) {
      d.fromFile(source);
    }
    for (String literal : args.strings("from-literal")) {
      d.fromLiteral(literal);
    }
    for (String file : envFiles) {
      d.fromEnvFile(file);
    }
    return new Data(d.text, d.binary);
  }

  private void fromLiteral(String literal) {
    int eq = literal.indexOf('=');
    if (eq <= 0) {
      throw KubectlException.error("invalid literal source " + literal + ", expected key=value");
    }
    add(literal.substring(0, eq), literal.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
  }

  private void fromFile(String source) {
    int eq = source.indexOf('=');
    String key;
    String path;
    String dir = eq < 0 ? source : source.substring(eq + 1);
    if (ctx.file(dir).isEmpty() && Files.isDirectory(Path.of(dir))) {
      if (eq >= 0) {
        throw KubectlException.error("cannot give a key name for a directory path");
      }
      fromDirectory(dir);
      return;
    }
    if (eq < 0) {
      path = source;
      key = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
    } else {
      key = source.substring(0, eq);
      path = source.substring(eq + 1);
      if (key.isEmpty() || path.isEmpty()) {
        throw KubectlException.error("key names or file paths cannot be empty");
      }
    }
    add(key, readFile(path));
  }

  /** A directory: each regular file in it, in name order, under its file name (subdirectories are skipped). */
  private void fromDirectory(String dir) {
    List<Path> files;
    try (java.util.stream.Stream<Path> entries = Files.list(Path.of(dir))) {
      files = entries.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | RuntimeException e) {
      throw KubectlException.error("error listing files in " + dir + ": " + e.getMessage());
    }
    for (Path f : files) {
      add(f.getFileName().toString(), readFile(f.toString()));
    }
  }

  /** {@code addFromEnvFile}: {@code KEY=VALUE} lines, comments and blank lines skipped, values as written. */
  private void fromEnvFile(String path) {
    String content = new String(readFile(path), StandardCharsets.UTF_8);
    for (EnvFileLines.Entry e : EnvFileLines.parse(content)) {
      if (!ENV_NAME.matcher(e.key()).matches()) {
        throw KubectlException.error(GoFormat.quote(e.key()) + " is not a valid key name: " + ValidationMessages.regexError(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not"
                + " start with a digit", "[-._a-zA-Z][-._a-zA-Z0-9]*", "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
      }
      // a bare name takes its value from kubectl's environment, which has none of the file's names here
      e.value().ifPresent(v -> add(e.key(), v.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private byte[] readFile(String path) {
    Optional<String> provided = ctx.file(path);
    if (provided.isPresent()) {
      return provided.get().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (NoSuchFileException e) {
      throw KubectlException.error("error reading " + path + ": no such file or directory");
    } catch (IOException | RuntimeException e) {
      throw KubectlException.error("error reading " + path + ": " + e.getMessage());
    }
  }

  private void add(String key, byte[] value) {
    List<String> errs = configKey(key);
    if (!errs.isEmpty()) {
      throw KubectlException.error(kind.equals("Secret")
          ? GoFormat.quote(key) + " is not valid key name for a Secret " + String.join(";", errs)
          : GoFormat.quote(key) + " is not a valid key name for a ConfigMap: " + String.join(";", errs));
    }
    if (text.containsKey(key) || binary.containsKey(key)) {
      throw KubectlException.error(kind.equals("Secret")
          ? "cannot add key " + key + ", another key by that name already exists"
          : "cannot add key " + GoFormat.quote(key) + ", another key by that name already exists in Data for ConfigMap "
              + GoFormat.quote(name));
    }
    if (kind.equals("Secret")) {
      text.put(key, Base64.getEncoder().encodeToString(value));
      return;
    }
    try {
      text.put(key, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value)).toString());
    } catch (CharacterCodingException e) {
      binary.put(key, Base64.getEncoder().encodeToString(value));
    }
  }

  /** {@code IsConfigMapKey}. */
  private static List<String> configKey(String key) {
    List<String> errs = new ArrayList<>();
    if (key.length() > 253) {
      errs.add(ValidationMessages.maxLenError(253));
    }
    if (!CONFIG_KEY.matcher(key).matches()) {
      errs.add(ValidationMessages.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
          "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"));
    }
    if (key.equals(".")) {
      errs.add("must not be '.'");
    } else if (key.equals("..")) {
      errs.add("must not be '..'");
    } else if (key.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }
}
