package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageConfig;
import java.time.Instant;
import java.util.Map;
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
