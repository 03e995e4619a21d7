package dev.kubesim.impl.apiserver.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and its answer, as the API's handlers see it: what they read of the request and
 * the two ways they answer (a whole body, or a stream written as it comes). It keeps the handlers
 * apart from the server library that carries them.
 */
interface RestExchange {
  /** {@code GET}, {@code POST}, ... */
  String method();

  /** The path as sent, still percent-encoded. */
  String rawPath();

  /** The query as sent, still percent-encoded; empty when there is none. */
  String rawQuery();

  /** A request header's first value. */
  Optional<String> header(String name);

  /** The request's body, read whole. */
  byte[] body() throws IOException;

  /**
   * Answers with a whole body ({@code Content-Length} set; none for an empty body).
   *
   * @param warnings {@code Warning} header values, one header each
   */
  void send(int code, byte[] body, String type, List<String> warnings) throws IOException;

  /**
   * Starts an answer whose body is written as it comes (chunked): each {@code flush} sends what was
   * written, closing the stream ends the answer.
   */
  OutputStream stream(int code, String type, List<String> warnings) throws IOException;
}
