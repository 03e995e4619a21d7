package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoTemplate;
import dev.kubesim.impl.kubectl.output.JsonPath;
import dev.kubesim.impl.kubectl.print.TabWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template outputs of {@code kubectl get}: {@code -o jsonpath=TEMPLATE}, {@code -o
 * go-template=TEMPLATE} and {@code -o custom-columns=SPEC}.
 */
final class TemplateOutput {
  /** cli-runtime's relaxed JSONPath of a column: braces and the leading dot may be left out. */
  private static final Pattern RELAXED = Pattern.compile("^\\{?(\\.?[^{}]+)\\}?$");

  private TemplateOutput() {}

  /** What {@code -o jsonpath=TEMPLATE} prints for the object or {@code List}: no newline is added. */
  static String jsonPath(String template, JsonNode tree) {
    return parse(template, template).execute(tree);
  }

  /**
   * What {@code -o go-template=TEMPLATE} prints for the object or {@code List}, as cli-runtime's
   * {@code GoTemplatePrinter} does: the object as JSON decoded into Go's generic maps, then the
   * template. A template that does not parse fails with kubectl's {@code error parsing template};
   * one that fails while executing writes what it printed so far and kubectl's debugging text
   * (template, raw data, object) to {@code out}, then fails with {@code error executing template}.
   */
  static void goTemplate(String template, JsonNode tree, boolean allowMissingKeys, KubectlOutput out) {
    GoTemplate parsed;
    try {
      parsed = GoTemplate.parse(template);
    } catch (GoTemplate.ParseException e) {
      throw KubectlException.error("error parsing template " + template + ", " + e.getMessage());
    }
    Object data = GoTemplate.data(tree);
    StringBuilder printed = new StringBuilder();
    try {
      parsed.execute(data, allowMissingKeys, printed);
      out.out(printed.toString());
    } catch (GoTemplate.ExecException e) {
      printed.append("Error executing template: ").append(e.getMessage())
          .append(". Printing more information for debugging the template:\n")
          .append("\ttemplate was:\n\t\t").append(template).append('\n')
          .append("\traw data was:\n\t\t").append(GoJson.compact(tree)).append('\n')
          .append("\tobject given to template engine was:\n\t\t").append(GoTemplate.goValue(data)).append("\n\n");
      out.out(printed.toString());
      throw KubectlException.error("error executing template " + dev.kubesim.impl.apiserver.validation.GoFormat.quote(template)
          + ": " + e.getMessage());
    }
  }

  /**
   * {@code -o custom-columns=HEADER:PATH,...}: a header line (unless {@code noHeaders}) and a row an
   * object, each cell the path's values joined by commas, {@code <none>} where there are none,
   * aligned as kubectl's tables are.
   */
  static String customColumns(String spec, List<KubeObject> objects, boolean noHeaders) {
    List<String> headers = new ArrayList<>();
    List<JsonPath> paths = new ArrayList<>();
    for (String column : spec.split(",")) {
      int colon = column.indexOf(':');
      if (colon < 0) {
        throw KubectlException.error("unexpected custom-columns spec: " + column + ", expected <header>:<json-path-expr>");
      }
      headers.add(column.substring(0, colon));
      paths.add(parse(relaxed(column.substring(colon + 1)), column.substring(colon + 1)));
    }
    TabWriter w = TabWriter.forTables();
    if (!noHeaders) {
      w.write(String.join("\t", headers) + "\n");
    }
    for (KubeObject o : objects) {
      JsonNode tree = ObjectCodec.encode(o);
      List<String> cells = new ArrayList<>();
      for (JsonPath p : paths) {
        List<String> values = p.results(tree).stream().map(dev.kubesim.impl.kubectl.output.GoValues::format).toList();
        cells.add(values.isEmpty() ? "<none>" : String.join(",", values));
      }
      w.write(String.join("\t", cells) + "\n");
    }
    return w.flush().output();
  }

  /** {@code .metadata.name}, {@code metadata.name} and {@code {.metadata.name}} all mean {@code {.metadata.name}}. */
  static String relaxed(String path) {
    Matcher m = RELAXED.matcher(path);
    if (!m.matches()) {
      throw KubectlException.error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or "
          + "'{.name1.name2}'");
    }
    String inner = m.group(1);
    return "{" + (inner.startsWith(".") ? inner : "." + inner) + "}";
  }

  static JsonPath parse(String template, String given) {
    try {
      return JsonPath.parse(template);
    } catch (JsonPath.ParseException e) {
      throw KubectlException.error("error parsing jsonpath " + given + ", " + e.getMessage());
    }
  }
}
