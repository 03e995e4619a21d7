package dev.kubesim.impl.program.images;

import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.GoHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * agnhost's {@code porter}: the ports and answers its container's environment asks for. Variables
 * {@code SERVE_PORT_N} and {@code SERVE_TCP_PORT_N} serve HTTP on N, {@code SERVE_UDP_PORT_N}
 * answers datagrams on N, {@code SERVE_SCTP_PORT_N} answers what a client sends on an SCTP
 * association on N, {@code SERVE_TLS_PORT_N} listens on N; the value is the answer. A name
 * whose N is no port number serves nothing (its listener fails in the real program).
 */
record Porter(Map<Integer, String> http, Map<Integer, String> udp, Map<Integer, String> sctp, Map<Integer, String> tls,
    boolean json) {
  static Porter of(Launch launch) {
    Map<Integer, String> http = new LinkedHashMap<>();
    Map<Integer, String> udp = new LinkedHashMap<>();
    Map<Integer, String> sctp = new LinkedHashMap<>();
    Map<Integer, String> tls = new LinkedHashMap<>();
    for (EnvVar e : launch.container().env()) {
      String name = e.name().orElse("");
      String value = e.value().orElse("");
      put(name, "SERVE_PORT_", value, http);
      put(name, "SERVE_TCP_PORT_", value, http);
      put(name, "SERVE_UDP_PORT_", value, udp);
      put(name, "SERVE_SCTP_PORT_", value, sctp);
      put(name, "SERVE_TLS_PORT_", value, tls);
    }
    boolean json = launch.arguments().contains("--json-response") || launch.arguments().contains("--json-response=true");
    return new Porter(http, udp, sctp, tls, json);
  }

  private static void put(String name, String prefix, String value, Map<Integer, String> into) {
    if (!name.startsWith(prefix)) {
      return;
    }
    try {
      int port = Integer.parseInt(name.substring(prefix.length()));
      if (port >= 1 && port <= 65535) {
        into.put(port, value);
      }
    } catch (NumberFormatException e) {
      // "0.0.0.0:abc" does not listen: nothing served
    }
  }

  List<ListenPort> listenPorts() {
    List<ListenPort> ports = new ArrayList<>();
    http.keySet().forEach(p -> ports.add(ListenPort.tcp(p)));
    tls.keySet().forEach(p -> ports.add(ListenPort.tcp(p)));
    udp.keySet().forEach(p -> ports.add(ListenPort.udp(p)));
    sctp.keySet().forEach(p -> ports.add(new ListenPort("SCTP", p)));
    return ports;
  }

  /** Any request on an HTTP port: the value, or {@code {"Method":...,"Body":...}} with {@code --json-response}. */
  HttpResponse serveHttp(HttpRequest request, ServerContext ctx) {
    String value = http.getOrDefault(request.serverPort(), "");
    if (!json) {
      return GoHttp.response(200, value, ctx);
    }
    // the handler sets Content-Type before writing, so Go does not sniff one
    String body = "{\"Method\":" + GoHttp.jsonString(request.method()) + ",\"Body\":" + GoHttp.jsonString(value) + "}";
    return GoHttp.response(200, body, "application/json", ctx);
  }

  /** The answer to a datagram on a UDP port. */
  Optional<String> udpValue(int port) {
    return Optional.ofNullable(udp.get(port));
  }

  /** What the server writes on an SCTP association after reading the client's message. */
  Optional<String> sctpValue(int port) {
    return Optional.ofNullable(sctp.get(port));
  }
}
