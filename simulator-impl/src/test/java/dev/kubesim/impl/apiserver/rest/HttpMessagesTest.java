package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpMessagesTest {
  private static int complete(String text) {
    return HttpMessages.completeRequest(text.getBytes(StandardCharsets.ISO_8859_1), 0);
  }

  @Test
  void aRequestEndsAfterItsHeadWithoutABody() {
    String get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    assertThat(complete(get)).isEqualTo(get.length());
    assertThat(complete(get + "GET /b HTTP/1.1\r\n")).as("the first of two").isEqualTo(get.length());
  }

  @Test
  void aRequestIsWaitedForUntilItsHeadAndItsContentLengthHaveCome() {
    assertThat(complete("GE")).isZero();
    assertThat(complete("GET / HTTP/1.1\r\nHost: x\r\n")).isZero();
    assertThat(complete("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab")).isZero();
    String post = "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde";
    assertThat(complete(post)).isEqualTo(post.length());
  }

  @Test
  void bytesThatStartNoHttpRequestAreAMessageAsTheyCome() {
    assertThat(complete("*1\r\n$4\r\nPING\r\n")).isEqualTo(14);
    assertThat(complete("hello")).isEqualTo(5);
  }

  @Test
  void aContentLengthNearTheLargestLongIsNoNegativeLength() {
    String post = "POST / HTTP/1.1\r\nContent-Length: 9223372036854775807\r\n\r\nabc";
    assertThat(complete(post)).isEqualTo(post.length());
  }

  @Test
  void aBodyLargerThanIsKeptForPassesAsPlainDataInsteadOfBeingWaitedForInMemory() {
    String post = "POST / HTTP/1.1\r\nContent-Length: " + (HttpMessages.MAX_BODY + 1) + "\r\n\r\nabc";
    assertThat(complete(post)).isEqualTo(post.length());
    String fits = "POST / HTTP/1.1\r\nContent-Length: " + HttpMessages.MAX_BODY + "\r\n\r\nabc";
    assertThat(complete(fits)).isZero();
  }
}
