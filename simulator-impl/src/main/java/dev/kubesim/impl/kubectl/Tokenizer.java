package dev.kubesim.impl.kubectl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does before kubectl sees them: blanks
 * separate words, single quotes keep everything literally, double quotes keep blanks and let a
 * backslash escape {@code " \ $ `}, and a backslash outside quotes escapes the next character.
 */
final class Tokenizer {
  private Tokenizer() {}

  /**
   * The words of a command line.
   *
   * @throws KubectlException when a quote is not closed
   */
  static List<String> tokenize(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw KubectlException.raw("error: unterminated single quote in command line: " + line);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < line.length()) {
          char next = line.charAt(i + 1);
          if (next != '\n') { // backslash-newline is a line continuation
            word.append(next);
            inWord = true;
          }
          i += 2;
        } else {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Reads up to the closing double quote and returns the index after it. */
  private static int readDoubleQuoted(String line, int start, StringBuilder word) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
        if (line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw KubectlException.raw("error: unterminated double quote in command line: " + line);
  }
}
