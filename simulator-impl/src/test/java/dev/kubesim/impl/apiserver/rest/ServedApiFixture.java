package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServeOptions;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.codec.ObjectCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A seeded cluster served on a free port, and a plain HTTP client for it. */
final class ServedApiFixture implements AutoCloseable {
  static final long SEED = 7;

  final SimCluster cluster;
  final ServedApi api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServedApiFixture() {
    this(ServeOptions.defaults());
  }

  ServedApiFixture(ServeOptions options) {
    cluster = (SimCluster) KubeSim.cluster().seed(SEED).build();
    api = cluster.serve(options);
  }

  /** The response to a request; the body is JSON (or empty). */
  record Reply(int code, String contentType, String text, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return ObjectCodec.mapper().readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null, "application/json");
  }

  Reply get(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  Reply post(String path, String json) {
    return send("POST", path, json, "application/json", "application/json");
  }

  Reply put(String path, String json) {
    return send("PUT", path, json, "application/json", "application/json");
  }

  Reply patch(String path, String contentType, String json) {
    return send("PATCH", path, json, contentType, "application/json");
  }

  Reply delete(String path, String json) {
    return send("DELETE", path, json, "application/json", "application/json");
  }

  Reply send(String method, String path, String body, String contentType, String accept) {
    return send(method, path, body, contentType, accept, java.util.Map.of());
  }

  Reply send(String method, String path, String body, String contentType, String accept, java.util.Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Lines of a streaming response, read lazily. */
  java.util.stream.Stream<String> stream(String path) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(api.url() + path)).header("Accept", "application/json").build();
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofLines()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String line) {
    try {
      return ObjectCodec.mapper().readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    cluster.close();
  }
}
