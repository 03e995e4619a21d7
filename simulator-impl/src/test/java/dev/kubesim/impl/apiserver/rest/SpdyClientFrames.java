package dev.kubesim.impl.apiserver.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;

/** SYN_STREAM frames as a spdystream client writes them, for the tests of the server's side. */
final class SpdyClientFrames {
  private SpdyClientFrames() {}

  /** A client's zlib stream, primed with the SPDY/3 dictionary. */
  static Deflater compressor() {
    Deflater deflater = new Deflater();
    deflater.setDictionary(SpdyDictionary.bytes());
    return deflater;
  }

  /** A SYN_STREAM with these headers, in insertion order. */
  static byte[] synStream(Deflater deflater, int streamId, Map<String, String> headers) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    writeInt(block, headers.size());
    headers.forEach((k, v) -> {
      writeInt(block, k.length());
      block.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
      writeInt(block, v.length());
      block.writeBytes(v.getBytes(StandardCharsets.US_ASCII));
    });
    return synStreamOfBlock(deflater, streamId, block.toByteArray());
  }

  /** A SYN_STREAM carrying this (uncompressed) header block. */
  static byte[] synStreamOfBlock(Deflater deflater, int streamId, byte[] block) {
    deflater.setInput(block);
    byte[] buffer = new byte[1024];
    int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.writeBytes(new byte[] {(byte) 0x80, 3, 0, 1});
    writeInt(frame, 10 + n);
    writeInt(frame, streamId);
    writeInt(frame, 0);
    frame.write(0);
    frame.write(0);
    frame.write(buffer, 0, n);
    return frame.toByteArray();
  }

  static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
