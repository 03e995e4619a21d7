package dev.kubesim.impl.net;

/**
 * The SCTP chunk a simulated packet carries (one per packet), by its RFC 9260 type number, and its
 * tcpdump spelling.
 */
public enum SctpChunk {
  DATA(0, "DATA"),
  INIT(1, "INIT"),
  INIT_ACK(2, "INIT ACK"),
  SACK(3, "SACK"),
  ABORT(6, "ABORT"),
  SHUTDOWN(7, "SHUTDOWN"),
  SHUTDOWN_ACK(8, "SHUTDOWN ACK"),
  COOKIE_ECHO(10, "COOKIE ECHO"),
  COOKIE_ACK(11, "COOKIE ACK"),
  SHUTDOWN_COMPLETE(14, "SHUTDOWN COMPLETE");

  private static final SctpChunk[] BY_TYPE = new SctpChunk[15];

  static {
    for (SctpChunk c : values()) {
      BY_TYPE[c.type] = c;
    }
  }

  private final int type;
  private final String text;

  SctpChunk(int type, String text) {
    this.type = type;
    this.text = text;
  }

  /** The chunk type number, which a packet keeps in its flags. */
  public int type() {
    return type;
  }

  /** tcpdump's name, without brackets: {@code INIT ACK}. */
  public String text() {
    return text;
  }

  /** The chunk of a type number; null for one kubesim does not send. */
  public static SctpChunk of(int type) {
    return type >= 0 && type < BY_TYPE.length ? BY_TYPE[type] : null;
  }
}
