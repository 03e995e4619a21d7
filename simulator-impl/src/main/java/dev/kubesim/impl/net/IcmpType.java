package dev.kubesim.impl.net;

/** The ICMP messages the network sends. */
public enum IcmpType {
  ECHO_REQUEST("echo request"),
  ECHO_REPLY("echo reply"),
  /** Destination unreachable, code 3: what a REJECT rule and a closed UDP port send. */
  PORT_UNREACHABLE("port unreachable"),
  /** Destination unreachable, code 1. */
  HOST_UNREACHABLE("host unreachable"),
  /** Destination unreachable, code 0. */
  NET_UNREACHABLE("net unreachable");

  private final String text;

  IcmpType(String text) {
    this.text = text;
  }

  /** As tcpdump names it. */
  public String text() {
    return text;
  }

  /** Whether this is an error about another packet (destination unreachable). */
  public boolean isError() {
    return this != ECHO_REQUEST && this != ECHO_REPLY;
  }
}
