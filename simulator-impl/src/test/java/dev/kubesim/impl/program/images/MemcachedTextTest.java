package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** memcached's text protocol, answered as memcached 1.6 answers it. */
class MemcachedTextTest {
  private final Map<String, MemcachedText.Item> items = new LinkedHashMap<>();
  private final MemcachedText text = new MemcachedText(items);

  private String send(String data) {
    return text.read(data, 1, 10, 1).written();
  }

  @Test
  void storedItemsAreReadBackWithTheirFlagsAndLength() {
    assertThat(send("set greeting 5 0 5\r\nhello\r\n")).isEqualTo("STORED\r\n");
    assertThat(send("get greeting missing\r\n")).isEqualTo("VALUE greeting 5 5\r\nhello\r\nEND\r\n");
    assertThat(send("add greeting 0 0 1\r\nx\r\nreplace nothing 0 0 1\r\nx\r\n")).isEqualTo("NOT_STORED\r\nNOT_STORED\r\n");
    assertThat(send("delete greeting\r\ndelete greeting\r\n")).isEqualTo("DELETED\r\nNOT_FOUND\r\n");
    assertThat(send("set quiet 0 0 1 noreply\r\nq\r\nget quiet\r\n")).isEqualTo("VALUE quiet 0 1\r\nq\r\nEND\r\n");
  }

  @Test
  void versionAndStatsDescribeTheServer() {
    assertThat(send("version\r\n")).isEqualTo("VERSION 1.6.29\r\n");
    send("set a 0 0 2\r\nab\r\n");
    assertThat(send("stats\r\n")).startsWith("STAT pid 1\r\nSTAT uptime 10\r\nSTAT version 1.6.29\r\n")
        .contains("STAT curr_items 1\r\nSTAT bytes 2\r\n").endsWith("END\r\n");
  }

  @Test
  void aBadDataBlockAndUnknownCommandsAreTheClientsErrors() {
    assertThat(send("set k 0 0 3\r\ntoolong\r\n")).isEqualTo("CLIENT_ERROR bad data chunk\r\n");
    assertThat(send("set k 0 0 x\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
    assertThat(send("GET / HTTP/1.1\r\nHost: memcached:11211\r\n\r\n")).isEqualTo("ERROR\r\nERROR\r\nERROR\r\n");
    assertThat(text.read("version\r\nquit\r\nversion\r\n", 1, 0, 1)).isEqualTo(new MemcachedText.Answer("VERSION 1.6.29\r\n", true));
  }
}
