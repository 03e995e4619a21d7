package dev.kubesim.impl.program;

/** A failed file operation in a container's filesystem: which error, on which path. */
public final class FsException extends Exception {
  private final Errno errno;
  private final String path;

  public FsException(Errno errno, String path) {
    super(path + ": " + errno.message());
    this.errno = errno;
    this.path = path;
  }

  public Errno errno() {
    return errno;
  }

  public String path() {
    return path;
  }
}
