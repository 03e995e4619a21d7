package dev.kubesim.impl.kubectl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code -o} formats kubesim prints: the table, {@code wide}, {@code yaml}, {@code json}, {@code
 * name}, {@code jsonpath=TEMPLATE} (and {@code jsonpath-file=FILE}), {@code go-template=TEMPLATE}
 * (and its aliases {@code template}, {@code go-template-file=FILE}, {@code templatefile=FILE}) and
 * {@code custom-columns=SPEC}. As kubectl's print flags have it, the template may come from
 * {@code --template} instead of after the {@code =}, and {@code --template} alone means {@code
 * go-template}.
 */
enum OutputFormat {
  TABLE, WIDE, YAML, JSON, NAME, JSONPATH, GO_TEMPLATE, CUSTOM_COLUMNS;

  private static final String ALLOWED =
      "custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file,"
          + " name, template, templatefile, wide, yaml";

  private static final List<String> JSONPATH_FORMATS = List.of("jsonpath", "jsonpath-file", "jsonpath-as-json");
  private static final List<String> GO_TEMPLATE_FORMATS = List.of("template", "go-template", "go-template-file", "templatefile");
  private static final List<String> COLUMNS_FORMATS = List.of("custom-columns", "custom-columns-file");

  /**
   * A format and the template it prints with (empty for the formats that take none).
   *
   * @param format the format
   * @param template the template's text (a file's content for the {@code -file} formats)
   */
  record Printer(OutputFormat format, String template) {}

  /**
   * The printer {@code -o} and {@code --template} choose, as cli-runtime's print flags resolve them
   * (the JSON/YAML, name, template and custom-columns printers in turn); template files are read
   * as {@code -f} reads files. Templates are parsed when they print, after the objects are
   * fetched, as kubectl's {@code get} builds its printer.
   *
   * @param ctx the command, to read template files through; null when no file can be named
   * @throws KubectlException with kubectl's words for unknown formats, missing templates, unreadable
   *     files
   */
  static Printer resolve(Optional<String> output, Optional<String> templateFlag, CommandContext ctx) {
    String f = output.orElse("");
    String templateArg = templateFlag.orElse("");
    if (!templateArg.isEmpty() && f.isEmpty()) {
      f = "go-template";
    }
    switch (f) {
      case "":
        return plain(TABLE);
      case "wide":
        return plain(WIDE);
      case "yaml":
        return plain(YAML);
      case "json":
        return plain(JSON);
      case "name":
        return plain(NAME);
      default:
        break;
    }
    Optional<String[]> jsonPath = split(f, templateArg, JSONPATH_FORMATS);
    if (jsonPath.isPresent()) {
      String base = jsonPath.get()[0];
      String value = jsonPath.get()[1];
      if (value.isEmpty()) {
        throw KubectlException.error("template format specified but no template given");
      }
      if (base.equals("jsonpath-as-json")) {
        throw KubectlException.error("--output " + base + " is not supported by this simulator yet");
      }
      return new Printer(JSONPATH, base.equals("jsonpath-file") ? readTemplate(ctx, value) : value);
    }
    Optional<String[]> goTemplate = split(f, templateArg, GO_TEMPLATE_FORMATS);
    if (goTemplate.isPresent()) {
      String base = goTemplate.get()[0];
      String value = goTemplate.get()[1];
      if (value.isEmpty()) {
        throw KubectlException.error("template format specified but no template given");
      }
      boolean file = base.equals("go-template-file") || base.equals("templatefile");
      return new Printer(GO_TEMPLATE, file ? readTemplate(ctx, value) : value);
    }
    Optional<String[]> columns = split(f, templateArg, COLUMNS_FORMATS);
    if (columns.isPresent()) {
      String base = columns.get()[0];
      if (base.equals("custom-columns-file")) {
        throw KubectlException.error("--output " + base + " is not supported by this simulator yet");
      }
      if (columns.get()[1].isEmpty()) {
        throw KubectlException.error("custom-columns format specified but no custom columns given");
      }
      return new Printer(CUSTOM_COLUMNS, columns.get()[1]);
    }
    throw KubectlException.error(
        "unable to match a printer suitable for the output format \"" + f + "\", allowed formats are: "
            + ALLOWED.replace(" ", ""));
  }

  private static Printer plain(OutputFormat format) {
    return new Printer(format, "");
  }

  /**
   * One printer family's reading of the format: {@code [format, template]} when the format is one
   * of the family's ({@code NAME=TEMPLATE}, or {@code NAME} with {@code --template}).
   */
  private static Optional<String[]> split(String f, String templateArg, List<String> family) {
    String base = f;
    String value = templateArg;
    if (templateArg.isEmpty()) {
      for (String name : family) {
        if (f.startsWith(name + "=")) {
          base = name;
          value = f.substring(name.length() + 1);
          break;
        }
      }
    }
    return family.contains(base) ? Optional.of(new String[] {base, value}) : Optional.empty();
  }

  /** A template file, read as {@code -f} reads files; kubectl's error when it cannot be. */
  private static String readTemplate(CommandContext ctx, String name) {
    Optional<String> provided = ctx == null ? Optional.empty() : ctx.file(name);
    if (provided.isPresent()) {
      return provided.get();
    }
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw KubectlException.error("error reading --template " + name + ", open " + name + ": no such file or directory");
    } catch (java.io.IOException | RuntimeException e) {
      throw KubectlException.error("error reading --template " + name + ", open " + name + ": " + e.getMessage());
    }
  }

  boolean structured() {
    return this == YAML || this == JSON;
  }
}
