package dev.kubesim.samples.lab;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

/** The checks a lab file's {@code check} blocks may use, and how a line becomes one. */
public final class LabChecks {
  private static final List<Function<String, Optional<LabCheck>>> PARSERS = List.of(
      ServiceEndpointsCheck::parse,
      ServiceTypeCheck::parse,
      PodCountCheck::parse,
      DeploymentReplicasCheck::parse,
      PresenceCheck::parse,
      OutputCheck::parse,
      LastRequestCheck::parse,
      CurlProbeCheck::parse,
      ReachabilityCheck::parse);

  /** The forms of the known checks, as error messages and the usage list them. */
  public static final List<String> FORMS = List.of(
      ServiceEndpointsCheck.FORM,
      ServiceTypeCheck.FORM,
      PodCountCheck.FORM,
      DeploymentReplicasCheck.FORM,
      PresenceCheck.FORM,
      OutputCheck.FORM,
      LastRequestCheck.FORM,
      CurlProbeCheck.FORM,
      ReachabilityCheck.FORM);

  private LabChecks() {}

  /**
   * The check a line of a {@code check} block states.
   *
   * @param file the lab file, for errors
   * @param line the line's 1-based number, for errors
   * @param text the line, without surrounding blanks
   * @throws LabFormatException for a line that is no known check, or an invalid regular expression
   */
  public static LabCheck parse(String file, int line, String text) {
    for (Function<String, Optional<LabCheck>> parser : PARSERS) {
      Optional<LabCheck> check;
      try {
        check = parser.apply(text);
      } catch (PatternSyntaxException e) {
        throw new LabFormatException(file, line, "invalid regular expression \"" + e.getPattern() + "\": "
            + e.getDescription());
      }
      if (check.isPresent()) {
        return check.get();
      }
    }
    throw new LabFormatException(file, line, "unknown check \"" + text + "\"; known checks: " + String.join("; ", FORMS));
  }
}
