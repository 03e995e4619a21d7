package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads one {@code nginx.ingress.kubernetes.io/} annotation the way ingress-nginx's annotation
 * parser does ({@code checkAnnotation} and {@code GetStringAnnotation}/{@code GetBoolAnnotation}/
 * {@code GetIntAnnotation}): an empty value falls back to the annotation's aliases, a non-empty
 * value must pass the annotation's validator, the text is trimmed line by line, and booleans and
 * integers are Go's. Each failure is one of the parser's three errors, which the annotation's own
 * parser then ignores, turns into a denied location or lets leave the whole Ingress out.
 */
final class AnnotationReader {
  static final String PREFIX = "nginx.ingress.kubernetes.io/";

  private static final String ALPHA_NUMERIC = "\\-\\._~a-zA-Z0-9/:";
  /** {@code RegexPathWithCapture}: a path with {@code $N} captures. */
  static final Pattern PATH_WITH_CAPTURE = Pattern.compile("^/?[" + ALPHA_NUMERIC + "/\\$]*$");
  /** {@code URLIsValidRegex}: a URL with a query string. */
  static final Pattern URL = Pattern.compile("^[" + ALPHA_NUMERIC + ",:?&=]*$");
  /** {@code BasicCharsRegex}: names, {@code host:port/path}. */
  static final Pattern BASIC_CHARS = Pattern.compile("^[/" + ALPHA_NUMERIC + "]*$");
  private static final Pattern MALICIOUS = Pattern.compile("\r|\n");

  /** What went wrong reading an annotation, as the parser's errors tell it. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    /** The parser's error kinds. */
    enum Kind {
      /** {@code ErrMissingAnnotations}: the annotation is not there. */
      MISSING,
      /** {@code InvalidContentError}: present but empty, or not a bool or int. */
      INVALID_CONTENT,
      /** {@code ValidationError}: the validator refused the value. */
      VALIDATION
    }

    final Kind kind;

    Problem(Kind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  private AnnotationReader() {}

  /** A validator that matches the whole value against {@code regex}, spaces removed first if asked ({@code ValidateRegex}). */
  static Predicate<String> regex(Pattern regex, boolean removeSpace) {
    return v -> {
      String s = removeSpace ? v.replace(" ", "") : v;
      return regex.matcher(s).find() && !MALICIOUS.matcher(s).find();
    };
  }

  /** {@code ValidateOptions}: one of the options, compared after trimming and, unless case-sensitive, lower-casing. */
  static Predicate<String> options(List<String> options, boolean caseSensitive) {
    return v -> options.contains(caseSensitive ? v.trim() : v.trim().toLowerCase(Locale.ROOT));
  }

  /** {@code ValidateBool}. */
  static final Predicate<String> BOOL = v -> parseBool(v).isPresent();
  /** {@code ValidateInt}. */
  static final Predicate<String> INT = v -> atoi(v).isPresent();

  /**
   * {@code GetStringAnnotation}: the value, trimmed line by line.
   *
   * @throws Problem when missing, empty or refused by the validator
   */
  static String string(Ingress ing, String name, Predicate<String> validator, String... aliases) throws Problem {
    Map<String, String> annotations = ing.metadata().annotations();
    String fullName = check(annotations, name, validator, aliases);
    String value = annotations.get(fullName);
    if (value == null) {
      throw new Problem(Problem.Kind.MISSING, "ingress rule without annotations");
    }
    String normalized = normalize(value);
    if (normalized.isEmpty()) {
      throw new Problem(Problem.Kind.INVALID_CONTENT,
          "the annotation " + fullName + " does not contain a valid value (" + value + ")");
    }
    return normalized;
  }

  /** {@code GetBoolAnnotation}: Go's {@code strconv.ParseBool}. */
  static boolean bool(Ingress ing, String name) throws Problem {
    Map<String, String> annotations = ing.metadata().annotations();
    String fullName = check(annotations, name, BOOL);
    String value = annotations.get(fullName);
    if (value == null) {
      throw new Problem(Problem.Kind.MISSING, "ingress rule without annotations");
    }
    return parseBool(value).orElseThrow(() -> new Problem(Problem.Kind.INVALID_CONTENT,
        "the annotation " + fullName + " does not contain a valid value (" + value + ")"));
  }

  /** {@code GetIntAnnotation}: Go's {@code strconv.Atoi}. */
  static long integer(Ingress ing, String name) throws Problem {
    Map<String, String> annotations = ing.metadata().annotations();
    String fullName = check(annotations, name, INT);
    String value = annotations.get(fullName);
    if (value == null) {
      throw new Problem(Problem.Kind.MISSING, "ingress rule without annotations");
    }
    return atoi(value).orElseThrow(() -> new Problem(Problem.Kind.INVALID_CONTENT,
        "the annotation " + fullName + " does not contain a valid value (" + value + ")"));
  }

  /** {@code checkAnnotation}: the full name to read (an alias's when the annotation is empty), the value validated. */
  private static String check(Map<String, String> annotations, String name, Predicate<String> validator, String... aliases)
      throws Problem {
    if (annotations.isEmpty()) {
      throw new Problem(Problem.Kind.MISSING, "ingress rule without annotations");
    }
    String fullName = PREFIX + name;
    String value = annotations.getOrDefault(fullName, "");
    if (value.isEmpty()) {
      for (String alias : aliases) {
        String aliasValue = annotations.getOrDefault(PREFIX + alias, "");
        if (!aliasValue.isEmpty()) {
          value = aliasValue;
          fullName = PREFIX + alias;
          break;
        }
      }
    }
    if (!value.isEmpty() && !validator.test(value)) {
      throw new Problem(Problem.Kind.VALIDATION, "annotation " + fullName + " contains invalid value");
    }
    return fullName;
  }

  /** {@code normalizeString}: every line trimmed. */
  private static String normalize(String value) {
    String[] lines = value.split("\n", -1);
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : "\n").append(lines[i].strip());
    }
    return out.toString();
  }

  /** Go's {@code strconv.ParseBool}. */
  static Optional<Boolean> parseBool(String v) {
    switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> {
        return Optional.of(true);
      }
      case "0", "f", "F", "FALSE", "false", "False" -> {
        return Optional.of(false);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** Go's {@code strconv.Atoi} on a 64-bit platform: an optional sign and decimal digits. */
  static OptionalLong atoi(String v) {
    if (!v.matches("[+-]?[0-9]+")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
