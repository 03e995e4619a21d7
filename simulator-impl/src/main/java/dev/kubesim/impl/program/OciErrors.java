package dev.kubesim.impl.program;

/**
 * The container runtime's words (runc under containerd) when a process cannot be started: for an
 * exec, and for a container's main process.
 */
final class OciErrors {
  /** The status an exec that could not start reports (Docker's {@code docker exec} convention). */
  static final int EXEC_FAILED_STATUS = 126;

  private OciErrors() {}

  /** {@code OCI runtime exec failed: exec failed: unable to start container process: ...: unknown}. */
  static String execFailure(Executable exe) {
    if (exe instanceof Executable.NotSimulated ns) {
      return ShellInterpreter.notSimulated(ns.name()).trim();
    }
    return "OCI runtime exec failed: exec failed: unable to start container process: "
        + detail(exe) + ": unknown";
  }

  /** What containerd reports when a container's command cannot start (state {@code StartError}). */
  static String startFailure(Executable exe) {
    if (exe instanceof Executable.NotSimulated ns) {
      return ShellInterpreter.notSimulated(ns.name()).trim();
    }
    return "failed to create containerd task: failed to create shim task: OCI runtime create "
        + "failed: runc create failed: unable to start container process: " + detail(exe)
        + ": unknown";
  }

  private static String detail(Executable exe) {
    if (exe instanceof Executable.NotFound nf) {
      return "exec: \"" + nf.name() + "\": executable file not found in $PATH";
    }
    if (exe instanceof Executable.NoSuchFile nsf) {
      return "exec: \"" + nsf.path() + "\": stat " + nsf.path() + ": no such file or directory";
    }
    if (exe instanceof Executable.PermissionDenied pd) {
      return "exec: \"" + pd.path() + "\": permission denied";
    }
    throw new IllegalArgumentException("runnable: " + exe);
  }
}
