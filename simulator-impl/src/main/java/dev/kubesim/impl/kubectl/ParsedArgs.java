package dev.kubesim.impl.kubectl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's arguments after flag parsing: the positional words in order, the words after
 * {@code --}, and every flag value given (a flag given several times keeps all its values).
 */
final class ParsedArgs {
  private final String commandPath;
  private final List<String> positional = new ArrayList<>();
  private final List<String> afterDash = new ArrayList<>();
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private boolean dash;

  ParsedArgs(String commandPath) {
    this.commandPath = commandPath;
  }

  void addPositional(String word) {
    positional.add(word);
  }

  /** Records that {@code --} was given (cobra's {@code ArgsLenAtDash} is then the positional count). */
  void markDash() {
    dash = true;
  }

  /** Whether the words held a {@code --}. */
  boolean sawDash() {
    return dash;
  }

  void addAfterDash(String word) {
    afterDash.add(word);
  }

  void put(String flag, String value) {
    values.computeIfAbsent(flag, k -> new ArrayList<>()).add(value);
  }

  /** The command as cobra names it in usage hints ({@code get}, {@code rollout status}). */
  String commandPath() {
    return commandPath;
  }

  List<String> positional() {
    return positional;
  }

  List<String> afterDash() {
    return afterDash;
  }

  boolean has(String flag) {
    return values.containsKey(flag);
  }

  /** The last value given for the flag. */
  Optional<String> string(String flag) {
    List<String> v = values.get(flag);
    return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** Every value given for the flag, in order. */
  List<String> strings(String flag) {
    return values.getOrDefault(flag, List.of());
  }

  /** A boolean flag's value: true when given without a value or with {@code =true}. */
  boolean bool(String flag) {
    return string(flag).map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * An integer flag, or the default when absent.
   *
   * @throws KubectlException with pflag's wording when the value is not an integer
   */
  int integer(String flag, int defaultValue) {
    Optional<String> v = string(flag);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw KubectlException.usage(
          "invalid argument \"" + v.get() + "\" for \"--" + flag + "\" flag: strconv.ParseInt: parsing \""
              + v.get() + "\": invalid syntax",
          commandPath);
    }
  }
}
