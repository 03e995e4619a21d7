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
 *   <li>{@code serve-hostname}: HTTP on {@code --port} (9376) answering the hostname; {@code
 *       --tcp}/{@code --udp} serve it raw instead. On SIGTERM it waits 60 s before exiting 0.
 *   <li>{@code pause} and the sub-commands not simulated: run without serving; SIGTERM exits 2.
 * </ul>
 *
 * A container whose command is not agnhost (e.g. {@code [sh, -c, ...]}) runs that command.
 */
public final class AgnhostProgram implements Program {
  private final ImageConfig image = ImageConfig.builder(BaseImage.ALPINE)
      .entrypoint("/agnhost")
      .cmd("pause")
      .file("/agnhost", "")
      .file("/usr/bin/curl", "")
      .file("/usr/bin/dig", "")
      .file("/usr/bin/nc", "")
      .file("/bin/bash", "")
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  private static boolean isAgnhost(Launch launch) {
    if (launch.argv().isEmpty()) {
      return false;
    }
    String exe = launch.argv().get(0);
    String name = exe.substring(exe.lastIndexOf('/') + 1);
    return name.equals("agnhost") || name.equals("agnhost-2");
  }

  private static String subcommand(Launch launch) {
    if (!isAgnhost(launch)) {
      return "";
    }
    return launch.arguments().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return isAgnhost(launch) ? MainProcess.serving() : MainProcess.command(launch.argv());
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
      case "serve-hostname" -> {
        int port = launch.intFlag("port", 9376);
        List<ListenPort> ports = new ArrayList<>();
        if (http(launch) || boolFlag(launch, "tcp")) {
          ports.add(ListenPort.tcp(port));
        }
        if (boolFlag(launch, "udp")) {
          ports.add(ListenPort.udp(port));
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
      case "serve-hostname" -> http(launch)
          ? Optional.of((request, ctx) -> {
            ctx.log(GoHttp.logLine(ctx, "HTTP request from " + request.clientAddress()));
            return GoHttp.response(200, ctx.hostname(), ctx);
          })
          : Optional.empty();
      default -> Optional.empty();
    };
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
      case "serve-hostname" -> ctx.log(GoHttp.logLine(ctx,
          "Serving on port " + launch.intFlag("port", 9376) + "."));
      case "pause", "" -> ctx.log("Paused");
      default -> { }
    }
  }

  /** serve-hostname serves HTTP unless told to serve raw TCP or UDP. */
  private static boolean http(Launch launch) {
    return launch.flag("http").map(v -> !v.equals("false")).orElse(true)
        && !boolFlag(launch, "tcp") && !boolFlag(launch, "udp");
  }

  /** A Go boolean flag: {@code --tcp} or {@code --tcp=true}. */
  private static boolean boolFlag(Launch launch, String name) {
    for (String a : launch.arguments()) {
      if (a.equals("--" + name) || a.equals("-" + name) || a.equals("--" + name + "=true")) {
        return true;
      }
    }
    return false;
  }
}
