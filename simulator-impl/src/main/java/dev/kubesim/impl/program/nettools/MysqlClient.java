package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.MysqlWire;
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.PgWire;
import dev.kubesim.impl.program.PgWire.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mysql} (and MariaDB's {@code mariadb}) {@code [-h HOST] [-P PORT] [-u USER] [-pPASSWORD]
 * [-D DB] [-e SQL] [-N] [-t] [DB]}: logs in, runs the statements (or standard input) and prints
 * each result as the client does without a terminal — tab-separated with a header line ({@code -N}
 * drops it) — or, with {@code -t}, as a {@code +---+} table. A password on the command line earns
 * MySQL's warning; failures read {@code ERROR 2003 (HY000): Can't connect to MySQL server on
 * 'mysql:3306' (111)} and exit 1. Without a host (or with {@code localhost}) it uses the server's
 * socket, reachable only beside the server. Short options group as the client's option parser
 * allows ({@code -uroot -psecret -Ne 'select 1'}).
 */
final class MysqlClient implements Command {
  private static final String SOCKET = "/var/run/mysqld/mysqld.sock";
  private final Network network;

  MysqlClient(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean mariadb = ctx.fs().readIfFile("/usr/sbin/mariadbd").isPresent();
    String host = ctx.env().getOrDefault("MYSQL_HOST", "localhost");
    String port = ctx.env().getOrDefault("MYSQL_TCP_PORT", "3306");
    String user = "root"; // the operating system's login name
    Optional<String> password = Optional.ofNullable(ctx.env().get("MYSQL_PWD"));
    boolean passwordOnCommandLine = false;
    boolean passwordFromStdin = false;
    Optional<String> database = Optional.empty();
    List<String> statements = new ArrayList<>();
    boolean columnNames = true;
    boolean table = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (a.startsWith("--") && a.contains("=")) {
        String value = a.substring(a.indexOf('=') + 1);
        switch (a.substring(0, a.indexOf('='))) {
          case "--host" -> host = value;
          case "--port" -> port = value;
          case "--user" -> user = value;
          case "--password" -> {
            password = Optional.of(value);
            passwordOnCommandLine = true;
          }
          case "--database" -> database = Optional.of(value);
          case "--execute" -> statements.add(value);
          default -> { }
        }
        continue;
      }
      if (a.equals("--password")) {
        password = Optional.of(ctx.stdin().lines().findFirst().orElse("")); // read where the prompt would be
        passwordFromStdin = true;
        continue;
      }
      if (a.startsWith("--")) {
        switch (a) {
          case "--host", "--port", "--user", "--database", "--execute" -> {
            if (next == null) {
              return ExecResult.failure(1, (mariadb ? "mariadb" : "mysql") + ": option '" + a + "' requires an argument\n");
            }
            switch (a) {
              case "--host" -> host = next;
              case "--port" -> port = next;
              case "--user" -> user = next;
              case "--database" -> database = Optional.of(next);
              default -> statements.add(next);
            }
            i++;
          }
          case "--skip-column-names" -> columnNames = false;
          case "--table" -> table = true;
          default -> { } // --batch, --silent and the rest change nothing simulated
        }
        continue;
      }
      if (!a.startsWith("-")) {
        database = Optional.of(a);
        continue;
      }
      // my_getopt: short options group (-Ns, -sNe SQL, -uroot); one that takes an argument takes the
      // rest of the word, or else the next word; -p takes only the rest of the word.
      for (int k = 1; k < a.length(); k++) {
        char ch = a.charAt(k);
        String rest = a.substring(k + 1);
        if (ch == 'p') {
          if (rest.isEmpty()) {
            password = Optional.of(ctx.stdin().lines().findFirst().orElse("")); // read where the prompt would be
            passwordFromStdin = true;
          } else {
            password = Optional.of(rest);
            passwordOnCommandLine = true;
          }
          break;
        }
        if ("hPuDeS".indexOf(ch) >= 0) {
          String value = rest;
          if (value.isEmpty()) {
            if (i + 1 >= args.size()) {
              return ExecResult.failure(1, (mariadb ? "mariadb" : "mysql") + ": option '-" + ch + "' requires an argument\n");
            }
            value = args.get(++i);
          }
          switch (ch) {
            case 'h' -> host = value;
            case 'P' -> port = value;
            case 'u' -> user = value;
            case 'D' -> database = Optional.of(value);
            case 'e' -> statements.add(value);
            default -> { } // -S SOCKET: there is one socket
          }
          break;
        }
        if (ch == 'N') {
          columnNames = false;
        } else if (ch == 't') {
          table = true;
        } // -B, -s and the rest change nothing simulated
      }
    }
    if (statements.isEmpty()) {
      String script = passwordFromStdin ? ctx.stdin().lines().skip(1).reduce("", (x, y) -> x + y + "\n") : ctx.stdin();
      statements.addAll(List.of(script.split(";")).stream().filter(s -> !s.isBlank()).toList());
    }
    String warning = passwordOnCommandLine && !mariadb
        ? "mysql: [Warning] Using a password on the command line interface can be insecure.\n" : "";
    int portNumber;
    try {
      portNumber = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      portNumber = 0;
    }
    boolean socket = host.equals("localhost");
    ServerDial dial = ServerDial.open(network, ctx, args, socket ? "127.0.0.1" : host, portNumber);
    if (dial.failure().isPresent()) {
      String error = switch (dial.failure().get()) {
        case UNKNOWN_HOST, TRY_AGAIN -> "ERROR 2005 (HY000): Unknown MySQL server host '" + host + "' ("
            + (dial.failure().get() == PodDialer.Failure.TRY_AGAIN ? "-3" : "-2") + ")\n";
        case REFUSED -> socket
            ? "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '" + SOCKET + "' (2)\n"
            : "ERROR 2003 (HY000): Can't connect to MySQL server on '" + host + ":" + portNumber + "' (111)\n";
        case TIMED_OUT -> "ERROR 2003 (HY000): Can't connect to MySQL server on '" + host + ":" + portNumber + "' (110)\n";
        case NO_ROUTE, NO_NETWORK -> "ERROR 2003 (HY000): Can't connect to MySQL server on '" + host + ":" + portNumber + "' (113)\n";
      };
      return dial.finish("", warning + error, 1, false);
    }
    Optional<String> answer = dial.exchange(MysqlWire.client(user, password, database, statements));
    List<Message> messages = answer.map(PgWire::readServer).orElse(List.of());
    if (messages.isEmpty() || messages.get(0).type() != 'G') {
      return dial.finish("", warning + "ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', "
          + "system error: 0\n", 1, answer.isPresent());
    }
    StringBuilder out = new StringBuilder();
    List<String> columns = List.of();
    List<List<String>> rows = new ArrayList<>();
    int line = 1;
    for (Message m : messages.subList(1, messages.size())) {
      switch (m.type()) {
        case 'E' -> {
          String at = m.fields().get(0).equals("1045") ? "" : " at line " + line;
          return dial.finish(out.toString(), warning + "ERROR " + m.fields().get(0) + " (" + m.fields().get(1) + ")" + at + ": "
              + m.fields().get(2) + "\n", 1, true);
        }
        case 'T' -> {
          columns = m.fields();
          rows = new ArrayList<>();
        }
        case 'D' -> rows.add(m.fields());
        case 'F' -> {
          out.append(table ? table(columns, rows) : batch(columns, rows, columnNames));
          line++;
        }
        default -> { }
      }
    }
    return dial.finish(out.toString(), warning, 0, true);
  }

  /** Batch output: tab-separated values, the column names first unless {@code -N}. */
  private static String batch(List<String> columns, List<List<String>> rows, boolean columnNames) {
    StringBuilder b = new StringBuilder();
    if (columnNames) {
      b.append(String.join("\t", columns)).append('\n');
    }
    rows.forEach(r -> b.append(String.join("\t", r)).append('\n'));
    return b.toString();
  }

  /** {@code -t}: the boxed table the client prints on a terminal. */
  private static String table(List<String> columns, List<List<String>> rows) {
    int[] width = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      width[i] = columns.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    StringBuilder b = new StringBuilder(rule).append('\n').append(line(columns, width)).append(rule).append('\n');
    rows.forEach(r -> b.append(line(r, width)));
    return b.append(rule).append('\n').toString();
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      b.append(' ').append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length())).append(" |");
    }
    return b.append('\n').toString();
  }
}
