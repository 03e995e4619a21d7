package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.program.MysqlWire;
import dev.kubesim.impl.program.PgWire.Message;
import dev.kubesim.impl.program.RawServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code mysql} and {@code mariadb} images: the server on 3306 (or {@code --port=N}) with the
 * {@code mysql} client (and, in mariadb, {@code mariadb}) beside it. Users are {@code root} with
 * {@code MYSQL_ROOT_PASSWORD} (mariadb also reads {@code MARIADB_ROOT_PASSWORD}; an empty one with
 * {@code MYSQL_ALLOW_EMPTY_PASSWORD}) and {@code MYSQL_USER} with {@code MYSQL_PASSWORD}. It answers
 * {@code SELECT <number>}, {@code SELECT '<text>'}, {@code SELECT version()}, {@code SELECT
 * database()} and {@code SHOW DATABASES}; any other statement is an error that says so. It greets
 * every connection first, so an HTTP client reads the greeting packet, not an HTTP response.
 */
public final class MysqlProgram implements Program, RawServer {
  private static final Pattern INTEGER = Pattern.compile("select\\s+(-?\\d{1,18})\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TEXT = Pattern.compile("select\\s+'([^']*)'\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

  private final String daemon;
  private final String version;
  private final boolean mariadb;
  private final ImageConfig image;

  private MysqlProgram(String daemon, String version, boolean mariadb, ImageConfig image) {
    this.daemon = daemon;
    this.version = version;
    this.mariadb = mariadb;
    this.image = image;
  }

  /** {@code mysql:latest}: MySQL 8.4.3 ({@code mysqld}); Oracle Linux in reality, a Debian-like userland here. */
  public static MysqlProgram mysql() {
    return mysql(Optional.empty());
  }

  /** {@code mysql} as the given tag ({@code 8.0}, {@code 5.7.44}): its version, or 8.4.3. */
  public static MysqlProgram mysql(Optional<String> tag) {
    return new MysqlProgram("mysqld", ImageVersions.version("docker.io/library/mysql", tag, "8.4.3"), false, ImageConfig.builder(BaseImage.DEBIAN)
        .entrypoint("docker-entrypoint.sh")
        .cmd("mysqld")
        .file("/usr/sbin/mysqld", "")
        .file("/usr/bin/mysql", "")
        .file("/usr/local/bin/docker-entrypoint.sh", "")
        .build());
  }

  /** {@code mariadb:latest}: MariaDB 11.4.3 on Ubuntu ({@code mariadbd}), clients {@code mariadb} and {@code mysql}. */
  public static MysqlProgram mariadb() {
    return mariadb(Optional.empty());
  }

  /** {@code mariadb} as the given tag ({@code 10.11}, {@code 11.4.3}): its version, or 11.4.3. */
  public static MysqlProgram mariadb(Optional<String> tag) {
    return new MysqlProgram("mariadbd", ImageVersions.version("docker.io/library/mariadb", tag, "11.4.3") + "-MariaDB-ubu2404", true, ImageConfig.builder(BaseImage.DEBIAN)
        .entrypoint("docker-entrypoint.sh")
        .cmd("mariadbd")
        .file("/usr/sbin/mariadbd", "")
        .file("/usr/bin/mariadb", "")
        .file("/usr/bin/mysql", "")
        .file("/usr/local/bin/docker-entrypoint.sh", "")
        .build());
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  private DaemonCommand server(Launch launch) {
    return DaemonCommand.of(launch, daemon);
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    DaemonCommand d = server(launch);
    return d.runs() ? List.of(ListenPort.tcp(d.intOption("--port", 3306))) : List.of();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return server(launch).runs() ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.empty();
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    int port = server(launch).intOption("--port", 3306);
    ctx.log(ctx.now() + " 0 [System] [MY-010931] [Server] " + daemon + ": ready for connections. Version: '"
        + version + "'  socket: '/var/run/mysqld/mysqld.sock'  port: " + port + "  "
        + (mariadb ? "mariadb.org binary distribution" : "MySQL Community Server - GPL") + ".");
  }

  @Override
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    return Optional.of(greeting());
  }

  private String greeting() {
    return new Message('G', List.of("10", version)).encode();
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx) {
    Optional<MysqlWire.Login> login = MysqlWire.readClient(data);
    if (login.isEmpty()) {
      return Optional.of(greeting()); // the greeting went out on connect; the client's bytes are no handshake
    }
    MysqlWire.Login l = login.get();
    String host = client.substring(0, client.lastIndexOf(':'));
    StringBuilder out = new StringBuilder(greeting());
    if (!authenticated(l, ctx.env())) {
      out.append(error("1045", "28000", "Access denied for user '" + l.user() + "'@'" + host + "' (using password: "
          + (l.password().isPresent() ? "YES" : "NO") + ")").encode());
      return Optional.of(out.toString());
    }
    out.append(new Message('O', List.of()).encode());
    String database = l.database().orElse("");
    for (String q : l.queries()) {
      List<Message> answer = run(q, database, ctx.env());
      answer.forEach(m -> out.append(m.encode()));
      if (answer.get(0).type() == 'E') {
        break;
      }
    }
    return Optional.of(out.toString());
  }

  private boolean authenticated(MysqlWire.Login l, Map<String, String> env) {
    String given = l.password().orElse("");
    if (l.user().equals("root")) {
      String root = env.getOrDefault("MYSQL_ROOT_PASSWORD", mariadb ? env.getOrDefault("MARIADB_ROOT_PASSWORD", "") : "");
      boolean emptyAllowed = !env.getOrDefault("MYSQL_ALLOW_EMPTY_PASSWORD", "").isEmpty()
          || (mariadb && !env.getOrDefault("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "").isEmpty());
      return root.isEmpty() ? emptyAllowed && given.isEmpty() : given.equals(root);
    }
    String user = env.getOrDefault("MYSQL_USER", mariadb ? env.getOrDefault("MARIADB_USER", "") : "");
    String password = env.getOrDefault("MYSQL_PASSWORD", mariadb ? env.getOrDefault("MARIADB_PASSWORD", "") : "");
    return !user.isEmpty() && l.user().equals(user) && given.equals(password);
  }

  private List<Message> run(String sql, String database, Map<String, String> env) {
    Matcher m = INTEGER.matcher(sql.strip());
    if (m.matches()) {
      return result(m.group(1), Long.toString(Long.parseLong(m.group(1))));
    }
    m = TEXT.matcher(sql.strip());
    if (m.matches()) {
      return result(m.group(1), m.group(1));
    }
    String normal = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?; ?$", "").strip();
    return switch (normal) {
      case "select version()" -> result("version()", version);
      case "select database()" -> result("database()", database.isEmpty() ? "NULL" : database);
      case "show databases" -> {
        List<String> names = new ArrayList<>(List.of("information_schema", "mysql", "performance_schema", "sys"));
        String own = env.getOrDefault("MYSQL_DATABASE", mariadb ? env.getOrDefault("MARIADB_DATABASE", "") : "");
        if (!own.isEmpty()) {
          names.add(own);
          names.sort(String::compareTo);
        }
        List<Message> rows = new ArrayList<>();
        rows.add(new Message('T', List.of("Database")));
        names.forEach(n -> rows.add(new Message('D', List.of(n))));
        rows.add(new Message('F', List.of()));
        yield rows;
      }
      default -> List.of(error("1235", "42000", "kubesim's simulated " + (mariadb ? "MariaDB" : "MySQL")
          + " runs only SELECT <number>, SELECT '<text>', SELECT version(), SELECT database() and SHOW DATABASES"));
    };
  }

  private static List<Message> result(String column, String value) {
    return List.of(new Message('T', List.of(column)), new Message('D', List.of(value)), new Message('F', List.of()));
  }

  private static Message error(String code, String state, String message) {
    return new Message('E', List.of(code, state, message));
  }

  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    return Optional.empty();
  }
}
