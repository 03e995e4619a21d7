package dev.kubesim.impl.net;

/**
 * The data of an ICMP echo request or reply.
 *
 * @param sequence the echo's sequence number
 * @param dataBytes the data size ping sends (56 by default)
 */
public record EchoPayload(int sequence, int dataBytes) implements Payload {
  @Override
  public String summary() {
    return "seq " + sequence + ", length " + (dataBytes + 8);
  }

  @Override
  public int length() {
    return dataBytes + 8;
  }
}
