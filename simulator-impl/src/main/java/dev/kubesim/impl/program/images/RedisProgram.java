package dev.kubesim.impl.program.images;

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
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.RawServer;
import dev.kubesim.impl.program.Resp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code redis} image: {@code redis-server} speaking RESP on 6379 (or {@code --port N}) with a
 * keyspace per container that a restart empties ({@link RedisCommands}), and {@code redis-cli}
 * beside it. As the real server does, a client that sends {@code POST} or {@code Host:} (an HTTP
 * request) is taken for a cross-protocol attack: the server logs a warning and closes the
 * connection without writing the replies it had queued, so {@code curl} sees an empty reply.
 * The image is Debian (bookworm) with no curl or wget; it exits 0 promptly on SIGTERM. The version
 * it reports ({@code INFO}, its start log, {@code --version}) is the tag's ({@link ImageVersions}):
 * {@code redis:6.0.5} is 6.0.5, {@code redis:6.0} 6.0.20; other tags are {@value
 * RedisCommands#VERSION}.
 */
public final class RedisProgram implements Program, RawServer {
  /** The repository whose version table the redis programs read. */
  static final String REPOSITORY = "docker.io/library/redis";
  private static final String KEYSPACE = "redis.keyspace";
  private static final String WARNED_AT = "redis.securityWarningAt";
  private static final String CONFIG = "redis.config";
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String version;
  private final ImageConfig image;
  /** For the guestbook's follower images: the master their {@code /run.sh} follows. */
  private final Optional<RunScript> runScript;

  /**
   * What a follower image's {@code /run.sh} runs: {@code redis-server --replicaof HOST 6379}, where
   * HOST is the Service's environment variable with {@code GET_HOSTS_FROM=env}, its name otherwise.
   */
  private record RunScript(String service, String hostVariable, String option) {}

  /** Redis of the default version. */
  public RedisProgram() {
    this(Optional.empty());
  }

  /** Redis as the given tag: the tag's version, or the default one. */
  public RedisProgram(Optional<String> tag) {
    this(ImageVersions.version(REPOSITORY, tag, RedisCommands.VERSION), Optional.empty());
  }

  private RedisProgram(String version, Optional<RunScript> runScript) {
    this.version = version;
    this.runScript = runScript;
    ImageConfig.Builder b = ImageConfig.builder(BaseImage.DEBIAN)
        .entrypoint("docker-entrypoint.sh")
        .cmd("redis-server")
        .workingDir("/data")
        .file("/usr/local/bin/redis-server", "")
        .file("/usr/local/bin/redis-cli", "")
        .file("/usr/local/bin/docker-entrypoint.sh", "");
    runScript.ifPresent(r -> b.cmd("/bin/sh", "-c", "/run.sh").file("/run.sh", "#!/bin/bash\n"
        + "# follow the leader by its Service's address from the environment, or by its name\n"
        + "if [[ ${GET_HOSTS_FROM:-dns} == \"env\" ]]; then\n  redis-server " + r.option() + " ${" + r.hostVariable()
        + "} 6379\nelse\n  redis-server " + r.option() + " " + r.service() + " 6379\nfi\n"));
    this.image = b.build();
  }

  /**
   * The guestbook's follower image: Redis built with a {@code /run.sh} that follows {@code
   * service} (or, with {@code GET_HOSTS_FROM=env}, the address in {@code hostVariable}).
   *
   * @param version the Redis version the image is built from
   * @param option {@code --replicaof}, or {@code --slaveof} for images before Redis 5
   */
  public static RedisProgram follower(String version, String service, String hostVariable, String option) {
    return new RedisProgram(version, Optional.of(new RunScript(service, hostVariable, option)));
  }

  /** The version this server reports. */
  public String version() {
    return version;
  }

  /**
   * The version of Redis in a container of this image: its tag's.
   *
   * @param image the container's image
   * @return the tag's version, or the default for a tag that names none or another image
   */
  public static String version(ImageReference image) {
    return image.repository().equals("library/redis")
        ? ImageVersions.version(REPOSITORY, image.tag(), RedisCommands.VERSION) : RedisCommands.VERSION;
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    DaemonCommand server = server(launch);
    if (runsScript(launch)) {
      return List.of(ListenPort.tcp(6379));
    }
    return server.runs() ? List.of(ListenPort.tcp(server.intOption("--port", 6379))) : List.of();
  }

  /** What the entrypoint runs: {@code redis-server} for options or a {@code .conf} file first, as docker-entrypoint.sh does. */
  private static DaemonCommand server(Launch launch) {
    return DaemonCommand.of(launch, "redis-server", ".conf");
  }

  /** The server's configuration, read from its file and options when it started. */
  private static RedisConfig config(Launch launch, ServerContext ctx) {
    return (RedisConfig) ctx.state().computeIfAbsent(CONFIG, k -> {
      List<String> args = server(launch).arguments().orElse(List.of());
      String file = !args.isEmpty() && args.get(0).endsWith(".conf") ? ctx.readFile(args.get(0)).orElse("") : "";
      return RedisConfig.of(file, args.isEmpty() || !args.get(0).endsWith(".conf") ? args : args.subList(1, args.size()));
    });
  }

  /** {@code redis-server}, or the command that replaced it ({@code sleep infinity} in a client pod). */
  @Override
  public MainProcess mainProcess(Launch launch) {
    return server(launch).runs() || runsScript(launch)
        ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  /** Whether the container runs a follower image's {@code /run.sh} (its own command, or the image's). */
  private boolean runsScript(Launch launch) {
    List<String> argv = launch.argv();
    return runScript.isPresent() && !argv.isEmpty() && argv.get(argv.size() - 1).equals("/run.sh");
  }

  /** The master this server follows: its options', or its {@code /run.sh}'s from the environment. */
  private Optional<RedisReplication.Master> master(Launch launch, ServerContext ctx) {
    if (runsScript(launch)) {
      RunScript r = runScript.get();
      String host = "env".equals(ctx.env().get("GET_HOSTS_FROM")) ? ctx.env().getOrDefault(r.hostVariable(), "") : r.service();
      return host.isEmpty() ? Optional.empty() : Optional.of(new RedisReplication.Master(host, 6379));
    }
    return server(launch).arguments().flatMap(RedisReplication::configured);
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
    DaemonCommand server = server(launch);
    char role = master(launch, ctx).isPresent() ? 'S' : 'M';
    config(launch, ctx); // the file is read once, at start: a later change needs a restart
    log(ctx, 'C', "#", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
    log(ctx, 'C', "#", "Redis version=" + version + ", bits=64, commit=00000000, modified=0, pid=1, just started");
    log(ctx, role, "*", "Running mode=standalone, port=" + server.intOption("--port", 6379) + ".");
    log(ctx, role, "*", "Server initialized");
    log(ctx, role, "*", "Ready to accept connections tcp");
  }

  @Override
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    return Optional.empty(); // a client that sends nothing reads nothing
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx) {
    return receiveTcp(launch, port, data, client, ctx,
        () -> PodDialer.NONE);
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx,
      Supplier<PodDialer> dialer) {
    Optional<RedisReplication.Master> master = master(launch, ctx);
    List<List<String>> received = Resp.parseCommands(data);
    Map<String, Object> keys = keyspace(ctx);
    // a replica brings its copy up to date before it answers (not for a replica's own SYNC)
    if (master.isPresent() && received.stream().anyMatch(argv -> !isSync(argv))) {
      RedisReplication.sync(master.get(), keys, ctx, dialer.get());
    }
    RedisCommands commands = new RedisCommands(keys, version);
    StringBuilder out = new StringBuilder();
    for (List<String> argv : received) {
      String name = argv.get(0).toLowerCase(Locale.ROOT);
      if (name.equals("post") || name.equals("host:")) {
        securityWarning(ctx, client);
        return Optional.empty(); // freeClientAsync: queued replies are never written
      }
      if (name.equals("config")) {
        out.append(config(launch, ctx).command(argv).encode());
      } else if (isSync(argv)) {
        out.append(RedisReplication.dataset(keys, client, ctx, master.isPresent() ? 'S' : 'M').encode());
      } else if (master.isPresent() && RedisReplication.isWrite(name)) {
        out.append(RedisReplication.readOnly(version).encode());
      } else if (name.equals("info")) {
        RedisConfig config = config(launch, ctx);
        String replication = master.isPresent() ? RedisReplication.info(master.get(), ctx)
            : "role:master\r\nconnected_slaves:" + RedisReplication.replicas(ctx) + "\r\n";
        out.append(commands.info(argv, replication, config.value("maxmemory"), config.value("maxmemory-policy")).encode());
      } else {
        out.append(commands.run(argv).encode());
      }
      if (name.equals("quit")) {
        break;
      }
    }
    return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
  }

  private static boolean isSync(List<String> argv) {
    String name = argv.get(0).toLowerCase(Locale.ROOT);
    return name.equals("sync") || name.equals("psync");
  }

  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> keyspace(ServerContext ctx) {
    return (Map<String, Object>) ctx.state().computeIfAbsent(KEYSPACE, k -> new LinkedHashMap<String, Object>());
  }

  /** Logged at most once a minute, as {@code securityWarningCommand} does. */
  private static void securityWarning(ServerContext ctx, String client) {
    long now = ctx.now().getEpochSecond();
    Object last = ctx.state().get(WARNED_AT);
    if (last instanceof Long l && now - l <= 60) {
      return;
    }
    ctx.state().put(WARNED_AT, now);
    log(ctx, "#", "Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. "
        + "This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis "
        + "instance. Connection from " + client + " aborted.");
  }

  /** Redis's log line: {@code pid:role day month year time.ms level message}. */
  private static void log(ServerContext ctx, String level, String message) {
    log(ctx, 'M', level, message);
  }

  /** {@code role} is {@code C} before the server is set up, then {@code M} for a master, {@code S} for a replica. */
  static void log(ServerContext ctx, char role, String level, String message) {
    ctx.log("1:" + role + " " + LOG_TIME.format(ctx.now()) + " " + level + " " + message);
  }
}
