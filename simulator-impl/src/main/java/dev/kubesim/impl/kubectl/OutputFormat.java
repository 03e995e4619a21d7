package dev.kubesim.impl.kubectl;

import java.util.Optional;

/** The {@code -o} formats kubesim prints: the table, {@code wide}, {@code yaml}, {@code json}, {@code name}. */
enum OutputFormat {
  TABLE, WIDE, YAML, JSON, NAME;

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
    if (ALLOWED.contains(base) && !base.isEmpty()) {
      throw KubectlException.error("--output " + base + " is not supported by this simulator yet");
    }
    throw KubectlException.error(
        "unable to match a printer suitable for the output format \"" + f + "\", allowed formats are: "
            + ALLOWED.replace(" ", ""));
  }

  boolean structured() {
    return this == YAML || this == JSON;
  }
}
