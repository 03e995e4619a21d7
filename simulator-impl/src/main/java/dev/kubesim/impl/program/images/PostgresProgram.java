package dev.kubesim.impl.program.images;

import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.program.PgWire;
import dev.kubesim.impl.program.PgWire.Message;
import dev.kubesim.impl.program.RawServer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code postgres} image: {@code postgres} on 5432 (or {@code -p N}) with {@code psql} beside
 * it, answering the statements of {@link PostgresSql}. The superuser is {@code POSTGRES_USER}
 * (default {@code postgres}) and its database {@code POSTGRES_DB} (default the user); connections
 * over TCP need {@code POSTGRES_PASSWORD} unless {@code POSTGRES_HOST_AUTH_METHOD=trust}, as the
 * image's {@code pg_hba.conf} says. A client that does not open with a StartupMessage (an HTTP
 * request) is logged as {@code invalid length of startup packet} and dropped without a reply.
 * Debian (bookworm) userland; SIGTERM is a smart shutdown, which ends promptly here.
 */
public final class PostgresProgram implements Program, RawServer {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The part of the image's entrypoint that runs here: {@code docker_verify_minimum_env}, which
   * refuses to initialise the database without a superuser password (the container then exits 1
   * and the pod goes into CrashLoopBackOff).
   */
  private static final String ENTRYPOINT = """
      #!/bin/sh
      if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
        echo 'Error: Database is uninitialized and superuser password is not specified.' >&2
        echo '       You must specify POSTGRES_PASSWORD to a non-empty value for the' >&2
        echo '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".' >&2
        echo '' >&2
        echo '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all' >&2
        echo '       connections without a password. This is *not* recommended.' >&2
        echo '' >&2
        echo '       See PostgreSQL documentation about "trust":' >&2
        echo '       https://www.postgresql.org/docs/current/auth-trust.html' >&2
        exit 1
      fi
      """;

  /** The repository whose version table the postgres program reads. */
  static final String REPOSITORY = "docker.io/library/postgres";

  private final String version;
  private final ImageConfig image;

  /** PostgreSQL of the default version. */
  public PostgresProgram() {
    this(Optional.empty());
  }

  /** PostgreSQL as the given tag ({@code 16.4}, {@code 15}, {@code 9.6}): its version, or the default one. */
  public PostgresProgram(Optional<String> tag) {
    this.version = ImageVersions.version(REPOSITORY, tag, PostgresSql.VERSION);
    TagVersion v = TagVersion.parse(version).orElseThrow();
    String major = v.parts().get(0) >= 10 ? Integer.toString(v.parts().get(0)) : v.parts().get(0) + "." + v.parts().get(1);
    this.image = ImageConfig.builder(BaseImage.DEBIAN)
        .entrypoint("docker-entrypoint.sh")
        .cmd("postgres")
        .env("PGDATA", "/var/lib/postgresql/data")
        .file("/usr/lib/postgresql/" + major + "/bin/postgres", "")
        .file("/usr/bin/psql", "")
        .file("/usr/local/bin/docker-entrypoint.sh", ENTRYPOINT)
        .build();
  }

  /**
   * The version a container of this image reports: its tag's.
   *
   * @param image the container's image
   * @return the tag's version, or the default for a tag that names none
   */
  public static String version(ImageReference image) {
    return image.repository().equals("library/postgres")
        ? ImageVersions.version(REPOSITORY, image.tag(), PostgresSql.VERSION) : PostgresSql.VERSION;
  }

  /**
   * {@code psql --version} in a container of this image.
   *
   * @param image the container's image
   * @return the line psql prints
   */
  public static String psqlVersion(ImageReference image) {
    return PostgresSql.psqlVersion(version(image));
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  private static DaemonCommand daemon(Launch launch) {
    return DaemonCommand.of(launch, "postgres");
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    DaemonCommand d = daemon(launch);
    return d.runs() ? List.of(ListenPort.tcp(d.intOption("-p", 5432))) : List.of();
  }

  /**
   * The server; its entrypoint's refusal when the spec surely gives no password (no {@code
   * POSTGRES_PASSWORD}, no {@code POSTGRES_HOST_AUTH_METHOD=trust}, no {@code envFrom} that might
   * hold one); or the command that replaced it.
   */
  @Override
  public MainProcess mainProcess(Launch launch) {
    if (!daemon(launch).runs()) {
      return MainProcess.command(DaemonCommand.execArgv(launch));
    }
    return passwordSurelyMissing(launch) ? MainProcess.command(List.of("docker-entrypoint.sh", "postgres"))
        : MainProcess.serving();
  }

  private static boolean passwordSurelyMissing(Launch launch) {
    if (!launch.container().envFrom().isEmpty()) {
      return false;
    }
    for (EnvVar e : launch.container().env()) {
      String name = e.name().orElse("");
      boolean set = e.valueFrom().isPresent() || !e.value().orElse("").isEmpty();
      if ((name.equals("POSTGRES_PASSWORD") && set)
          || (name.equals("POSTGRES_HOST_AUTH_METHOD") && (e.valueFrom().isPresent() || e.value().orElse("").equals("trust")))) {
        return false;
      }
    }
    return true;
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
    log(ctx, "LOG", "starting " + PostgresSql.versionText(version));
    log(ctx, "LOG", "listening on IPv4 address \"0.0.0.0\", port " + daemon(launch).intOption("-p", 5432));
    log(ctx, "LOG", "database system is ready to accept connections");
  }

  @Override
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    return Optional.empty();
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx) {
    Optional<Map.Entry<Map<String, String>, List<String>>> read = PgWire.readClient(data);
    if (read.isEmpty()) {
      // ProcessStartupPacket: the first four bytes are a length, which "GET " is not
      log(ctx, "LOG", "invalid length of startup packet");
      return Optional.empty();
    }
    Map<String, String> params = read.get().getKey();
    String superuser = ctx.env().getOrDefault("POSTGRES_USER", "postgres");
    String ownDb = ctx.env().getOrDefault("POSTGRES_DB", superuser);
    String user = params.getOrDefault("user", "");
    String database = params.getOrDefault("database", user);
    boolean local = client.startsWith("127.0.0.1:") || client.startsWith(ctx.podIp() + ":"); // the socket, or localhost: trusted
    String password = ctx.env().getOrDefault("POSTGRES_PASSWORD", "");
    boolean trust = local || ctx.env().getOrDefault("POSTGRES_HOST_AUTH_METHOD", "").equals("trust");
    if (!trust && !params.containsKey("password")) {
      return Optional.of(new Message('R', List.of("password")).encode()); // the client must send a password
    }
    if (!trust && (password.isEmpty() || !params.get("password").equals(password) || !user.equals(superuser))) {
      log(ctx, "FATAL", "password authentication failed for user \"" + user + "\"");
      return Optional.of(fatal("28P01", "password authentication failed for user \"" + user + "\""));
    }
    if (!user.equals(superuser)) {
      return Optional.of(fatal("28000", "role \"" + user + "\" does not exist"));
    }
    List<String> databases = new ArrayList<>(new java.util.TreeSet<>(List.of(ownDb, "postgres", "template0", "template1")));
    if (!databases.contains(database) || database.equals("template0")) {
      return Optional.of(fatal("3D000", database.equals("template0")
          ? "database \"template0\" is not currently accepting connections" : "database \"" + database + "\" does not exist"));
    }
    StringBuilder out = new StringBuilder(new Message('R', List.of("ok")).encode())
        .append(new Message('Z', List.of("I")).encode());
    PostgresSql sql = new PostgresSql(database, user, databases, version);
    for (String q : read.get().getValue()) {
      sql.run(q).forEach(m -> out.append(m.encode()));
    }
    return Optional.of(out.toString());
  }

  private static String fatal(String code, String message) {
    return new Message('E', List.of("FATAL", code, message)).encode();
  }

  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    return Optional.empty();
  }

  /** The image's log line: {@code 2026-12-07 12:00:00.000 UTC [1] LOG:  message}. */
  private static void log(ServerContext ctx, String level, String message) {
    ctx.log(LOG_TIME.format(ctx.now()) + " [1] " + level + ":  " + message);
  }
}
