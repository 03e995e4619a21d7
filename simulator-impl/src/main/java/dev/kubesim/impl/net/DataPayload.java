package dev.kubesim.impl.net;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bytes that no simulated protocol parses, kept as text: what a plain TCP or UDP server writes
 * (agnhost serve-hostname's hostname) or a client sends it (agnhost connect's {@code hostname\n}).
 *
 * @param text the bytes as UTF-8 text; empty for a datagram without data
 */
public record DataPayload(String text) implements Payload {
  public DataPayload {
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String summary() {
    return "data: " + length() + " bytes";
  }

  @Override
  public int length() {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
