package dev.kubesim.samples.lab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code output contains TEXT} or {@code output matches REGEX}: what the last command line printed
 * (a regular expression matches anywhere in it, {@code (?m)} lets {@code ^} and {@code $} match lines).
 */
record OutputCheck(String text, Pattern expected) implements LabCheck {
  static final String FORM = "output contains TEXT | output matches REGEX";
  private static final Pattern SYNTAX = Pattern.compile("output (contains|matches) (.+)");
  /** How much of the output a failed check shows. */
  private static final int SHOWN = 60;

  /**
   * @throws java.util.regex.PatternSyntaxException for a regular expression that does not compile
   */
  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String wanted = m.group(2).strip();
    Pattern p = m.group(1).equals("contains") ? Pattern.compile(Pattern.quote(wanted)) : Pattern.compile(wanted);
    return Optional.of(new OutputCheck(text, p));
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    String output = context.lastOutput();
    return CheckResult.of(this, expected.matcher(output).find(), shown(output));
  }

  /** The output's first line, shortened, in quotes; or that there was none. */
  private static String shown(String output) {
    String first = output.strip().lines().findFirst().orElse("");
    if (first.isEmpty()) {
      return "no output";
    }
    return "\"" + (first.length() > SHOWN ? first.substring(0, SHOWN) + "..." : first) + "\"";
  }
}
