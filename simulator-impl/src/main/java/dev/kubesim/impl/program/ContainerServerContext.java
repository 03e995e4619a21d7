package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.ServerContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A container as its server sees it while answering a request. */
final class ContainerServerContext implements ServerContext {
  private final RunningContainer container;

  ContainerServerContext(RunningContainer container) {
    this.container = container;
  }

  @Override
  public String hostname() {
    return container.hostname();
  }

  @Override
  public String podName() {
    return container.podName();
  }

  @Override
  public String namespace() {
    return container.namespace();
  }

  @Override
  public String podIp() {
    return container.podIp();
  }

  @Override
  public Map<String, String> env() {
    return container.env();
  }

  @Override
  public Instant now() {
    return container.now();
  }

  @Override
  public Instant startedAt() {
    // an answer that depends on the server's uptime may change as time passes: not one to repeat
    container.noteStateRead();
    return container.startedAt();
  }

  @Override
  public long requestCount() {
    container.noteStateRead();
    return container.requestCount();
  }

  @Override
  public Map<String, Object> state() {
    container.noteStateRead();
    return container.state();
  }

  @Override
  public Optional<String> readFile(String path) {
    return container.filesystem().readIfFile(path);
  }

  @Override
  public Optional<Instant> lastModified(String path) {
    try {
      return Optional.of(container.filesystem().stat(path).modified());
    } catch (FsException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isDirectory(String path) {
    return container.filesystem().isDirectory(path);
  }

  @Override
  public List<String> listDirectory(String path) {
    try {
      return List.copyOf(container.filesystem().list(path));
    } catch (FsException e) {
      return List.of();
    }
  }

  @Override
  public ExecResult exec(List<String> argv) {
    return container.exec(argv);
  }

  @Override
  public void log(String line) {
    container.log("stdout", line);
  }

  @Override
  public void exit(int exitCode) {
    container.requestExit(exitCode);
  }
}
