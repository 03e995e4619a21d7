package dev.kubesim.impl.program;

/** The system errors file operations in a container fail with, and their {@code strerror} texts. */
public enum Errno {
  ENOENT("No such file or directory"),
  EEXIST("File exists"),
  EISDIR("Is a directory"),
  ENOTDIR("Not a directory"),
  ENOTEMPTY("Directory not empty"),
  EACCES("Permission denied"),
  EINVAL("Invalid argument"),
  ENOSPC("No space left on device"),
  EROFS("Read-only file system"),
  EBUSY("Device or resource busy");

  private final String message;

  Errno(String message) {
    this.message = message;
  }

  /** The C library's text: {@code No such file or directory}. */
  public String message() {
    return message;
  }
}
