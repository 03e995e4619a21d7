package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's frontend/backend protocol (v3) as kubesim carries it between {@code psql} and the
 * {@code postgres} image: the same messages — StartupMessage (protocol 3.0 and its {@code
 * key\0value\0} parameters), Query ({@code Q}), AuthenticationCleartextPassword request ({@code
 * R}), RowDescription ({@code T}), DataRow ({@code D}), CommandComplete ({@code C}), ErrorResponse
 * ({@code E}), ReadyForQuery ({@code Z}) — with a field count and NUL-terminated text fields in
 * place of the binary lengths and type OIDs (a column's type is one letter: {@code i} integer, {@code t} text).
 */
public final class PgWire {
  /** The StartupMessage's protocol version 3.0, as its four bytes. */
  public static final String PROTOCOL_3_0 = "\u0000\u0003\u0000\u0000";
  /** What {@code psql}'s {@code \l} asks (the catalog query is the server's business here). */
  public static final String LIST_DATABASES = "-- \\l\nSELECT d.datname FROM pg_catalog.pg_database d ORDER BY 1;";

  private PgWire() {}

  /** One backend message: its type letter and its fields. */
  public record Message(char type, List<String> fields) {
    public Message {
      fields = List.copyOf(fields);
    }

    /** The message as the backend writes it: its type, the number of fields, then each field NUL-terminated. */
    public String encode() {
      StringBuilder b = new StringBuilder().append(type).append(fields.size()).append('\u0000');
      fields.forEach(f -> b.append(f).append('\u0000'));
      return b.toString();
    }
  }

  /** A client's StartupMessage with these parameters ({@code user}, {@code database}, {@code password}). */
  public static String startup(Map<String, String> parameters) {
    StringBuilder b = new StringBuilder(PROTOCOL_3_0);
    parameters.forEach((k, v) -> b.append(k).append('\u0000').append(v).append('\u0000'));
    return b.append('\u0000').toString();
  }

  /** A simple Query message. */
  public static String query(String sql) {
    return "Q" + sql + "\u0000";
  }

  /** The startup parameters and the queries a client wrote; empty when it does not open with a StartupMessage. */
  public static Optional<Map.Entry<Map<String, String>, List<String>>> readClient(String data) {
    if (!data.startsWith(PROTOCOL_3_0)) {
      return Optional.empty();
    }
    int at = PROTOCOL_3_0.length();
    Map<String, String> params = new LinkedHashMap<>();
    while (at < data.length() && data.charAt(at) != '\u0000') {
      int k = data.indexOf('\u0000', at);
      int v = k < 0 ? -1 : data.indexOf('\u0000', k + 1);
      if (v < 0) {
        return Optional.empty();
      }
      params.put(data.substring(at, k), data.substring(k + 1, v));
      at = v + 1;
    }
    at++;
    List<String> queries = new ArrayList<>();
    while (at < data.length() && data.charAt(at) == 'Q') {
      int end = data.indexOf('\u0000', at);
      if (end < 0) {
        break;
      }
      queries.add(data.substring(at + 1, end));
      at = end + 1;
    }
    return Optional.of(Map.entry(params, queries));
  }

  /** The messages a backend wrote, in order. */
  public static List<Message> readServer(String data) {
    List<Message> messages = new ArrayList<>();
    int at = 0;
    while (at < data.length()) {
      char type = data.charAt(at++);
      int countEnd = data.indexOf('\u0000', at);
      if (countEnd < 0) {
        return messages;
      }
      int count;
      try {
        count = Integer.parseInt(data.substring(at, countEnd));
      } catch (NumberFormatException e) {
        return messages;
      }
      at = countEnd + 1;
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int end = data.indexOf('\u0000', at);
        if (end < 0) {
          return messages;
        }
        fields.add(data.substring(at, end));
        at = end + 1;
      }
      messages.add(new Message(type, fields));
    }
    return messages;
  }
}
