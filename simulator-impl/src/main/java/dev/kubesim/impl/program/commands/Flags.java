package dev.kubesim.impl.program.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Short options as getopt reads them: {@code -la} is {@code -l -a}; {@code --} ends options;
 * options may be mixed with operands (GNU) and {@code -} alone is an operand.
 */
final class Flags {
  final Set<Character> known;
  final StringBuilder seen = new StringBuilder();
  final List<String> operands = new ArrayList<>();
  final List<String> longOptions = new ArrayList<>();
  Character unknown;

  private Flags(Set<Character> known) {
    this.known = known;
  }

  static Flags parse(List<String> args, String knownLetters) {
    Set<Character> known = new java.util.HashSet<>();
    for (char c : knownLetters.toCharArray()) {
      known.add(c);
    }
    Flags f = new Flags(known);
    boolean ended = false;
    for (String a : args) {
      if (ended || a.equals("-") || !a.startsWith("-")) {
        f.operands.add(a);
      } else if (a.equals("--")) {
        ended = true;
      } else if (a.startsWith("--")) {
        f.longOptions.add(a.substring(2));
      } else {
        for (char c : a.substring(1).toCharArray()) {
          if (!known.contains(c) && f.unknown == null) {
            f.unknown = c;
          }
          f.seen.append(c);
        }
      }
    }
    return f;
  }

  boolean has(char c) {
    return seen.indexOf(String.valueOf(c)) >= 0;
  }
}
