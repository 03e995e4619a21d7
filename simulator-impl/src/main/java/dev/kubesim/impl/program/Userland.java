package dev.kubesim.impl.program;

import dev.kubesim.api.program.BaseImage;
import java.util.List;

/**
 * The directories and executables a base image ships, which decide what {@code ls /bin} shows and
 * which commands a container can run. Network tools are listed where the base image has them
 * (BusyBox's {@code wget}, {@code nslookup}, {@code ping}); they run once the network commands are
 * registered.
 */
final class Userland {
  private Userland() {}

  private static final List<String> BUSYBOX_APPLETS =
      List.of("[", "ash", "awk", "base64", "basename", "cat", "chmod", "cut", "date", "dirname", "echo", "env", "expr", "false",
          "grep", "head", "hostname", "id", "ip", "ls", "mkdir", "nc", "nslookup", "ping", "printenv", "printf", "ps", "pwd", "rev",
          "rm", "sed", "seq", "sh", "sleep", "sort", "tail", "tar", "tee", "test", "touch", "tr", "true", "uname", "uniq",
          "wc", "wget", "whoami", "xargs");

  /** The directories of a fresh container. */
  static List<String> directories(BaseImage base) {
    return switch (base) {
      case BUSYBOX -> List.of("/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/sys",
          "/tmp", "/usr/sbin", "/var/spool/mail", "/var/www");
      case DISTROLESS -> List.of("/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/var");
      case ALPINE -> List.of("/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt",
          "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr/bin", "/usr/lib",
          "/usr/local/bin", "/usr/sbin", "/var/log", "/var/tmp");
      default -> List.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt",
          "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr/bin", "/usr/lib",
          "/usr/local/bin", "/usr/sbin", "/var/log", "/var/tmp");
    };
  }

  /** The executables of a base image, as absolute paths. */
  static List<String> executables(BaseImage base) {
    return switch (base) {
      case BUSYBOX -> BUSYBOX_APPLETS.stream().map(n -> "/bin/" + n).toList();
      case DISTROLESS -> List.of();
      case ALPINE -> List.of("/bin/ash", "/bin/cat", "/bin/chmod", "/bin/date", "/bin/echo", "/bin/false",
          "/bin/grep", "/bin/hostname", "/bin/ls", "/bin/mkdir", "/bin/ping", "/bin/pwd", "/bin/rm",
          "/bin/sed", "/bin/sh", "/bin/sleep", "/bin/tar", "/bin/touch", "/bin/true", "/usr/bin/[", "/usr/bin/awk", "/usr/bin/env",
          "/usr/bin/nc", "/usr/bin/nslookup", "/usr/bin/printenv", "/usr/bin/seq", "/usr/bin/test", "/usr/bin/wget",
          "/usr/bin/sort", "/usr/bin/head", "/usr/bin/tail", "/usr/bin/wc", "/usr/bin/cut", "/usr/bin/tr",
          "/usr/bin/uniq", "/usr/bin/xargs", "/usr/bin/base64", "/usr/bin/printf", "/usr/bin/tee", "/usr/bin/rev",
          "/usr/bin/basename", "/usr/bin/dirname", "/usr/bin/id", "/usr/bin/whoami", "/bin/uname", "/usr/bin/expr", "/bin/ps", "/sbin/ip");
      // Debian 12 merges /bin into /usr/bin: every tool is found under both
      case DEBIAN -> List.of("bash", "cat", "chmod", "dash", "date", "echo", "false", "grep", "hostname",
              "ls", "mkdir", "pwd", "rm", "sh", "sleep", "touch", "true", "[", "env", "printenv",
              "test", "seq", "awk", "sed", "sort", "head", "tail", "wc", "cut", "tr", "uniq", "xargs", "tar", "base64",
              "printf", "tee", "rev", "basename", "dirname", "id", "whoami", "uname", "perl", "expr")
          .stream()
          .flatMap(n -> java.util.stream.Stream.of("/bin/" + n, "/usr/bin/" + n))
          .toList();
      case DEBIAN_JESSIE, UBUNTU_TRUSTY -> List.of("/bin/bash", "/bin/cat", "/bin/chmod", "/bin/date",
          "/bin/dash", "/bin/echo", "/bin/false", "/bin/grep", "/bin/hostname", "/bin/ls",
          "/bin/mkdir", "/bin/pwd", "/bin/rm", "/bin/sh", "/bin/sleep", "/bin/tar", "/bin/touch", "/bin/true",
          "/usr/bin/[", "/usr/bin/env", "/usr/bin/printenv", "/usr/bin/test", "/bin/sed", "/usr/bin/sort",
          "/usr/bin/head", "/usr/bin/tail", "/usr/bin/wc", "/usr/bin/cut", "/usr/bin/tr", "/usr/bin/uniq",
          "/usr/bin/xargs", "/usr/bin/base64", "/usr/bin/printf", "/usr/bin/tee", "/usr/bin/rev", "/usr/bin/basename",
          "/usr/bin/dirname", "/usr/bin/id", "/usr/bin/whoami", "/bin/uname", "/usr/bin/perl", "/usr/bin/expr");
    };
  }
}
