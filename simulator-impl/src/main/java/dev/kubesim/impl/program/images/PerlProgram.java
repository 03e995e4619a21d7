package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import java.util.List;
import java.util.Optional;

/**
 * The {@code perl} image (Perl on Debian, {@code CMD ["perl5.x.y", "-de0"]}: the debugger, which
 * without a terminal ends at once): its command line runs as a command, {@code perl} as far as
 * {@link dev.kubesim.impl.program.commands.Perl} goes — the Job of kubernetes.io's example prints
 * its 2,000 digits of π.
 */
public final class PerlProgram implements Program {
  private final ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN)
      .cmd("perl", "-de0")
      .file("/usr/local/bin/perl", "")
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  /** perl listens nowhere. */
  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of();
  }

  /** perl serves nothing. */
  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.empty();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return MainProcess.command(launch.argv());
  }

  /** perl installs no SIGTERM handler: as PID 1 it ignores the signal and is killed at the grace period's end. */
  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.ignores();
  }
}
