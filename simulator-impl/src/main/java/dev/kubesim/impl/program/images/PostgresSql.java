package dev.kubesim.impl.program.images;

import dev.kubesim.impl.program.PgWire;
import dev.kubesim.impl.program.PgWire.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few statements the simulated PostgreSQL answers — {@code SELECT <integer>}, {@code SELECT
 * '<text>'}, {@code SELECT version()}, {@code SELECT current_database()}, {@code SELECT
 * current_user} and {@code psql}'s {@code \l} — each as the real server's rows; any other statement
 * is an error that says so. No tables, no transactions, no state.
 */
final class PostgresSql {
  /** The server version of {@code postgres:latest} and of tags that name no version. */
  static final String VERSION = "16.4";
  static final String VERSION_TEXT = versionText(VERSION);
  private static final Pattern INTEGER = Pattern.compile("select\\s+(-?\\d{1,18})\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TEXT = Pattern.compile("select\\s+'([^']*)'\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

  private final String database;
  private final String user;
  private final List<String> databases;
  private final String version;

  PostgresSql(String database, String user, List<String> databases) {
    this(database, user, databases, VERSION);
  }

  /** The statements of a server of {@code version}, connected to {@code database} as {@code user}. */
  PostgresSql(String database, String user, List<String> databases, String version) {
    this.version = version;
    this.database = database;
    this.user = user;
    this.databases = databases;
  }

  /** The messages answering one Query, ReadyForQuery last. */
  List<Message> run(String sql) {
    List<Message> out = new ArrayList<>();
    for (String statement : statements(sql)) {
      List<Message> answer = one(statement);
      out.addAll(answer);
      if (answer.get(0).type() == 'E') {
        break; // the rest of a failed simple query is not run
      }
    }
    out.add(new Message('Z', List.of("I")));
    return out;
  }

  private List<Message> one(String statement) {
    if (statement.equals(PgWire.LIST_DATABASES.strip())) {
      List<Message> rows = new ArrayList<>();
      rows.add(new Message('T', List.of("Name:t", "Owner:t", "Encoding:t", "Locale Provider:t", "Collate:t", "Ctype:t",
          "ICU Locale:t", "ICU Rules:t", "Access privileges:t")));
      for (String db : databases) {
        String acl = db.equals("template0") || db.equals("template1") ? "=c/" + user + "\n" + user + "=CTc/" + user : "";
        rows.add(new Message('D', List.of(db, user, "UTF8", "libc", "en_US.utf8", "en_US.utf8", "", "", acl)));
      }
      rows.add(new Message('C', List.of("SELECT " + databases.size())));
      return rows;
    }
    Matcher m = INTEGER.matcher(statement);
    if (m.matches()) {
      return row("?column?:i", Long.toString(Long.parseLong(m.group(1))));
    }
    m = TEXT.matcher(statement);
    if (m.matches()) {
      return row("?column?:t", m.group(1));
    }
    String normal = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?; ?$", "").strip();
    return switch (normal) {
      case "select version()" -> row("version:t", versionText(version));
      case "select current_database()" -> row("current_database:t", database);
      case "select current_user" -> row("current_user:t", user);
      default -> List.of(new Message('E', List.of("ERROR", "0A000",
          "kubesim's simulated PostgreSQL runs only SELECT <number>, SELECT '<text>', SELECT version(), "
              + "SELECT current_database(), SELECT current_user and \\l")));
    };
  }

  /** {@code version()} as the Debian build of the image prints it. */
  static String versionText(String version) {
    return "PostgreSQL " + version + " (Debian " + version + "-1.pgdg120+2) on x86_64-pc-linux-gnu, "
        + "compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit";
  }

  /** {@code psql --version} of the image's client. */
  static String psqlVersion(String version) {
    return "psql (PostgreSQL) " + version + " (Debian " + version + "-1.pgdg120+2)\n";
  }

  private static List<Message> row(String column, String value) {
    return List.of(new Message('T', List.of(column)), new Message('D', List.of(value)), new Message('C', List.of("SELECT 1")));
  }

  /** The statements of a simple query, split at semicolons outside quotes; empty ones dropped. */
  static List<String> statements(String sql) {
    if (sql.strip().equals(PgWire.LIST_DATABASES.strip())) {
      return List.of(sql.strip());
    }
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : sql.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        if (!cur.toString().isBlank()) {
          out.add(cur.toString().strip());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
