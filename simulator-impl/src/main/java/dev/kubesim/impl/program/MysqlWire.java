package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MySQL's client/server protocol as kubesim carries it between the {@code mysql} client and the
 * {@code mysql}/{@code mariadb} images: the client's HandshakeResponse (user, password, database)
 * and COM_QUERY packets, and the server's greeting (protocol 10 and its version), OK, ERR and
 * result sets ({@code T} column names, {@code D} rows), framed as {@link PgWire.Message}s with text
 * fields in place of MySQL's length-encoded binary packets.
 */
public final class MysqlWire {
  /** What opens a HandshakeResponse here (the capability flags of a 4.1 client). */
  public static final String HANDSHAKE_RESPONSE = "\u0085\u00a6\u00ff\u0001";

  private MysqlWire() {}

  /** A client's login and queries. */
  public record Login(String user, Optional<String> password, Optional<String> database, List<String> queries) {}

  /** What a client writes: its HandshakeResponse, then a COM_QUERY per statement. */
  public static String client(String user, Optional<String> password, Optional<String> database, List<String> queries) {
    StringBuilder b = new StringBuilder(HANDSHAKE_RESPONSE);
    b.append(user).append('\u0000').append(password.isPresent() ? "Y" + password.get() : "N").append('\u0000')
        .append(database.orElse("")).append('\u0000');
    queries.forEach(q -> b.append('\u0003').append(q).append('\u0000'));
    return b.toString();
  }

  /** Reads a client's data; empty when it does not open with a HandshakeResponse (an HTTP request). */
  public static Optional<Login> readClient(String data) {
    if (!data.startsWith(HANDSHAKE_RESPONSE)) {
      return Optional.empty();
    }
    String[] parts = data.substring(HANDSHAKE_RESPONSE.length()).split("\u0000", -1);
    if (parts.length < 3) {
      return Optional.empty();
    }
    Optional<String> password = parts[1].startsWith("Y") ? Optional.of(parts[1].substring(1)) : Optional.empty();
    List<String> queries = new ArrayList<>();
    for (int i = 3; i < parts.length; i++) {
      if (parts[i].startsWith("\u0003")) {
        queries.add(parts[i].substring(1));
      }
    }
    return Optional.of(new Login(parts[0], password, Optional.of(parts[2]).filter(s -> !s.isEmpty()), queries));
  }
}
