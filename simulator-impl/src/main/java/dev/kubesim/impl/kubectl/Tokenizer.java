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
   * The commands of a pipeline, split where a shell splits them: at each {@code |} outside quotes
   * and not escaped, not at {@code ||}. A line without a pipe is one command; the pieces keep their
   * quoting, for the shell (or kubectl) that reads each.
   */
  static List<String> pipeline(String line) {
    List<String> commands = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        i = end < 0 ? line.length() : end + 1;
      } else if (c == '"') {
        i = skipDoubleQuoted(line, i + 1);
      } else if (c == '|' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        i += 2; // "||" is a list, not a pipe: the line stays whole
      } else if (c == '|') {
        commands.add(line.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    commands.add(line.substring(start));
    return commands;
  }

  private static int skipDoubleQuoted(String line, int start) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
    return i;
  }

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
