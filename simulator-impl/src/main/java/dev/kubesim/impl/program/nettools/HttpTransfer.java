package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as curl makes it, typed: the name looked up, the connection opened, the request
 * sent and the response read, or the step that failed with curl's exit code, its error line (in the
 * wording of the image's curl) and the trace's disposition. {@code curl} renders its output from
 * this; the cluster's typed {@code http(...)} returns it as is.
 */
final class HttpTransfer {
  /** Where the transfer stopped: before the connection, or {@link HttpClient}'s outcome. */
  enum Stage {
    UNSUPPORTED_PROTOCOL,
    UNRESOLVED,
    RESOLVE_TIMEOUT,
    CONNECTION
  }

  /**
   * What one transfer did.
   *
   * @param stage where it stopped
   * @param client what the HTTP client reported, null before a connection was tried
   * @param lookup how the host resolved, null for an unsupported protocol
   * @param ip the address connected to, empty before the connection
   * @param exit curl's exit code, 0 with a response
   * @param error curl's error line (without {@code curl: (N) }), empty with a response
   * @param disposition how the trace ends
   */
  record Result(Stage stage, HttpClient.Result client, PodNetwork.Lookup lookup, String ip, int port, int exit, String error,
      Disposition disposition) {
    Optional<HttpResponse> response() {
      return client == null ? Optional.empty() : client.response();
    }

    boolean responded() {
      return exit == 0 && response().isPresent();
    }
  }

  private HttpTransfer() {}

  /**
   * Sends {@code request} to {@code url} from the pod's network.
   *
   * @param start the virtual instant the command started (its time limits count from there)
   * @param connectDeadline the instant the connection must be up by, {@code Long.MAX_VALUE} for the kernel's limit
   * @param totalDeadline the instant the whole transfer must end by
   */
  static Result run(PodNetwork pn, CurlVersion v, Url url, HttpRequest request, HttpClient.PeerVerification verification,
      long connectDeadline, long totalDeadline) {
    return run(pn, v, url, request, verification, Map.of(), connectDeadline, totalDeadline);
  }

  /**
   * As {@link #run(PodNetwork, CurlVersion, Url, HttpRequest, HttpClient.PeerVerification, long, long)},
   * with names pinned to addresses ({@code curl --resolve}: {@code host:port} to an address), which
   * are not looked up.
   */
  static Result run(PodNetwork pn, CurlVersion v, Url url, HttpRequest request, HttpClient.PeerVerification verification,
      Map<String, String> pinned, long connectDeadline, long totalDeadline) {
    String scheme = url.scheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      String msg = v.eight ? "Protocol \"" + scheme + "\" not supported"
          : v.connectionFilters ? "Protocol \"" + scheme + "\" not supported or disabled in libcurl"
          : "Protocol " + scheme + " not supported or disabled in libcurl";
      return new Result(Stage.UNSUPPORTED_PROTOCOL, null, null, "", url.port(), 1, msg,
          Disposition.of(Disposition.Kind.NO_ROUTE, Cause.UNSUPPORTED_PROTOCOL, "unsupported protocol " + scheme));
    }
    String pin = pinned.get(url.host().toLowerCase(java.util.Locale.ROOT) + ":" + url.port());
    PodNetwork.Lookup lookup = pin != null && Ip4.isValid(pin) ? PodNetwork.Lookup.local(List.of(pin), url.host())
        : pn.lookup(url.host());
    if (!lookup.found()) {
      return new Result(Stage.UNRESOLVED, null, lookup, "", url.port(), 6, "Could not resolve host: " + url.host(),
          lookup.unresolved(url.host()));
    }
    if (pn.session().now() > totalDeadline) {
      return new Result(Stage.RESOLVE_TIMEOUT, null, lookup, "", url.port(), 28,
          "Resolving timed out after " + pn.elapsedMillis() + " milliseconds",
          new Disposition(Disposition.Kind.TIMED_OUT, Cause.TIMEOUT, lookup.server(), "the name did not resolve in time"));
    }
    String ip = lookup.addresses().get(0);
    HttpClient.Result r = scheme.equals("https")
        ? HttpClient.fetchOverTls(pn.network(), pn.session(), pn.netns(), Ip4.parse(ip), url.port(), request, verification,
            connectDeadline, totalDeadline)
        : HttpClient.fetch(pn.network(), pn.session(), pn.netns(), Ip4.parse(ip), url.port(), request, connectDeadline,
            totalDeadline);
    String host = url.host();
    int port = url.port();
    return switch (r.outcome()) {
      case REFUSED, NO_ROUTE -> {
        boolean refused = r.outcome() == HttpClient.Outcome.REFUSED;
        yield failed(r, lookup, ip, port, 7, connectFailure(pn, v, host, port, refused ? "Connection refused" : "Network is unreachable"),
            refused ? Disposition.Kind.REFUSED : Disposition.Kind.NO_ROUTE, r.reason());
      }
      case KERNEL_TIMEOUT -> failed(r, lookup, ip, port, v.connectionFilters ? 28 : 7,
          connectFailure(pn, v, host, port, "Connection timed out"), Disposition.Kind.TIMED_OUT, r.reason());
      case CONNECT_TIMEOUT -> {
        boolean byMaxTime = totalDeadline <= connectDeadline;
        String msg = v.connectionFilters && !byMaxTime
            ? "Failed to connect to " + host + " port " + port + " after " + pn.elapsedMillis() + " ms: Timeout was reached"
            : "Connection timed out after " + pn.elapsedMillis() + " milliseconds";
        yield failed(r, lookup, ip, port, 28, msg, Disposition.Kind.TIMED_OUT, r.reason());
      }
      case TRANSFER_TIMEOUT -> failed(r, lookup, ip, port, 28,
          "Operation timed out after " + pn.elapsedMillis() + " milliseconds with 0 bytes received", Disposition.Kind.TIMED_OUT,
          r.reason());
      case EMPTY_REPLY -> failed(r, lookup, ip, port, 52, "Empty reply from server", Disposition.Kind.EMPTY_REPLY, r.reason());
      // curl refuses HTTP/0.9 since 7.66: bytes that are no HTTP response end the transfer (older
      // curls would print them; kubesim reports them as the empty reply they are to an HTTP client)
      case NOT_HTTP -> v.connectionFilters
          ? failed(r, lookup, ip, port, 1, "Received HTTP/0.9 when not allowed", Disposition.Kind.EMPTY_REPLY, r.reason())
          : failed(r, lookup, ip, port, 52, "Empty reply from server", Disposition.Kind.EMPTY_REPLY, r.reason());
      // a plain HTTP server on the port: the TLS handshake fails as it would against one
      case CONNECTED -> failed(r, lookup, ip, port, 35,
          v.connectionFilters ? "OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number"
              : "Unknown SSL protocol error in connection to " + host + ":" + port,
          Disposition.Kind.EMPTY_REPLY, Cause.TLS_NOT_SPOKEN, r.reason());
      // OpenSSL 3's words for a certificate whose issuer is itself (ingress-nginx's fake one, a
      // lab's own): no simulated server has a certificate a public CA signed
      case UNTRUSTED_CERTIFICATE -> failed(r, lookup, ip, port, 60, "SSL certificate problem: self-signed certificate",
          Disposition.Kind.EMPTY_REPLY, Cause.UNTRUSTED_CERTIFICATE, r.reason());
      case RESPONSE -> new Result(Stage.CONNECTION, r, lookup, ip, port, 0, "",
          new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.answeredBy(), r.summary()));
    };
  }

  private static Result failed(HttpClient.Result r, PodNetwork.Lookup lookup, String ip, int port, int exit, String error,
      Disposition.Kind kind, String reason) {
    return failed(r, lookup, ip, port, exit, error, kind, r.cause(), reason);
  }

  private static Result failed(HttpClient.Result r, PodNetwork.Lookup lookup, String ip, int port, int exit, String error,
      Disposition.Kind kind, Disposition.Cause cause, String reason) {
    return new Result(Stage.CONNECTION, r, lookup, ip, port, exit, error, new Disposition(kind, cause, r.object(), reason));
  }

  /** {@code Failed to connect to H port P ...} as the image's curl words it. */
  private static String connectFailure(PodNetwork pn, CurlVersion v, String host, int port, String errno) {
    return v.connectionFilters
        ? "Failed to connect to " + host + " port " + port + " after " + pn.elapsedMillis() + " ms: Couldn't connect to server"
        : "Failed to connect to " + host + " port " + port + ": " + errno;
  }
}
