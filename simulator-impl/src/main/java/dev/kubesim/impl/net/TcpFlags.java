package dev.kubesim.impl.net;

/** TCP header flags as bits, and their tcpdump spelling. */
public final class TcpFlags {
  public static final int FIN = 1;
  public static final int SYN = 2;
  public static final int RST = 4;
  public static final int PSH = 8;
  public static final int ACK = 16;

  private static final String[] TEXT = new String[32];

  static {
    for (int f = 0; f < 32; f++) {
      StringBuilder b = new StringBuilder();
      if ((f & SYN) != 0) {
        b.append('S');
      }
      if ((f & FIN) != 0) {
        b.append('F');
      }
      if ((f & PSH) != 0) {
        b.append('P');
      }
      if ((f & RST) != 0) {
        b.append('R');
      }
      if ((f & ACK) != 0) {
        b.append('.');
      }
      TEXT[f] = b.toString();
    }
  }

  private TcpFlags() {}

  /** tcpdump's {@code [S]}, {@code [S.]}, {@code [P.]}, {@code [F.]}, {@code [R]} without brackets. */
  public static String text(int flags) {
    return TEXT[flags & 31];
  }

  public static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
