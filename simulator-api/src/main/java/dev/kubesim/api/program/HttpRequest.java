package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as it reaches a container's server.
 *
 * @param method the request method, e.g. {@code GET}
 * @param target the request target: path and query, e.g. {@code /echo?msg=hi}; for a request a test
 *     sends ({@code Cluster.http}), the absolute URL, e.g. {@code http://orders/v1/orders}
 * @param headers the header fields in the order sent (a name may repeat)
 * @param body the request body, empty for none
 * @param clientAddress the peer as the server sees it, {@code ip:port} (IPv6 as {@code [ip]:port});
 *     after SNAT this is the translated address
 * @param serverAddress the local address the connection arrived at, {@code ip:port}
 */
public record HttpRequest(
    String method,
    String target,
    List<HttpHeader> headers,
    String body,
    String clientAddress,
    String serverAddress) {
  /**
   * Checks that no field is {@code null}; the headers are copied immutable.
   *
   * @param method the request method, e.g. {@code GET}
   * @param target the request target: path and query, e.g. {@code /echo?msg=hi}; for a request a
   *     test sends ({@code Cluster.http}), the absolute URL, e.g. {@code http://orders/v1/orders}
   * @param headers the header fields in the order sent (a name may repeat)
   * @param body the request body, empty for none
   * @param clientAddress the peer as the server sees it, {@code ip:port} (IPv6 as {@code
   *     [ip]:port}); after SNAT this is the translated address
   * @param serverAddress the local address the connection arrived at, {@code ip:port}
   */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = ImmutableList.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(serverAddress, "serverAddress");
  }

  /**
   * A {@code GET} of this target with no headers, between placeholder addresses.
   *
   * @param target the request target: a path with an optional query, as the request line carries it
   * @return a {@code GET} of this target with no headers, between placeholder addresses
   */
  public static HttpRequest get(String target) {
    return new HttpRequest("GET", target, List.of(), "", "127.0.0.1:40000", "127.0.0.1:80");
  }

  /**
   * A copy with {@link #method()} replaced.
   *
   * @param value the new {@code method}
   * @return a copy of this {@code HttpRequest} with {@code method} set
   */
  public HttpRequest withMethod(String value) {
    return new HttpRequest(value, target, headers, body, clientAddress, serverAddress);
  }

  /**
   * This request with one more header at the end.
   *
   * @param name the object's name
   * @param value the new {@code header}
   * @return a copy of this {@code HttpRequest} with {@code header} replaced
   */
  public HttpRequest withHeader(String name, String value) {
    List<HttpHeader> more = new ArrayList<>(headers);
    more.add(HttpHeader.of(name, value));
    return new HttpRequest(method, target, more, body, clientAddress, serverAddress);
  }

  /**
   * A copy with {@link #body()} replaced.
   *
   * @param value the new {@code body}
   * @return a copy of this {@code HttpRequest} with {@code body} set
   */
  public HttpRequest withBody(String value) {
    return new HttpRequest(method, target, headers, value, clientAddress, serverAddress);
  }

  /**
   * A copy with {@link #clientAddress()} replaced.
   *
   * @param value the new {@code clientAddress}
   * @return a copy of this {@code HttpRequest} with {@code clientAddress} set
   */
  public HttpRequest withClientAddress(String value) {
    return new HttpRequest(method, target, headers, body, value, serverAddress);
  }

  /**
   * A copy with {@link #serverAddress()} replaced.
   *
   * @param value the new {@code serverAddress}
   * @return a copy of this {@code HttpRequest} with {@code serverAddress} set
   */
  public HttpRequest withServerAddress(String value) {
    return new HttpRequest(method, target, headers, body, clientAddress, value);
  }

  /**
   * The path part of the target, without the query.
   *
   * @return the path part of the target, without the query
   */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * The raw query after {@code ?}, empty for none.
   *
   * @return the raw query after {@code ?}, empty for none
   */
  public String query() {
    int q = target.indexOf('?');
    return q < 0 ? "" : target.substring(q + 1);
  }

  /**
   * The first value of a query parameter, percent- and {@code +}-decoded as HTML forms are (Go's
   * {@code FormValue}); a parameter given without {@code =} has the empty value.
   *
   * @param name the object's name
   * @return the first value of a query parameter, percent- and {@code +}-decoded as HTML forms are
   *     (Go's {@code FormValue})
   */
  public Optional<String> queryParameter(String name) {
    for (String pair : query().split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  /**
   * The first value of the named header, ignoring case.
   *
   * @param name the object's name
   * @return the first value of the named header, ignoring case
   */
  public Optional<String> header(String name) {
    return HttpHeaders.first(headers, name);
  }

  /**
   * The port of {@link #serverAddress}.
   *
   * @return the port of {@link #serverAddress}
   */
  public int serverPort() {
    return portOf(serverAddress);
  }

  /**
   * The IP of {@link #clientAddress}, without port or IPv6 brackets.
   *
   * @return the IP of {@link #clientAddress}, without port or IPv6 brackets
   */
  public String clientIp() {
    return hostOf(clientAddress);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape stays as sent, as lenient servers do
    }
  }

  static int portOf(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0 || colon < address.lastIndexOf(']')) {
      throw new IllegalArgumentException("not an ip:port address: \"" + address + "\"");
    }
    try {
      return Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an ip:port address: \"" + address + "\"", e);
    }
  }

  static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 || colon < address.lastIndexOf(']') ? address : address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }
}
