package dev.kubesim.impl.apiserver.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The dictionary that SPDY/3 primes its header compression with (the SPDY/3 draft, section
 * 2.6.10.1): a run of common header names and values, each after its length as four bytes, then a
 * block of common text (status codes and phrases, dates, media types). Both ends must use these
 * exact 1,423 bytes: zlib checks the dictionary's Adler-32 before it inflates a single header.
 */
final class SpdyDictionary {
  /** The length-prefixed words, in order. */
  private static final String[] WORDS = {
      "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
      "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
      "content-base", "content-encoding", "content-language", "content-length", "content-location",
      "content-md5", "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host",
      "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified",
      "location", "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range",
      "referer", "retry-after", "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent",
      "vary", "via", "warning", "www-authenticate", "method", "get", "status", "200 OK", "version",
      "HTTP/1.1", "url", "public", "set-cookie", "keep-alive", "origin"
  };

  /** The text after the words. */
  private static final String TEXT =
      "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
      + "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Una"
      + "uthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service"
      + " UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, "
      + "Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,applicat"
      + "ion/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf"
      + "-8charset=iso-8859-1,utf-,*,enq=0.";

  private static final byte[] BYTES = build();

  private SpdyDictionary() {}

  /** A copy of the dictionary's bytes. */
  static byte[] bytes() {
    return BYTES.clone();
  }

  private static byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String word : WORDS) {
      byte[] b = word.getBytes(StandardCharsets.US_ASCII);
      out.write(b.length >>> 24);
      out.write(b.length >>> 16);
      out.write(b.length >>> 8);
      out.write(b.length);
      out.writeBytes(b);
    }
    out.writeBytes(TEXT.getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
