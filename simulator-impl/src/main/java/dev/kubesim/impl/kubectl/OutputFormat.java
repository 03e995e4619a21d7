package dev.kubesim.impl.kubectl;

import java.util.Optional;

/**
 * The {@code -o} formats kubesim prints: the table, {@code wide}, {@code yaml}, {@code json}, {@code
 * name}, {@code jsonpath=TEMPLATE} and {@code custom-columns=SPEC} (the template after the {@code =}
 * is read by {@link #template}).
 */
enum OutputFormat {
  TABLE, WIDE, YAML, JSON, NAME, JSONPATH, CUSTOM_COLUMNS;

  private static final String ALLOWED =
      "custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file,"
          + " name, template, templatefile, wide, yaml";

  /**
   * The format named by {@code -o}.
   *
   * @throws KubectlException for a format kubectl does not know, or one kubesim does not print
   */
  static OutputFormat parse(Optional<String> flag) {
    if (flag.isEmpty() || flag.get().isEmpty()) {
      return TABLE;
    }
    String f = flag.get();
    switch (f) {
      case "wide":
        return WIDE;
      case "yaml":
        return YAML;
      case "json":
        return JSON;
      case "name":
        return NAME;
      default:
        break;
    }
    String base = f.contains("=") ? f.substring(0, f.indexOf('=')) : f;
    if (base.equals("jsonpath")) {
      if (template(flag).isEmpty()) {
        throw KubectlException.error("template format specified but no template given");
      }
      return JSONPATH;
    }
    if (base.equals("custom-columns")) {
      if (template(flag).isEmpty()) {
        throw KubectlException.error("custom-columns format specified but no custom columns given");
      }
      return CUSTOM_COLUMNS;
    }
    if (ALLOWED.contains(base) && !base.isEmpty()) {
      throw KubectlException.error("--output " + base + " is not supported by this simulator yet");
    }
    throw KubectlException.error(
        "unable to match a printer suitable for the output format \"" + f + "\", allowed formats are: "
            + ALLOWED.replace(" ", ""));
  }

  /** The template after {@code jsonpath=} or {@code custom-columns=}, empty when none is given. */
  static String template(Optional<String> flag) {
    String f = flag.orElse("");
    int eq = f.indexOf('=');
    return eq < 0 ? "" : f.substring(eq + 1);
  }

  boolean structured() {
    return this == YAML || this == JSON;
  }
}
