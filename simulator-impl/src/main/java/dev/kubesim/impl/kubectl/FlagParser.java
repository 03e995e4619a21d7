package dev.kubesim.impl.kubectl;

import java.util.List;
import java.util.Optional;

/**
 * Parses words the way pflag does for kubectl: {@code --name=value}, {@code --name value},
 * {@code -n value}, {@code -nvalue}, {@code -n=value}, clustered boolean shorthands ({@code -Aw}),
 * booleans with an explicit {@code =false}, and {@code --} ending the flags. Flags may appear
 * anywhere among the positional arguments, as with cobra.
 */
final class FlagParser {
  private final List<Flag> flags;
  private final String commandPath;

  FlagParser(List<Flag> flags, String commandPath) {
    this.flags = flags;
    this.commandPath = commandPath;
  }

  ParsedArgs parse(List<String> words) {
    ParsedArgs args = new ParsedArgs(commandPath);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--")) {
        args.markDash();
        for (int j = i + 1; j < words.size(); j++) {
          args.addAfterDash(words.get(j));
        }
        break;
      }
      if (w.startsWith("--")) {
        i = parseLong(words, i, args);
      } else if (w.startsWith("-") && w.length() > 1) {
        i = parseShort(words, i, args);
      } else {
        args.addPositional(w);
      }
    }
    return args;
  }

  private int parseLong(List<String> words, int i, ParsedArgs args) {
    String body = words.get(i).substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    Flag flag = byName(name).orElseThrow(() -> KubectlException.usage("unknown flag: --" + name, commandPath));
    if (eq >= 0) {
      args.put(flag.name(), body.substring(eq + 1));
      return i;
    }
    if (flag.bool()) {
      args.put(flag.name(), "true");
      return i;
    }
    if (i + 1 >= words.size()) {
      throw KubectlException.usage("flag needs an argument: --" + name, commandPath);
    }
    args.put(flag.name(), words.get(i + 1));
    return i + 1;
  }

  private int parseShort(List<String> words, int i, ParsedArgs args) {
    String word = words.get(i);
    String letters = word.substring(1);
    for (int k = 0; k < letters.length(); k++) {
      String letter = letters.substring(k, k + 1);
      Flag flag =
          byShorthand(letter)
              .orElseThrow(
                  () -> KubectlException.usage("unknown shorthand flag: '" + letter + "' in " + word, commandPath));
      String rest = letters.substring(k + 1);
      if (flag.bool()) {
        if (rest.startsWith("=")) {
          args.put(flag.name(), rest.substring(1));
          return i;
        }
        args.put(flag.name(), "true");
        continue;
      }
      if (!rest.isEmpty()) {
        args.put(flag.name(), rest.startsWith("=") ? rest.substring(1) : rest);
        return i;
      }
      if (i + 1 >= words.size()) {
        throw KubectlException.usage("flag needs an argument: '" + letter + "' in " + word, commandPath);
      }
      args.put(flag.name(), words.get(i + 1));
      return i + 1;
    }
    return i;
  }

  private Optional<Flag> byName(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private Optional<Flag> byShorthand(String letter) {
    return flags.stream().filter(f -> f.shorthand().filter(letter::equals).isPresent()).findFirst();
  }
}
