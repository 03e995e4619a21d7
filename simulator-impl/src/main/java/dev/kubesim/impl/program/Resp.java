package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis's serialisation protocol (RESP2) as both ends write it: a client sends a command as an
 * array of bulk strings; a server answers a simple string ({@code +OK}), an error ({@code -ERR
 * ...}), an integer ({@code :1}), a bulk string ({@code $1\r\nv}), the null bulk string
 * ({@code $-1}) or an array. Shared by the {@code redis} server and {@code redis-cli}.
 */
public final class Resp {
  private Resp() {}

  /** The kinds of reply, as hiredis names them. */
  public enum Type { STATUS, ERROR, INTEGER, STRING, NIL, ARRAY }

  /**
   * One reply.
   *
   * @param type what kind of reply
   * @param text the status, error or string text; the integer's digits
   * @param elements the elements of an array
   */
  public record Reply(Type type, String text, List<Reply> elements) {
    public Reply {
      elements = List.copyOf(elements);
    }

    /** A simple string ({@code +OK}). */
    public static Reply status(String text) {
      return new Reply(Type.STATUS, text, List.of());
    }

    /** An error ({@code -ERR ...}). */
    public static Reply error(String text) {
      return new Reply(Type.ERROR, text, List.of());
    }

    /** An integer ({@code :1}). */
    public static Reply integer(long value) {
      return new Reply(Type.INTEGER, Long.toString(value), List.of());
    }

    /** A bulk string. */
    public static Reply string(String text) {
      return new Reply(Type.STRING, text, List.of());
    }

    /** The null bulk string ({@code $-1}). */
    public static Reply nil() {
      return new Reply(Type.NIL, "", List.of());
    }

    /** An array of replies. */
    public static Reply array(List<Reply> elements) {
      return new Reply(Type.ARRAY, "", elements);
    }

    /** The reply as the server writes it. */
    public String encode() {
      return switch (type) {
        case STATUS -> "+" + text + "\r\n";
        case ERROR -> "-" + text + "\r\n";
        case INTEGER -> ":" + text + "\r\n";
        case STRING -> "$" + utf8Length(text) + "\r\n" + text + "\r\n";
        case NIL -> "$-1\r\n";
        case ARRAY -> {
          StringBuilder b = new StringBuilder("*").append(elements.size()).append("\r\n");
          elements.forEach(e -> b.append(e.encode()));
          yield b.toString();
        }
      };
    }
  }

  /** A command as a client writes it: an array of bulk strings. */
  public static String command(List<String> argv) {
    StringBuilder b = new StringBuilder("*").append(argv.size()).append("\r\n");
    for (String a : argv) {
      b.append('$').append(utf8Length(a)).append("\r\n").append(a).append("\r\n");
    }
    return b.toString();
  }

  /** Reads the first reply in a server's answer; empty where the text is no complete reply. */
  public static Optional<Reply> parseReply(String text) {
    Cursor c = new Cursor(text);
    try {
      return Optional.of(c.reply());
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Splits what a client sent into commands, as redis's query buffer does: a line starting with
   * {@code *} is a multibulk command, any other line an inline command whose words are split on
   * spaces (with quotes). Parsing stops at the first incomplete or malformed command.
   */
  public static List<List<String>> parseCommands(String text) {
    List<List<String>> commands = new ArrayList<>();
    Cursor c = new Cursor(text);
    while (c.more()) {
      try {
        if (c.peek() == '*') {
          c.next();
          int n = Integer.parseInt(c.line());
          List<String> argv = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            if (c.next() != '$') {
              return commands;
            }
            int len = Integer.parseInt(c.line());
            argv.add(c.take(len));
            c.line();
          }
          commands.add(argv);
        } else {
          List<String> words = InlineWords.split(c.line());
          if (!words.isEmpty()) {
            commands.add(words);
          }
        }
      } catch (IndexOutOfBoundsException | NumberFormatException e) {
        return commands;
      }
    }
    return commands;
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** Redis's {@code sdssplitargs}: words on spaces, with double and single quotes. */
  private static final class InlineWords {
    static List<String> split(String line) {
      List<String> words = new ArrayList<>();
      int i = 0;
      while (i < line.length()) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i >= line.length()) {
          break;
        }
        StringBuilder w = new StringBuilder();
        char quote = 0;
        while (i < line.length()) {
          char ch = line.charAt(i);
          if (quote != 0) {
            if (ch == quote) {
              quote = 0;
            } else {
              w.append(ch);
            }
          } else if (ch == '"' || ch == '\'') {
            quote = ch;
          } else if (Character.isWhitespace(ch)) {
            break;
          } else {
            w.append(ch);
          }
          i++;
        }
        words.add(w.toString());
      }
      return words;
    }
  }

  /** A position in the text being read. */
  private static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    boolean more() {
      return at < text.length();
    }

    char peek() {
      return text.charAt(at);
    }

    char next() {
      return text.charAt(at++);
    }

    /** The rest of the line, without its {@code \r\n} (or bare {@code \n}). */
    String line() {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        throw new IndexOutOfBoundsException("no line end");
      }
      String l = text.substring(at, nl > at && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
      at = nl + 1;
      return l;
    }

    String take(int utf8Bytes) {
      // the simulated payloads are text: count characters as bytes until a wider one appears
      int end = at;
      int bytes = 0;
      while (bytes < utf8Bytes) {
        bytes += String.valueOf(text.charAt(end)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        end++;
      }
      String s = text.substring(at, end);
      at = end;
      return s;
    }

    Reply reply() {
      char kind = next();
      return switch (kind) {
        case '+' -> Reply.status(line());
        case '-' -> Reply.error(line());
        case ':' -> Reply.integer(Long.parseLong(line()));
        case '$' -> {
          int len = Integer.parseInt(line());
          if (len < 0) {
            yield Reply.nil();
          }
          String s = take(len);
          line();
          yield Reply.string(s);
        }
        case '*' -> {
          int n = Integer.parseInt(line());
          if (n < 0) {
            yield Reply.nil();
          }
          List<Reply> elements = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            elements.add(reply());
          }
          yield Reply.array(elements);
        }
        default -> throw new NumberFormatException("not a RESP reply: " + kind);
      };
    }
  }
}
