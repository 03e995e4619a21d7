package dev.kubesim.impl.apiserver.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where one message ends in the bytes a forwarded connection carries: an HTTP/1.x request ends
 * after its head and the body its {@code Content-Length} announces; bytes that do not start an HTTP
 * request are a message as they come.
 */
final class HttpMessages {
  private static final Pattern REQUEST_LINE = Pattern.compile("^[A-Z]+ \\S+ HTTP/1\\.[01]\r?\n");
  /** The longest head a request is waited for; longer text is plain data. */
  private static final int MAX_HEAD = 64 * 1024;
  /**
   * The largest body a request is waited for; a request announcing more passes as plain data, so a
   * huge (or overflowing) {@code Content-Length} neither fills the heap nor yields a negative length.
   */
  static final long MAX_BODY = 16 * 1024 * 1024;

  private HttpMessages() {}

  /**
   * The length of the first whole message from {@code from}: an HTTP request's head and body, or
   * all the bytes when they are no HTTP request; 0 while an HTTP request is not yet whole.
   */
  static int completeRequest(byte[] bytes, int from) {
    String text = new String(bytes, from, Math.min(bytes.length - from, MAX_HEAD), StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf('\n');
    if (lineEnd < 0) {
      return looksLikeRequestStart(text) && text.length() < MAX_HEAD ? 0 : bytes.length - from;
    }
    if (!REQUEST_LINE.matcher(text.substring(0, lineEnd + 1)).find()) {
      return bytes.length - from;
    }
    int headEnd = text.indexOf("\r\n\r\n");
    int separator = 4;
    if (headEnd < 0) {
      headEnd = text.indexOf("\n\n");
      separator = 2;
    }
    if (headEnd < 0) {
      return text.length() < MAX_HEAD ? 0 : bytes.length - from;
    }
    long body = 0;
    for (String line : text.substring(0, headEnd).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        try {
          body = Long.parseLong(line.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          body = 0;
        }
      }
    }
    if (body > MAX_BODY) {
      return bytes.length - from;
    }
    long whole = headEnd + separator + Math.max(0, body);
    return whole <= bytes.length - from ? (int) whole : 0;
  }

  private static boolean looksLikeRequestStart(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        return i > 0;
      }
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
