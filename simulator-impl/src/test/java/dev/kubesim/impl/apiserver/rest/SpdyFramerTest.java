package dev.kubesim.impl.apiserver.rest;

import static dev.kubesim.impl.apiserver.rest.SpdyClientFrames.synStream;
import static dev.kubesim.impl.apiserver.rest.SpdyClientFrames.synStreamOfBlock;
import static dev.kubesim.impl.apiserver.rest.SpdyClientFrames.writeInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class SpdyFramerTest {
  @Test
  void theDictionaryIsTheSpdy3OneByItsLengthAndChecksum() {
    byte[] dictionary = SpdyDictionary.bytes();
    Adler32 adler = new Adler32();
    adler.update(dictionary);
    assertThat(dictionary).hasSize(1423);
    assertThat(adler.getValue()).isEqualTo(0xe3c6a7c2L);
  }

  @Test
  void aSynStreamsHeadersAreReadThroughTheSessionsZlibStream() throws IOException {
    Deflater client = new Deflater();
    client.setDictionary(SpdyDictionary.bytes());
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(synStream(client, 1, Map.of("streamtype", "error", "port", "8080", "requestid", "0")));
    wire.writeBytes(synStream(client, 3, Map.of("streamtype", "data", "port", "8080", "requestid", "0")));
    wire.writeBytes(new byte[] {0, 0, 0, 3, 1, 0, 0, 2, 'h', 'i'});
    SpdyFramer framer = new SpdyFramer(new ByteArrayInputStream(wire.toByteArray()), b -> { });

    SpdyFramer.Frame first = framer.read();
    assertThat(first.type()).isEqualTo(SpdyFramer.SYN_STREAM);
    assertThat(first.streamId()).isEqualTo(1);
    assertThat(framer.synStreamHeaders(first)).containsEntry("streamtype", "error").containsEntry("port", "8080");
    assertThat(framer.synStreamHeaders(framer.read())).containsEntry("streamtype", "data");
    SpdyFramer.Frame data = framer.read();
    assertThat(data.isData()).isTrue();
    assertThat(data.streamId()).isEqualTo(3);
    assertThat(data.fin()).isTrue();
    assertThat(new String(data.payload(), StandardCharsets.US_ASCII)).isEqualTo("hi");
    assertThatThrownBy(framer::read).isInstanceOf(EOFException.class);
  }

  @Test
  void repliesAreSpdy3ControlFramesWithHeaderBlocksAPeerInflatesWithTheDictionary() throws Exception {
    List<byte[]> sent = new ArrayList<>();
    SpdyFramer framer = new SpdyFramer(new ByteArrayInputStream(new byte[0]), sent::add);
    framer.synReply(5, false);
    framer.ping(7);
    byte[] reply = sent.get(0);
    assertThat(reply[0] & 0xff).isEqualTo(0x80);
    assertThat(reply[1]).isEqualTo((byte) 3);
    assertThat(reply[3]).isEqualTo((byte) SpdyFramer.SYN_REPLY);
    assertThat(reply[11]).isEqualTo((byte) 5);
    Inflater peer = new Inflater();
    peer.setInput(reply, 12, reply.length - 12);
    byte[] block = new byte[16];
    assertThat(peer.inflate(block)).isZero();
    assertThat(peer.needsDictionary()).isTrue();
    peer.setDictionary(SpdyDictionary.bytes());
    assertThat(peer.inflate(block)).as("a header count of 0").isEqualTo(4);
    assertThat(sent.get(1)).containsExactly(0x80, 3, 0, 6, 0, 0, 0, 4, 0, 0, 0, 7);
  }

  @Test
  void aFrameLongerThanAnyThisProtocolSendsIsRefused() {
    byte[] huge = {(byte) 0x80, 3, 0, 1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    SpdyFramer framer = new SpdyFramer(new ByteArrayInputStream(huge), b -> { });
    assertThatThrownBy(framer::read).isInstanceOf(IOException.class);
  }

  @Test
  void aSynStreamTooShortForItsHeaderBlockIsABadSessionNotARawException() throws IOException {
    byte[] shortSyn = {(byte) 0x80, 3, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1};
    SpdyFramer framer = new SpdyFramer(new ByteArrayInputStream(shortSyn), b -> { });
    SpdyFramer.Frame frame = framer.read();
    assertThatThrownBy(() -> framer.synStreamHeaders(frame)).isInstanceOf(IOException.class);
  }

  @Test
  void aHeaderNameLengthNearTheLargestIntIsATruncatedBlockNotARawException() throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    writeInt(block, 1);
    writeInt(block, 0x7ffffffc);
    Deflater client = new Deflater();
    client.setDictionary(SpdyDictionary.bytes());
    byte[] frame = synStreamOfBlock(client, 1, block.toByteArray());
    SpdyFramer framer = new SpdyFramer(new ByteArrayInputStream(frame), b -> { });
    SpdyFramer.Frame syn = framer.read();
    assertThatThrownBy(() -> framer.synStreamHeaders(syn)).isInstanceOf(IOException.class)
        .hasMessageContaining("truncated");
  }
}
