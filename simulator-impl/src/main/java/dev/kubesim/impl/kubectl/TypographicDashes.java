package dev.kubesim.impl.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubesim's own help for command lines copied from typeset text, where {@code -} and {@code --}
 * became en dashes, em dashes or minus signs ({@code kubectl create –f kubia-svc.yaml}). kubectl
 * itself reads such a word as an argument and answers with its usual error; after that error,
 * one {@code hint:} line per such word says which character it is and what to type instead.
 */
final class TypographicDashes {
  /** The characters typesetting puts where a hyphen-minus was, with their Unicode names. */
  private static final Map<Character, String> DASHES = Map.of(
      '\u2010', "a hyphen (U+2010)",
      '\u2011', "a non-breaking hyphen (U+2011)",
      '\u2012', "a figure dash (U+2012)",
      '\u2013', "an en dash (U+2013)",
      '\u2014', "an em dash (U+2014)",
      '\u2015', "a horizontal bar (U+2015)",
      '\u2212', "a minus sign (U+2212)",
      '\uFE63', "a small hyphen-minus (U+FE63)",
      '\uFF0D', "a fullwidth hyphen-minus (U+FF0D)");

  private TypographicDashes() {}

  /**
   * The hint lines for the words of a command line that start with a typographic dash.
   *
   * @param longFlags the long flag names kubectl knows, to tell {@code –namespace} (meant as
   *     {@code --namespace}) from {@code –f} (meant as {@code -f})
   */
  static List<String> hints(List<String> words, Set<String> longFlags) {
    List<String> hints = new ArrayList<>();
    for (String word : words) {
      if (word.isEmpty() || !DASHES.containsKey(word.charAt(0))) {
        continue;
      }
      String what = DASHES.get(word.charAt(0));
      String rest = word.substring(1);
      if (rest.isEmpty()) {
        hints.add("hint: \"" + word + "\" is " + what + ", not \"--\"; type --");
        continue;
      }
      int eq = rest.indexOf('=');
      String name = eq < 0 ? rest : rest.substring(0, eq);
      String meant = (name.length() > 1 && longFlags.contains(name) ? "--" : "-") + rest;
      String dashes = meant.startsWith("--") ? "--" : "-";
      hints.add("hint: \"" + word + "\" starts with " + what + ", not \"" + dashes + "\"; type " + meant);
    }
    return hints;
  }
}
