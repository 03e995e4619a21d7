package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.http.GoHttp;
import dev.kubesim.impl.program.DialingServer;
import dev.kubesim.impl.program.PodDialer;
import dev.kubesim.impl.program.RawServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code registry.k8s.io/e2e-test-images/agnhost}: one Go binary ({@code ENTRYPOINT ["/agnhost"]},
 * {@code CMD ["pause"]}, on Alpine) whose sub-command, the first argument, decides what runs:
 *
 * <ul>
 *   <li>{@code netexec}: HTTP on {@code --http-port} (8080) and UDP on {@code --udp-port} (8081,
 *       {@code -1} for none); see {@link NetexecHandler}. It installs no SIGTERM handler, and a Go
 *       program that is PID 1 then exits with status 2.
 *   <li>{@code serve-hostname} (serve_hostname.go): with {@code --http} (the default) HTTP on
 *       {@code --port} (9376) answering the hostname; with {@code --http=false}, {@code --tcp}
 *       accepts TCP connections, writes the hostname on each and closes it, and {@code --udp}
 *       answers every datagram with the hostname (both may be given); each connection or datagram
 *       is logged as {@code TCP request from IP:PORT} or {@code UDP request from IP:PORT}. {@code
 *       --tcp} or {@code --udp} without {@code --http=false} is fatal: the process logs {@code
 *       Can't server TCP/UDP mode and HTTP mode at the same time} and exits 1. On SIGTERM it
 *       waits 60 s before exiting 0.
 *   <li>{@code connect}: a client that runs and exits; see the {@code agnhost} command of {@code
 *       program.nettools}, which also runs {@code kubectl exec ... /agnhost connect ...}.
 *   <li>{@code porter}: for each environment variable {@code SERVE_PORT_N} or {@code
 *       SERVE_TCP_PORT_N}, HTTP on port N answering the variable's value (as JSON with the method
 *       under {@code --json-response}); {@code SERVE_UDP_PORT_N}, every datagram on N answered with
 *       the value; {@code SERVE_SCTP_PORT_N}, what a client sends on an SCTP association on N answered
 *       with the value; {@code SERVE_TLS_PORT_N} listens on N (TLS is not simulated).
 *   <li>{@code liveness}: HTTP on 8080, {@code /healthz} healthy for its first 10 seconds, then 500.
 *   <li>{@code pause} and the sub-commands not simulated: run without serving; SIGTERM exits 2.
 * </ul>
 *
 * A container whose command is not agnhost (e.g. {@code [sh, -c, ...]}) runs that command. Boolean
 * flags are read as cobra's pflag reads them: {@code --tcp} or {@code --tcp=VALUE} with a value
 * Go's {@code strconv.ParseBool} accepts; the last one wins.
 */
public final class AgnhostProgram implements Program, RawServer, DialingServer {
  /** The binary of the standalone image, which runs serve-hostname alone and reads Go's flags. */
  static final String SERVE_HOSTNAME = "serve_hostname";

  private final ImageConfig image;

  /** {@code agnhost}. */
  public AgnhostProgram() {
    this(ImageConfig.builder(BaseImage.ALPINE)
        .entrypoint("/agnhost")
        .cmd("pause")
        .file("/agnhost", "")
        .file("/usr/bin/curl", "")
        .file("/usr/bin/dig", "")
        .file("/usr/bin/nc", "")
        .file("/bin/bash", "")
        .build());
  }

  private AgnhostProgram(ImageConfig image) {
    this.image = image;
  }

  /**
   * {@code registry.k8s.io/serve_hostname}, the standalone image agnhost's serve-hostname came from
   * (kubernetes.io's "Debug Services" runs it): the same server as {@code /serve_hostname} on
   * BusyBox, its flags read by Go's {@code flag} package ({@code -port 9376} or {@code --port=9376}).
   */
  public static AgnhostProgram serveHostname() {
    return new AgnhostProgram(ImageConfig.builder(BaseImage.BUSYBOX)
        .entrypoint("/" + SERVE_HOSTNAME)
        .file("/" + SERVE_HOSTNAME, "")
        .build());
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  private static String executable(Launch launch) {
    String exe = launch.argv().isEmpty() ? "" : launch.argv().get(0);
    return exe.substring(exe.lastIndexOf('/') + 1);
  }

  private static boolean isAgnhost(Launch launch) {
    String name = executable(launch);
    return name.equals("agnhost") || name.equals("agnhost-2") || name.equals(SERVE_HOSTNAME);
  }

  private static String subcommand(Launch launch) {
    if (!isAgnhost(launch)) {
      return "";
    }
    if (executable(launch).equals(SERVE_HOSTNAME)) {
      return "serve-hostname";
    }
    return launch.arguments().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
  }

  /**
   * A server for the serving sub-commands; the command line itself (run by the {@code agnhost}
   * command) for a client sub-command and for a serve-hostname whose flags make it exit at once.
   */
  @Override
  public MainProcess mainProcess(Launch launch) {
    if (!isAgnhost(launch)) {
      return MainProcess.command(launch.argv());
    }
    String sub = subcommand(launch);
    boolean exits = sub.equals("connect") || sub.equals("serve-hostname") && ServeHostname.of(launch).fatal();
    return exits ? MainProcess.command(launch.argv()) : MainProcess.serving();
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    switch (subcommand(launch)) {
      case "netexec" -> {
        List<ListenPort> ports = new ArrayList<>();
        ports.add(ListenPort.tcp(launch.intFlag("http-port", 8080)));
        int udp = launch.intFlag("udp-port", 8081);
        if (udp > 0) {
          ports.add(ListenPort.udp(udp));
        }
        int sctp = launch.intFlag("sctp-port", -1);
        if (sctp > 0) {
          ports.add(new ListenPort("SCTP", sctp));
        }
        return ports;
      }
      case "porter" -> {
        return Porter.of(launch).listenPorts();
      }
      case "liveness" -> {
        return List.of(ListenPort.tcp(8080));
      }
      case "serve-hostname" -> {
        ServeHostname f = ServeHostname.of(launch);
        List<ListenPort> ports = new ArrayList<>();
        if (f.fatal() || f.port() < 1 || f.port() > 65535) {
          return ports; // the process exits (log.Fatalf) or cannot listen there
        }
        if (f.http() || f.tcp()) {
          ports.add(ListenPort.tcp(f.port()));
        }
        if (f.udp()) {
          ports.add(ListenPort.udp(f.port()));
        }
        return ports;
      }
      default -> {
        return List.of();
      }
    }
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return switch (subcommand(launch)) {
      case "netexec" -> Optional.of(new NetexecHandler(
          launch.intFlag("udp-port", 8081) != -1 || launch.intFlag("sctp-port", -1) != -1));
      case "porter" -> Optional.of(Porter.of(launch)::serveHttp);
      case "liveness" -> Optional.of(AgnhostProgram::liveness);
      case "serve-hostname" -> ServeHostname.of(launch).servesHttp()
          ? Optional.of((request, ctx) -> {
            ctx.log(GoHttp.logLine(ctx, "HTTP request from " + request.clientAddress()));
            return GoHttp.response(200, ctx.hostname(), ctx);
          })
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** netexec's {@code /dial} dials from its pod; its other paths answer as {@link #httpHandler} does. */
  @Override
  public boolean dialsOn(Launch launch, int port) {
    return subcommand(launch).equals("netexec") && port == launch.intFlag("http-port", 8080);
  }

  @Override
  public HttpResponse serve(Launch launch, HttpRequest request, ServerContext ctx, PodDialer dialer) {
    NetexecHandler netexec = (NetexecHandler) httpHandler(launch).orElseThrow();
    return request.path().equals("/dial") ? netexec.dial(request, ctx, dialer) : netexec.handle(request, ctx);
  }

  /**
   * {@code liveness} (test/images/agnhost/liveness): {@code /healthz} answers {@code ok} for the
   * first 10 seconds after the start, then 500 with {@code error: SECONDS}; {@code /started} the
   * time since the start in seconds; anything else 404 ({@code /redirect} is not simulated).
   */
  private static HttpResponse liveness(HttpRequest request, ServerContext ctx) {
    Duration up = Duration.between(ctx.startedAt(), ctx.now());
    String seconds = goFloat(up.toNanos() / 1e9);
    return switch (request.path()) {
      case "/healthz" -> up.compareTo(Duration.ofSeconds(10)) > 0 ? GoHttp.response(500, "error: " + seconds, ctx)
          : GoHttp.response(200, "ok", ctx);
      case "/started" -> GoHttp.response(200, seconds + "s", ctx);
      default -> GoHttp.response(404, "404 page not found\n", ctx);
    };
  }

  /** A float as Go's {@code %v} prints it: the shortest form, no {@code .0} for a whole number. */
  private static String goFloat(double value) {
    String text = Double.toString(value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    if (!isAgnhost(launch)) {
      return SigtermBehavior.ignores();
    }
    return subcommand(launch).equals("serve-hostname")
        ? SigtermBehavior.exitsAfter(Duration.ofSeconds(60), 0)
        : SigtermBehavior.exitsPromptly(2);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    switch (subcommand(launch)) {
      case "netexec" -> {
        ctx.log(GoHttp.logLine(ctx, "Started HTTP server on port " + launch.intFlag("http-port", 8080)));
        int udp = launch.intFlag("udp-port", 8081);
        if (udp != -1) {
          ctx.log(GoHttp.logLine(ctx, "Started UDP server on port  " + udp));
        }
      }
      case "serve-hostname" -> ctx.log(GoHttp.logLine(ctx, "Serving on port " + ServeHostname.of(launch).port() + "."));
      case "pause", "" -> ctx.log("Paused");
      default -> { }
    }
  }

  /** serve-hostname {@code --tcp}: logs the connection, writes the hostname and closes it. */
  @Override
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    if (!subcommand(launch).equals("serve-hostname") || !ServeHostname.of(launch).tcp()) {
      return Optional.empty();
    }
    ctx.log(GoHttp.logLine(ctx, "TCP request from " + client));
    return Optional.of(ctx.hostname());
  }

  /** porter's {@code SERVE_SCTP_PORT_N} answers with its value; netexec's {@code --sctp-port} as its UDP server does. */
  @Override
  public Optional<String> receiveSctp(Launch launch, int port, String data, String client, ServerContext ctx) {
    return switch (subcommand(launch)) {
      case "porter" -> Porter.of(launch).sctpValue(port);
      case "netexec" -> netexecUdp(data, client, ctx);
      default -> Optional.empty();
    };
  }

  /** serve-hostname {@code --udp}: logs the datagram and answers it with the hostname, whatever it holds. */
  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    if (subcommand(launch).equals("porter")) {
      return Porter.of(launch).udpValue(port);
    }
    if (subcommand(launch).equals("netexec")) {
      return netexecUdp(data, client, ctx);
    }
    if (!subcommand(launch).equals("serve-hostname") || !ServeHostname.of(launch).udp()) {
      return Optional.empty();
    }
    ctx.log(GoHttp.logLine(ctx, "UDP request from " + client));
    return Optional.of(ctx.hostname());
  }

  /** netexec's UDP server: {@code hostname}, {@code echo TEXT} and {@code clientip}, case and spaces ignored. */
  private static Optional<String> netexecUdp(String data, String client, ServerContext ctx) {
    String text = data.strip().toLowerCase(java.util.Locale.ROOT);
    if (text.equals("hostname")) {
      ctx.log(GoHttp.logLine(ctx, "Sending udp hostName response"));
      return Optional.of(ctx.hostname());
    }
    if (text.startsWith("echo ")) {
      String echo = text.substring(5);
      ctx.log(GoHttp.logLine(ctx, "Echoing " + echo + " to UDP client " + client));
      return Optional.of(echo);
    }
    if (text.equals("clientip")) {
      ctx.log(GoHttp.logLine(ctx, "Sending clientip back to UDP client " + client));
      return Optional.of(client);
    }
    if (!text.isEmpty()) {
      ctx.log(GoHttp.logLine(ctx, "Unknown UDP command received from " + client + ": " + text));
    }
    return Optional.empty();
  }

  /**
   * serve-hostname's flags: {@code --tcp}, {@code --udp} (false), {@code --http} (true), {@code
   * --port} (9376).
   */
  public record ServeHostname(boolean tcp, boolean udp, boolean http, int port) {
    static ServeHostname of(Launch launch) {
      return executable(launch).equals(SERVE_HOSTNAME) ? parseGoFlags(launch.arguments()) : parse(launch.arguments());
    }

    /** The flags as Go's {@code flag} package reads them: {@code -name} as {@code --name}. */
    public static ServeHostname parseGoFlags(List<String> arguments) {
      return parse(arguments.stream().map(a -> a.startsWith("-") && !a.startsWith("--") && a.length() > 1 ? "-" + a : a)
          .toList());
    }

    /** The flags among a command line's arguments. */
    public static ServeHostname parse(List<String> arguments) {
      return new ServeHostname(boolFlag(arguments, "tcp", false), boolFlag(arguments, "udp", false),
          boolFlag(arguments, "http", true), intFlag(arguments, "port", 9376));
    }

    /** {@code log.Fatalf("Can't server TCP/UDP mode and HTTP mode at the same time")}. */
    public boolean fatal() {
      return http && (tcp || udp);
    }

    boolean servesHttp() {
      return http && !fatal();
    }
  }

  /**
   * A boolean flag as pflag reads it: {@code --name} is true, {@code --name=VALUE} takes a value
   * {@code strconv.ParseBool} accepts; the last one given wins, an unreadable value is ignored.
   */
  private static boolean boolFlag(List<String> arguments, String name, boolean defaultValue) {
    boolean value = defaultValue;
    for (String a : arguments) {
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--" + name)) {
        value = true;
      } else if (a.startsWith("--" + name + "=")) {
        switch (a.substring(name.length() + 3)) {
          case "1", "t", "T", "TRUE", "true", "True" -> value = true;
          case "0", "f", "F", "FALSE", "false", "False" -> value = false;
          default -> { }
        }
      }
    }
    return value;
  }

  /** An integer flag, {@code --name N} or {@code --name=N}; the last one given wins, an unreadable one is ignored. */
  private static int intFlag(List<String> arguments, String name, int defaultValue) {
    int value = defaultValue;
    for (int i = 0; i < arguments.size(); i++) {
      String a = arguments.get(i);
      if (a.equals("--")) {
        break;
      }
      String text = a.equals("--" + name) && i + 1 < arguments.size() ? arguments.get(++i)
          : a.startsWith("--" + name + "=") ? a.substring(name.length() + 3) : null;
      if (text != null) {
        try {
          value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          // pflag refuses it; the default stays
        }
      }
    }
    return value;
  }
}
