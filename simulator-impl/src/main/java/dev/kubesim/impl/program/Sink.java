package dev.kubesim.impl.program;

/** Where a shell sends a file descriptor's output: a buffer, a file, or nowhere. */
interface Sink {
  void write(String text);

  /** Collects output in memory (a pipe, or the shell's own stdout/stderr). */
  final class Buffer implements Sink {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(String s) {
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
      if (s.isEmpty()) {
        return;
      }
      try {
        fs.append(path, s);
      } catch (FsException e) {
        // the file was removed while open; a real process keeps writing to the unlinked inode
      }
    }
  }

  /** A closed descriptor. */
  Sink NULL = s -> {};
}
