package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an image's configuration and layers give a container before Kubernetes adds anything: the
 * userland, {@code ENTRYPOINT}, {@code CMD}, {@code ENV}, {@code WORKDIR} and files.
 *
 * @param base the userland the image is built on
 * @param entrypoint {@code ENTRYPOINT}, replaced by a container's {@code command}
 * @param cmd {@code CMD}, replaced by a container's {@code args} (and dropped when only {@code
 *     command} is given)
 * @param env {@code ENV} in the image's order; {@code PATH} first where the image sets it
 * @param workingDir {@code WORKDIR}, {@code /} when the image sets none
 * @param files files the image adds (absolute path to content); an empty file in a {@code bin}
 *     directory named like a registered command makes that command available
 * @param created when the image was built: the modification time of its files
 */
public record ImageConfig(
    BaseImage base,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> env,
    String workingDir,
    Map<String, String> files,
    Instant created) {
  /** The build time of images that do not say: before the simulation's virtual epoch. */
  public static final Instant DEFAULT_CREATED = Instant.parse("2024-06-01T00:00:00Z");

  /**
   * Checks that no field is {@code null}; lists and maps are copied immutable.
   *
   * @param base the userland the image is built on
   * @param entrypoint {@code ENTRYPOINT}, replaced by a container's {@code command}
   * @param cmd {@code CMD}, replaced by a container's {@code args} (and dropped when only {@code
   *     command} is given)
   * @param env {@code ENV} in the image's order; {@code PATH} first where the image sets it
   * @param workingDir {@code WORKDIR}, {@code /} when the image sets none
   * @param files files the image adds (absolute path to content); an empty file in a {@code bin}
   *     directory named like a registered command makes that command available
   * @param created when the image was built: the modification time of its files
   */
  public ImageConfig {
    Objects.requireNonNull(base, "base");
    entrypoint = ImmutableList.copyOf(entrypoint);
    cmd = ImmutableList.copyOf(cmd);
    env = ImmutableMap.copyOf(env);
    Objects.requireNonNull(workingDir, "workingDir");
    files = ImmutableMap.copyOf(files);
    Objects.requireNonNull(created, "created");
  }

  /**
   * A builder of an image on this base: its {@code PATH}, and no ENTRYPOINT, CMD or files yet.
   *
   * @param base the distribution the image is built on, which decides its shell and commands
   * @return a new builder
   */
  public static Builder builder(BaseImage base) {
    return new Builder(base);
  }

  /**
   * The process's command line as the runtime computes it: the container's {@code command} (or
   * the image's ENTRYPOINT) followed by the container's {@code args} (or, when the container gives
   * neither, the image's CMD).
   *
   * @param command the command and its arguments
   * @param args the arguments
   * @return the process's command line as the runtime computes it
   */
  public List<String> argv(List<String> command, List<String> args) {
    ImmutableList.Builder<String> argv = ImmutableList.builder();
    if (!command.isEmpty()) {
      argv.addAll(command).addAll(args);
    } else {
      argv.addAll(entrypoint).addAll(args.isEmpty() ? cmd : args);
    }
    return argv.build();
  }

  /** A builder of {@link ImageConfig}; {@code PATH} comes first in {@code ENV}. */
  public static final class Builder {
    private final BaseImage base;
    private List<String> entrypoint = List.of();
    private List<String> cmd = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String workingDir = "/";
    private final Map<String, String> files = new LinkedHashMap<>();
    private Instant created = DEFAULT_CREATED;

    private Builder(BaseImage base) {
      this.base = Objects.requireNonNull(base, "base");
      env.put("PATH", base.path());
    }

    /**
     * Sets {@link ImageConfig#entrypoint()}.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder entrypoint(String... value) {
      entrypoint = List.of(value);
      return this;
    }

    /**
     * Sets {@link ImageConfig#cmd()}.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder cmd(String... value) {
      cmd = List.of(value);
      return this;
    }

    /**
     * Adds (or replaces, keeping its place) one {@code ENV} variable.
     *
     * @param name the object's name
     * @param value None
     * @return this builder
     */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /**
     * Sets {@link ImageConfig#workingDir()}.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder workingDir(String value) {
      workingDir = value;
      return this;
    }

    /**
     * Adds a file to the image's file system, replacing one at the same path.
     *
     * @param path an absolute path in the container's file system
     * @param content the file's content, as text
     * @return this builder
     */
    public Builder file(String path, String content) {
      files.put(path, content);
      return this;
    }

    /**
     * Sets {@link ImageConfig#created()}.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder created(Instant value) {
      created = value;
      return this;
    }

    /**
     * Builds the {@code ImageConfig} from the fields set so far.
     *
     * @return a new {@code ImageConfig}
     */
    public ImageConfig build() {
      return new ImageConfig(base, entrypoint, cmd, env, workingDir, files, created);
    }
  }
}
