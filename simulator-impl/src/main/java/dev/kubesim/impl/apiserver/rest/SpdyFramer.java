package dev.kubesim.impl.apiserver.rest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * SPDY/3.1 frames, as the port-forward protocol runs them (spdystream's framer): a control frame is
 * {@code 1 | version 3 | type} in four bytes, then flags and a 24-bit length; a data frame is a
 * 31-bit stream id, then flags and a length. Header blocks (in SYN_STREAM, SYN_REPLY, HEADERS) are
 * compressed with zlib primed by {@link SpdyDictionary}, one stream of zlib for each direction of
 * the session, so the inflater and deflater live as long as the framer.
 */
final class SpdyFramer {
  static final int SYN_STREAM = 1;
  static final int SYN_REPLY = 2;
  static final int RST_STREAM = 3;
  static final int SETTINGS = 4;
  static final int PING = 6;
  static final int GOAWAY = 7;
  static final int HEADERS = 8;
  static final int WINDOW_UPDATE = 9;
  static final int FLAG_FIN = 0x01;
  /** RST_STREAM's status for a stream the server refuses. */
  static final int REFUSED_STREAM = 3;
  private static final int VERSION = 3;
  /**
   * The largest frame read: spdystream sends data in pieces of at most 32 KiB and small header
   * blocks, so a frame over 1 MiB (the 24-bit length allows 16) is a broken or hostile peer.
   */
  private static final int MAX_FRAME = 1 << 20;

  /** One frame read: a control frame ({@code type > 0}) with its payload, or data of a stream. */
  record Frame(int type, int flags, int streamId, byte[] payload) {
    boolean isData() {
      return type == 0;
    }

    boolean fin() {
      return (flags & FLAG_FIN) != 0;
    }
  }

  private final DataInputStream in;
  private final Consumer<byte[]> out;
  private final Inflater inflater = new Inflater();
  private final Deflater deflater = new Deflater();
  private final byte[] dictionary = SpdyDictionary.bytes();

  /**
   * @param in the bytes the peer sends
   * @param out where each frame written goes, whole
   */
  SpdyFramer(InputStream in, Consumer<byte[]> out) {
    this.in = new DataInputStream(in);
    this.out = out;
    deflater.setDictionary(dictionary);
  }

  /**
   * The next frame.
   *
   * @throws EOFException when the peer's bytes end
   */
  Frame read() throws IOException {
    int first = in.readInt();
    int flagsAndLength = in.readInt();
    int flags = flagsAndLength >>> 24;
    int length = flagsAndLength & 0xffffff;
    if (length > MAX_FRAME) {
      throw new IOException("SPDY frame too large: " + length);
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    if (first < 0) {
      int version = (first >>> 16) & 0x7fff;
      if (version != VERSION) {
        throw new IOException("unsupported SPDY version " + version);
      }
      int type = first & 0xffff;
      int streamId = length >= 4 && type != SETTINGS ? readInt(payload, 0) & 0x7fffffff : 0;
      return new Frame(type, flags, streamId, payload);
    }
    return new Frame(0, flags, first & 0x7fffffff, payload);
  }

  /** The headers of a SYN_STREAM frame, names lower-cased as SPDY sends them. */
  Map<String, String> synStreamHeaders(Frame frame) throws IOException {
    // stream id, associated stream id, priority and slot come before the header block
    if (frame.payload().length < 10) {
      throw new IOException("truncated SPDY SYN_STREAM");
    }
    return headers(frame.payload(), 10);
  }

  /** Answers a SYN_STREAM with no headers of its own. */
  void synReply(int streamId, boolean fin) {
    byte[] block = compress(new byte[4]); // no headers: a count of 0
    byte[] frame = control(SYN_REPLY, fin ? FLAG_FIN : 0, 4 + block.length);
    putInt(frame, 8, streamId);
    System.arraycopy(block, 0, frame, 12, block.length);
    out.accept(frame);
  }

  /** Data on a stream; with {@code fin}, the last this side sends on it. */
  void data(int streamId, byte[] data, boolean fin) {
    byte[] frame = new byte[8 + data.length];
    putInt(frame, 0, streamId & 0x7fffffff);
    putInt(frame, 4, (fin ? FLAG_FIN : 0) << 24 | data.length);
    System.arraycopy(data, 0, frame, 8, data.length);
    out.accept(frame);
  }

  /** Ends a stream abruptly. */
  void reset(int streamId, int status) {
    byte[] frame = control(RST_STREAM, 0, 8);
    putInt(frame, 8, streamId);
    putInt(frame, 12, status);
    out.accept(frame);
  }

  /** Answers a PING with the same id, as the peer's own pings are answered. */
  void ping(int id) {
    byte[] frame = control(PING, 0, 4);
    putInt(frame, 8, id);
    out.accept(frame);
  }

  private Map<String, String> headers(byte[] payload, int offset) throws IOException {
    byte[] block = inflate(payload, offset);
    Map<String, String> headers = new LinkedHashMap<>();
    int pos = 0;
    int count = readInt(block, pos);
    pos += 4;
    for (int i = 0; i < count; i++) {
      String name = string(block, pos);
      pos += 4 + name.length();
      int valueLength = readInt(block, pos);
      String value = string(block, pos);
      pos += 4 + valueLength;
      headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
    }
    return headers;
  }

  private byte[] inflate(byte[] payload, int offset) throws IOException {
    inflater.setInput(payload, offset, payload.length - offset);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      while (true) {
        int n = inflater.inflate(buffer);
        if (n > 0) {
          block.write(buffer, 0, n);
        } else if (inflater.needsDictionary()) {
          inflater.setDictionary(dictionary);
        } else if (inflater.needsInput() || inflater.finished()) {
          break;
        }
        if (block.size() > MAX_FRAME) {
          throw new IOException("SPDY header block too large");
        }
      }
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new IOException("bad SPDY header block: " + e.getMessage(), e);
    }
    return block.toByteArray();
  }

  private byte[] compress(byte[] block) {
    deflater.setInput(block);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[256];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      compressed.write(buffer, 0, n);
    } while (n == buffer.length);
    return compressed.toByteArray();
  }

  /** A length-prefixed string of a header block. */
  private static String string(byte[] block, int at) throws IOException {
    int length = readInt(block, at);
    if (length < 0 || length > block.length - at - 4) { // not at + 4 + length: it overflows
      throw new IOException("truncated SPDY header block");
    }
    return new String(block, at + 4, length, StandardCharsets.ISO_8859_1);
  }

  private static byte[] control(int type, int flags, int length) {
    byte[] frame = new byte[8 + length];
    putInt(frame, 0, 0x80000000 | VERSION << 16 | type);
    putInt(frame, 4, flags << 24 | length);
    return frame;
  }

  private static int readInt(byte[] b, int at) throws IOException {
    if (at + 4 > b.length) {
      throw new IOException("truncated SPDY frame");
    }
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  private static void putInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }
}
