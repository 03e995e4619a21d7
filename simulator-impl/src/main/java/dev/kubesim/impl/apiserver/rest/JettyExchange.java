package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.impl.codec.ObjectCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** A {@link RestExchange} carried by Jetty's core server, written with blocking streams. */
final class JettyExchange implements RestExchange {
  private final Request request;
  private final Response response;

  JettyExchange(Request request, Response response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    String path = request.getHttpURI().getPath();
    return path == null ? "/" : path;
  }

  @Override
  public String rawQuery() {
    String query = request.getHttpURI().getQuery();
    return query == null ? "" : query;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  /**
   * The request's body, read as the API server's {@code limitedReadBody} reads it: at most {@link
   * ObjectCodec#MAX_REQUEST_BYTES}, so an endless body cannot fill the heap.
   *
   * @throws KubeSimException {@code 413 RequestEntityTooLarge} for a longer body
   */
  @Override
  public byte[] body() throws IOException {
    try (var in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes((int) ObjectCodec.MAX_REQUEST_BYTES + 1);
      if (body.length > ObjectCodec.MAX_REQUEST_BYTES) {
        // read (and drop) the rest of a body that is not much larger, so that the client, still
        // sending it, gets the 413 rather than a connection closed under it; an endless body is cut
        drain(in, DRAIN_LIMIT);
        throw new KubeSimException("RequestEntityTooLarge", 413,
            "Request entity too large: limit is " + ObjectCodec.MAX_REQUEST_BYTES);
      }
      return body;
    }
  }

  /** How much of a refused body is read and dropped before answering. */
  private static final long DRAIN_LIMIT = 16L << 20;

  private static void drain(java.io.InputStream in, long limit) throws IOException {
    byte[] buf = new byte[64 << 10];
    long read = 0;
    int n;
    while (read < limit && (n = in.read(buf)) > 0) {
      read += n;
    }
  }

  @Override
  public void send(int code, byte[] body, String type, List<String> warnings) throws IOException {
    head(code, type, warnings);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      if (body.length > 0 && !method().equals("HEAD")) {
        out.write(body);
      }
    }
  }

  @Override
  public OutputStream stream(int code, String type, List<String> warnings) throws IOException {
    head(code, type, warnings);
    OutputStream out = Content.Sink.asOutputStream(response);
    out.flush(); // the headers go now: a client waits for them before the first event
    return out;
  }

  private void head(int code, String type, List<String> warnings) {
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, private");
    for (String w : warnings) {
      response.getHeaders().add(HttpHeader.WARNING, w);
    }
  }
}
