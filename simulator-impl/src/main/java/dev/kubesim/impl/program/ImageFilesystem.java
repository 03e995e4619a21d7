package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageConfig;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lays out a new container's files: the base image's directories and executables, the image's own
 * files, then what the kubelet mounts ({@code /etc/hosts}, {@code /etc/hostname}, {@code
 * /etc/resolv.conf}, {@code /dev/termination-log}, volumes).
 */
final class ImageFilesystem {
  private ImageFilesystem() {}

  static ContainerFilesystem create(
      Supplier<Instant> clock, ImageConfig image, ContainerConfig config, String workingDir) {
    return create(clock, image, config, workingDir, List.of(), new LinkedHashSet<>());
  }

  /**
   * Lays out the files as {@link #create(Supplier, ImageConfig, ContainerConfig, String)} does, and
   * adds the stand-ins of an image kubesim does not know: each of {@code standIns} (a program's name
   * as a probe or hook writes it) that the image does not have becomes an executable file, a bare
   * name in {@code /usr/local/bin}, a path where it points (from the working directory). The paths
   * of the files made are added to {@code installed}.
   */
  static ContainerFilesystem create(Supplier<Instant> clock, ImageConfig image, ContainerConfig config,
      String workingDir, List<String> standIns, Set<String> installed) {
    ContainerFilesystem fs = new ContainerFilesystem(clock);
    try {
      for (String dir : Userland.directories(image.base())) {
        fs.mkdirs(dir);
      }
      fs.installDevice("/dev/null");
      for (String exe : Userland.executables(image.base())) {
        fs.install(exe, "", true, image.created());
      }
      for (Map.Entry<String, String> file : image.files().entrySet()) {
        boolean entrypoint = !image.entrypoint().isEmpty() && image.entrypoint().get(0).equals(file.getKey());
        fs.install(file.getKey(), file.getValue(), entrypoint || executable(file.getKey(), file.getValue()),
            image.created());
      }
      for (String name : standIns) {
        standIn(fs, image, workingDir, name).ifPresent(path -> {
          fs.install(path, "", true, image.created());
          installed.add(path);
        });
      }
      fs.install("/dev/termination-log", "", false);
      fs.install("/etc/hostname", config.hostname() + "\n", false);
      fs.install("/etc/hosts", config.hostsFile().orElseGet(() -> KubeletHostsFile.content(
          config.podIps(), config.hostname(), config.hostDomain(), config.hostAliases())), false);
      fs.install("/etc/resolv.conf", config.resolvConf(), false);
      for (Map.Entry<String, String> file : config.files().entrySet()) {
        fs.install(file.getKey(), file.getValue(), false);
      }
      for (VolumeMount m : config.mounts()) {
        fs.mount(m.path(), m.volume(), m.subPath(), m.readOnly());
      }
      fs.mkdirs(workingDir);
    } catch (FsException e) {
      throw new IllegalStateException("cannot lay out the container's files: " + e.getMessage(), e);
    }
    return fs;
  }

  /** Where a stand-in for this program goes, or empty when the image already has it (or it names none). */
  private static Optional<String> standIn(ContainerFilesystem fs, ImageConfig image, String workingDir, String name) {
    if (name.isEmpty() || name.endsWith("/")) {
      return Optional.empty();
    }
    if (name.contains("/")) {
      String path = FsPaths.resolve(workingDir, name);
      return fs.exists(path) ? Optional.empty() : Optional.of(path);
    }
    String search = image.env().getOrDefault("PATH", Executable.DEFAULT_PATH);
    for (String dir : search.split(":", -1)) {
      if (fs.exists(FsPaths.resolve(workingDir, (dir.isEmpty() ? "." : dir) + "/" + name))) {
        return Optional.empty();
      }
    }
    return Optional.of("/usr/local/bin/" + name);
  }

  /**
   * Empty files in {@code bin} directories stand for executables; {@code #!} files are scripts. (The
   * image's {@code ENTRYPOINT} file, such as agnhost's {@code /agnhost}, is executable wherever it is.)
   */
  private static boolean executable(String path, String content) {
    String dir = FsPaths.parent(FsPaths.normalize(path));
    return content.startsWith("#!") || (content.isEmpty()
        && (dir.endsWith("/bin") || dir.endsWith("/sbin")));
  }
}
