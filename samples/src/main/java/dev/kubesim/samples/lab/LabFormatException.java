package dev.kubesim.samples.lab;

/** A lab file that does not follow the lab format, said as {@code FILE:LINE: what is wrong}. */
public final class LabFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A problem at a line of a lab file.
   *
   * @param file the lab file's name
   * @param line the 1-based line the problem is on
   * @param message what is wrong there
   */
  public LabFormatException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
