package dev.kubesim.impl.net;

/**
 * What a packet carries above its transport header: an HTTP message, a DNS message, an ICMP echo's
 * data. The network passes payloads along without looking inside; the sockets at the ends do.
 */
public interface Payload {
  /** One line for traces, e.g. {@code GET / HTTP/1.1}. */
  String summary();

  /** Its size in bytes on the wire (approximate where the simulator keeps no bytes). */
  int length();
}
