package dev.kubesim.impl.program;

/** Where a shell sends a file descriptor's output: a buffer, a file, or nowhere. */
interface Sink {
  void write(String text);

  /**
   * Writes as a process's {@code write} calls do: false when the device is full ({@code ENOSPC}),
   * after writing what fit, so that the writer can report it.
   */
  default boolean tryWrite(String text) {
    write(text);
    return true;
  }

  /** Collects output in memory (a pipe, or the shell's own stdout/stderr). */
  final class Buffer implements Sink {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(String s) {
      if ((long) text.length() + s.length() > RunningContainer.MEMORY_LIMIT) {
        // what a process holds in memory is bounded: past it the container's memory limit kills it
        text.append(s, 0, (int) Math.max(0, RunningContainer.MEMORY_LIMIT - text.length()));
        throw new ShellInterpreter.Killed();
      }
      text.append(s);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** Appends to a file already opened (created or truncated) by a redirection. */
  record File(ContainerFilesystem fs, String path) implements Sink {
    @Override
    public void write(String s) {
      tryWrite(s);
    }

    @Override
    public boolean tryWrite(String s) {
      if (s.isEmpty()) {
        return true;
      }
      try {
        fs.append(path, s);
      } catch (FsException e) {
        // ENOSPC: the disk is full; otherwise the file was removed while open, and a real
        // process keeps writing to the unlinked inode
        return e.errno() != Errno.ENOSPC;
      }
      return true;
    }
  }

  /** A closed descriptor. */
  Sink NULL = s -> {};
}
