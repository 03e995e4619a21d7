package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.PgWire;
import dev.kubesim.impl.program.PgWire.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code psql [-h HOST] [-p PORT] [-U USER] [-d DB] [-c COMMAND | -f FILE]... [-l] [-t] [-A] [DBNAME [USER]]}
 * (or a {@code postgresql://} URI, and {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code
 * PGPASSWORD}, {@code PGDATABASE}): connects, runs each command (or standard input) and prints the
 * results as psql 16 does ({@link PsqlTable}). Without a host it uses the server's Unix socket,
 * reachable only beside the server. Connection failures read as libpq words them
 * ({@code psql: error: connection to server at "x" (10.96.0.5), port 5432 failed: Connection
 * refused}) and exit 2; an SQL error is {@code ERROR:  ...} on standard error and exit 1. Options
 * are read as getopt_long reads them: short ones grouped ({@code -tAc 'select 1'}), long ones
 * with {@code =} or a separate argument; psql's other options are accepted and change nothing.
 */
final class Psql implements Command {
  private static final String SOCKET = "/var/run/postgresql/.s.PGSQL.";
  private final Network network;

  Psql(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Map<String, String> env = ctx.env();
    Optional<String> host = Optional.ofNullable(env.get("PGHOST"));
    String port = env.getOrDefault("PGPORT", "5432");
    String user = env.get("PGUSER");
    String db = env.get("PGDATABASE");
    String password = env.get("PGPASSWORD");
    List<String> commands = new ArrayList<>();
    boolean tuplesOnly = false;
    boolean unaligned = false;
    List<String> positional = new ArrayList<>();
    // getopt_long with psql's options: short ones group (-tAc SQL, -At), the last of a group taking
    // its argument from the rest of the word or the next one; options and operands may mix.
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        String name = a.substring(2, eq < 0 ? a.length() : eq);
        Character letter = LONG.get(name);
        if (letter == null) {
          return usage("unrecognized option '" + (eq < 0 ? a : a.substring(0, eq)) + "'");
        }
        if (WITH_ARGUMENT.indexOf(letter) < 0) {
          if (eq >= 0) {
            return usage("option '--" + name + "' doesn't allow an argument");
          }
          options.add(new Option(letter, null));
        } else if (eq >= 0) {
          options.add(new Option(letter, a.substring(eq + 1)));
        } else if (i + 1 < args.size()) {
          options.add(new Option(letter, args.get(++i)));
        } else {
          return usage("option '--" + name + "' requires an argument");
        }
        continue;
      }
      if (!a.startsWith("-") || a.length() == 1) {
        positional.add(a);
        continue;
      }
      for (int k = 1; k < a.length(); k++) {
        char ch = a.charAt(k);
        if (WITH_ARGUMENT.indexOf(ch) >= 0) {
          if (k + 1 < a.length()) {
            options.add(new Option(ch, a.substring(k + 1)));
          } else if (i + 1 < args.size()) {
            options.add(new Option(ch, args.get(++i)));
          } else {
            return usage("option requires an argument -- '" + ch + "'");
          }
          break;
        }
        if (FLAGS.indexOf(ch) < 0) {
          return usage("invalid option -- '" + ch + "'");
        }
        options.add(new Option(ch, null));
      }
    }
    for (Option o : options) {
      switch (o.letter()) {
        case 'h' -> host = Optional.of(o.value());
        case 'p' -> port = o.value();
        case 'U' -> user = o.value();
        case 'd' -> db = o.value();
        case 'c' -> commands.add(o.value());
        case 'f' -> {
          Optional<String> script = ctx.fs().readIfFile(ctx.resolve(o.value()));
          if (script.isEmpty()) {
            return ExecResult.failure(1, "psql: error: " + o.value() + ": No such file or directory\n");
          }
          commands.add(script.get());
        }
        case 'l' -> commands.add("\\l");
        case 't' -> tuplesOnly = true;
        case 'A' -> unaligned = true;
        case 'V' -> {
          return ExecResult.ok(dev.kubesim.impl.program.images.PostgresProgram.psqlVersion(ctx.container().image()));
        }
        default -> { } // accepted, with no effect on what is simulated (-X, -q, -v NAME=VALUE, ...)
      }
    }
    for (String p : positional) {
      if (p.startsWith("postgresql://") || p.startsWith("postgres://")) {
        ConnUri uri = ConnUri.parse(p);
        if (uri.host().isPresent()) {
          host = uri.host();
        }
        port = uri.port().orElse(port);
        user = uri.user().orElse(user);
        password = uri.password().orElse(password);
        db = uri.database().orElse(db);
      } else if (db == null) {
        db = p;
      } else if (user == null) {
        user = p;
      }
    }
    user = user != null ? user : "root"; // the operating system's user name, as libpq takes it
    db = db != null ? db : user;
    int portNumber;
    try {
      portNumber = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      return ExecResult.failure(2, "psql: error: invalid integer value \"" + port + "\" for connection option \"port\"\n");
    }
    if (commands.isEmpty() && !ctx.stdin().isBlank()) {
      commands.add(ctx.stdin());
    }
    boolean socket = host.isEmpty() || host.get().startsWith("/");
    String where = socket
        ? "connection to server on socket \"" + SOCKET + portNumber + "\" failed: "
        : "connection to server at \"" + host.get() + "\" (%s), port " + portNumber + " failed: ";
    ServerDial dial = ServerDial.open(network, ctx, args, socket ? "127.0.0.1" : host.get(), portNumber);
    if (dial.failure().isPresent()) {
      String why = switch (dial.failure().get()) {
        case NO_NETWORK, NO_ROUTE -> where.formatted(dial.address()) + "No route to host\n"
            + "\tIs the server running on that host and accepting TCP/IP connections?\n";
        case UNKNOWN_HOST -> "could not translate host name \"" + host.orElse("") + "\" to address: Name or service not known\n";
        case TRY_AGAIN -> "could not translate host name \"" + host.orElse("") + "\" to address: Temporary failure in name resolution\n";
        case REFUSED -> socket
            ? where + "No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n"
            : where.formatted(dial.address()) + "Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n";
        case TIMED_OUT -> where.formatted(dial.address()) + "Connection timed out\n"
            + "\tIs the server running on that host and accepting TCP/IP connections?\n";
      };
      return dial.finish("", "psql: error: " + why, 2, false);
    }
    String failedAt = "psql: error: " + where.formatted(dial.address());
    Map<String, String> startup = new LinkedHashMap<>();
    startup.put("user", user);
    startup.put("database", db);
    if (password != null) {
      startup.put("password", password);
    }
    StringBuilder wire = new StringBuilder(PgWire.startup(startup));
    commands.forEach(c -> wire.append(PgWire.query(c.strip().equals("\\l") ? PgWire.LIST_DATABASES : c)));
    Optional<String> answer = dial.exchange(wire.toString());
    if (answer.isEmpty()) {
      return dial.finish("", failedAt + "server closed the connection unexpectedly\n"
          + "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", 2, false);
    }
    List<Message> messages = PgWire.readServer(answer.get());
    if (messages.isEmpty()) {
      return dial.finish("", failedAt + "expected authentication request from server, but received G\n", 2, true);
    }
    Message first = messages.get(0);
    if (first.type() == 'R' && first.fields().equals(List.of("password"))) {
      return dial.finish("", failedAt + "fe_sendauth: no password supplied\n", 2, true);
    }
    if (first.type() == 'E') {
      return dial.finish("", failedAt + first.fields().get(0) + ":  " + first.fields().get(2) + "\n", 2, true);
    }
    return dial.finish(results(messages, commands, tuplesOnly, unaligned, ctx), errors(messages), errors(messages).isEmpty() ? 0 : 1, true);
  }

  /** psql's options that take an argument (its getopt string {@code c:d:f:F:h:L:o:p:P:R:T:U:v:}). */
  private static final String WITH_ARGUMENT = "cdfFhLopPRTUv";
  /** psql's options without an argument. */
  private static final String FLAGS = "aAbeEHlnqsStVwWxXz01";
  /** psql's long options, by the letter of the short option each stands for. */
  private static final Map<String, Character> LONG = Map.ofEntries(
      Map.entry("echo-all", 'a'), Map.entry("no-align", 'A'), Map.entry("command", 'c'),
      Map.entry("dbname", 'd'), Map.entry("echo-queries", 'e'), Map.entry("echo-errors", 'b'),
      Map.entry("echo-hidden", 'E'), Map.entry("file", 'f'), Map.entry("field-separator", 'F'),
      Map.entry("host", 'h'), Map.entry("html", 'H'), Map.entry("list", 'l'), Map.entry("log-file", 'L'),
      Map.entry("no-readline", 'n'), Map.entry("single-transaction", '1'), Map.entry("output", 'o'),
      Map.entry("port", 'p'), Map.entry("pset", 'P'), Map.entry("quiet", 'q'),
      Map.entry("record-separator", 'R'), Map.entry("single-step", 's'), Map.entry("single-line", 'S'),
      Map.entry("tuples-only", 't'), Map.entry("table-attr", 'T'), Map.entry("username", 'U'),
      Map.entry("set", 'v'), Map.entry("variable", 'v'), Map.entry("version", 'V'),
      Map.entry("no-password", 'w'), Map.entry("password", 'W'), Map.entry("expanded", 'x'),
      Map.entry("no-psqlrc", 'X'), Map.entry("field-separator-zero", 'z'), Map.entry("record-separator-zero", '0'));

  /** One option as getopt returned it: its letter, and its argument where it takes one. */
  private record Option(char letter, String value) {}

  /** getopt's complaint, then psql's hint, exit 1. */
  private static ExecResult usage(String complaint) {
    return ExecResult.failure(1, "psql: " + complaint + "\n"
        + "psql: hint: Try \"psql --help\" for more information.\n");
  }

  /** The result sets, printed in order. */
  private static String results(List<Message> messages, List<String> commands, boolean tuplesOnly, boolean unaligned,
      ExecContext ctx) {
    StringBuilder out = new StringBuilder();
    List<PsqlTable.Column> columns = null;
    List<List<String>> rows = new ArrayList<>();
    int query = -1;
    for (Message m : messages) {
      switch (m.type()) {
        case 'Z' -> query++;
        case 'T' -> {
          columns = new ArrayList<>();
          for (String f : m.fields()) {
            int colon = f.lastIndexOf(':');
            columns.add(new PsqlTable.Column(f.substring(0, colon), f.endsWith(":i")));
          }
          rows = new ArrayList<>();
        }
        case 'D' -> rows.add(m.fields());
        case 'C' -> {
          if (columns != null) {
            boolean list = query >= 0 && query < commands.size() && commands.get(query).strip().equals("\\l");
            out.append(PsqlTable.format(list ? "List of databases" : "", columns, rows, tuplesOnly, unaligned));
            columns = null;
          } else {
            out.append(m.fields().get(0)).append('\n');
          }
        }
        default -> { }
      }
    }
    return out.toString();
  }

  private static String errors(List<Message> messages) {
    StringBuilder err = new StringBuilder();
    messages.stream().filter(m -> m.type() == 'E').forEach(m -> err.append(m.fields().get(0)).append(":  ")
        .append(m.fields().get(2)).append('\n'));
    return err.toString();
  }

  /** A {@code postgresql://user:password@host:port/database} connection URI. */
  private record ConnUri(Optional<String> user, Optional<String> password, Optional<String> host, Optional<String> port,
      Optional<String> database) {
    static ConnUri parse(String uri) {
      String rest = uri.substring(uri.indexOf("://") + 3);
      int q = rest.indexOf('?');
      rest = q < 0 ? rest : rest.substring(0, q);
      Optional<String> user = Optional.empty();
      Optional<String> password = Optional.empty();
      int at = rest.lastIndexOf('@');
      if (at >= 0) {
        String cred = rest.substring(0, at);
        rest = rest.substring(at + 1);
        int colon = cred.indexOf(':');
        user = Optional.of(colon < 0 ? cred : cred.substring(0, colon)).filter(s -> !s.isEmpty());
        password = colon < 0 ? Optional.empty() : Optional.of(cred.substring(colon + 1));
      }
      int slash = rest.indexOf('/');
      String hostPort = slash < 0 ? rest : rest.substring(0, slash);
      Optional<String> database = slash < 0 ? Optional.empty() : Optional.of(rest.substring(slash + 1)).filter(s -> !s.isEmpty());
      int colon = hostPort.lastIndexOf(':');
      Optional<String> host = Optional.of(colon < 0 ? hostPort : hostPort.substring(0, colon)).filter(s -> !s.isEmpty());
      Optional<String> port = colon < 0 ? Optional.empty() : Optional.of(hostPort.substring(colon + 1));
      return new ConnUri(user, password, host, port, database);
    }
  }
}
