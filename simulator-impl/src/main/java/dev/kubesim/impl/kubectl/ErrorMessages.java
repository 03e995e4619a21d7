package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How kubectl words errors ({@code cmd/util/helpers.go}): {@code StandardErrorMessage} for API
 * errors ({@code Error from server (NotFound): pods "x" not found}), {@code checkErr}'s special
 * form for a single {@code Invalid} error ({@code The Service "web" is invalid: <causes>}), and
 * {@code MultipleErrors} when several errors are reported together.
 */
final class ErrorMessages {
  private static final Pattern INVALID = Pattern.compile("^([A-Za-z0-9.]+) \"([^\"]*)\" is invalid: (.*)$", Pattern.DOTALL);

  private ErrorMessages() {}

  /** One error to report: from the API server (with the source kubectl names), or kubectl's own. */
  record Failure(KubeSimException apiError, String sourcePrefix, String clientMessage) {
    /** An API error; {@code sourcePrefix} is e.g. {@code error when creating "x.yaml": } or empty. */
    static Failure api(KubeSimException e, String sourcePrefix) {
      return new Failure(e, sourcePrefix, null);
    }

    /** An error raised by kubectl itself, without the {@code error: } prefix. */
    static Failure client(String message) {
      return new Failure(null, "", message.startsWith("error: ") ? message.substring(7) : message);
    }
  }

  /** {@code StandardErrorMessage}. */
  static String standard(KubeSimException e, String sourcePrefix) {
    String reason = e.reason();
    String message = sourcePrefix + e.getMessage();
    return reason == null || reason.isEmpty() ? "Error from server: " + message : "Error from server (" + reason + "): " + message;
  }

  /** {@code checkErr} for one error. */
  static String single(Failure f) {
    if (f.apiError() == null) {
      return "error: " + f.clientMessage();
    }
    KubeSimException e = f.apiError();
    if ("Invalid".equals(e.reason())) {
      Matcher m = INVALID.matcher(e.getMessage());
      if (m.matches()) {
        String kind = m.group(1);
        int dot = kind.indexOf('.');
        if (dot > 0) {
          kind = kind.substring(0, dot); // details.Kind carries no group
        }
        String prefix = "The " + kind + " \"" + m.group(2) + "\" is invalid: ";
        List<String> causes = new ArrayList<>();
        for (StatusCause c : e.causes()) {
          String text = c.message();
          if (!c.field().isEmpty() && !text.startsWith(c.field() + ": ")) {
            text = c.field() + ": " + text;
          }
          causes.add(text);
        }
        if (causes.isEmpty()) {
          causes.add(m.group(3));
        }
        if (causes.size() == 1) {
          return prefix + causes.get(0);
        }
        StringBuilder sb = new StringBuilder(prefix).append('\n');
        for (String c : causes) {
          sb.append("* ").append(c).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
      }
    }
    return standard(e, f.sourcePrefix());
  }

  /** {@code MultipleErrors}: one line per error, API errors in their standard form. */
  static String multiple(List<Failure> failures) {
    List<String> lines = new ArrayList<>();
    for (Failure f : failures) {
      lines.add(f.apiError() == null ? f.clientMessage() : standard(f.apiError(), f.sourcePrefix()));
    }
    return String.join("\n", lines);
  }

  /** Reports collected failures the way kubectl's {@code CheckErr} does for an aggregate. */
  static void report(KubectlOutput out, List<Failure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    out.fail(failures.size() == 1 ? single(failures.get(0)) : multiple(failures));
  }
}
