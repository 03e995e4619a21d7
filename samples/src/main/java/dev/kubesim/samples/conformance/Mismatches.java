package dev.kubesim.samples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Collects the differences between what a step expects and what it got, so that one report line
 * names all of them: expected parts, then {@code " / "}, then the actual parts, each joined by
 * {@code "; "}.
 */
final class Mismatches {
  private final List<String> expected = new ArrayList<>();
  private final List<String> actual = new ArrayList<>();

  void add(String expectedPart, String actualPart) {
    expected.add(expectedPart);
    actual.add(actualPart);
  }

  /** Compares two values that must be equal; {@code what} names them ({@code exit code}). */
  void equal(String what, Object expectedValue, Object actualValue) {
    if (!expectedValue.equals(actualValue)) {
      add(what + " " + expectedValue, what + " " + actualValue);
    }
  }

  /** Compares two texts that must be equal, showing both quoted. */
  void sameText(String what, String expectedText, String actualText) {
    if (!expectedText.equals(actualText)) {
      add(what + " " + Texts.quote(expectedText), what + " " + Texts.quote(actualText));
    }
  }

  /** Checks that a regular expression is found in a text ({@link java.util.regex.Matcher#find()}). */
  void matches(String what, String regex, String text) {
    if (!find(regex, text)) {
      add(what + " matching " + Texts.quote(regex), what + " " + Texts.quote(text));
    }
  }

  /** Whether {@code regex} is found in {@code text}; an invalid regex fails the step. */
  static boolean find(String regex, String text) {
    try {
      return Pattern.compile(regex).matcher(text).find();
    } catch (PatternSyntaxException e) {
      throw new StepFailure("a valid regular expression", Texts.oneLine(e.getMessage()));
    }
  }

  boolean isEmpty() {
    return expected.isEmpty();
  }

  /** Passed when nothing differs; otherwise a failure naming every difference, each prefixed. */
  StepOutcome outcome(String prefix) {
    if (isEmpty()) {
      return StepOutcome.PASSED;
    }
    return StepOutcome.failed(prefix + String.join("; ", expected), String.join("; ", actual));
  }

  StepOutcome outcome() {
    return outcome("");
  }
}
