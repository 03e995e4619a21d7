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
import dev.kubesim.impl.program.RawServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code memcached} image: {@code memcached} speaking its text protocol ({@link MemcachedText})
 * on 11211 (or {@code -p N}), its items kept per container and lost on restart. Debian (bookworm)
 * userland without network clients; it runs as PID 1 and exits promptly on SIGTERM.
 */
public final class MemcachedProgram implements Program, RawServer {
  private static final String ITEMS = "memcached.items";

  private final ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN)
      .entrypoint("docker-entrypoint.sh")
      .cmd("memcached")
      .file("/usr/local/bin/memcached", "")
      .file("/usr/local/bin/docker-entrypoint.sh", "")
      .build();
  private final String version;

  /** memcached of the default version. */
  public MemcachedProgram() {
    this(Optional.empty());
  }

  /** memcached as the given tag ({@code 1.6}, {@code 1.6.21-alpine}): its version, or the default one. */
  public MemcachedProgram(Optional<String> tag) {
    this.version = ImageVersions.version("docker.io/library/memcached", tag, MemcachedText.VERSION);
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  private static DaemonCommand daemon(Launch launch) {
    return DaemonCommand.of(launch, "memcached");
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    DaemonCommand d = daemon(launch);
    return d.runs() ? List.of(ListenPort.tcp(d.intOption("-p", d.intOption("--port", 11211)))) : List.of();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return daemon(launch).runs() ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
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
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    return Optional.empty(); // memcached writes nothing before it is asked
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx) {
    @SuppressWarnings("unchecked")
    Map<String, MemcachedText.Item> items =
        (Map<String, MemcachedText.Item>) ctx.state().computeIfAbsent(ITEMS, k -> new LinkedHashMap<String, MemcachedText.Item>());
    long uptime = Duration.between(ctx.startedAt(), ctx.now()).toSeconds();
    MemcachedText.Answer a = new MemcachedText(items, version).read(data, 1, uptime, ctx.requestCount());
    return a.written().isEmpty() ? Optional.empty() : Optional.of(a.written());
  }

  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    return Optional.empty(); // UDP is off by default since 1.5.6
  }
}
