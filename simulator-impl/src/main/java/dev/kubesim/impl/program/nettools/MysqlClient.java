package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.MysqlWire;
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
 * socket, reachable only beside the server.
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
      if (a.equals("-p") || a.equals("--password")) {
        password = Optional.of(ctx.stdin().lines().findFirst().orElse("")); // read where the prompt would be
        passwordFromStdin = true;
        continue;
      }
      if (a.startsWith("-p") && !a.startsWith("--")) {
        password = Optional.of(a.substring(2));
        passwordOnCommandLine = true;
        continue;
      }
      if (a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-' && "hPuDe".indexOf(a.charAt(1)) >= 0) {
        next = a.substring(2);
        a = a.substring(0, 2);
        i--;
      }
      switch (a) {
        case "-h", "--host", "-P", "--port", "-u", "--user", "-D", "--database", "-e", "--execute" -> {
          if (next == null) {
            return ExecResult.failure(1, (mariadb ? "mariadb" : "mysql") + ": option '" + a + "' requires an argument\n");
          }
          switch (a) {
            case "-h", "--host" -> host = next;
            case "-P", "--port" -> port = next;
            case "-u", "--user" -> user = next;
            case "-D", "--database" -> database = Optional.of(next);
            default -> statements.add(next);
          }
          i++;
        }
        case "-N", "--skip-column-names" -> columnNames = false;
        case "-t", "--table" -> table = true;
        case "-B", "--batch", "-s", "--silent" -> { }
        default -> {
          if (!a.startsWith("-")) {
            database = Optional.of(a);
          }
        }
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
            + (dial.failure().get() == ServerDial.Failure.TRY_AGAIN ? "-3" : "-2") + ")\n";
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
