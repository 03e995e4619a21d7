package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.codec.CompactJson;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The requests that switch to WebSocket, in front of the REST handler: a pod's {@code exec}
 * upgrades to the channel protocol ({@link ExecSession}), its {@code portforward} to SPDY tunnelled
 * in WebSocket ({@link PortForwardSession}), a watch to a stream of text messages ({@link
 * WatchSocket}, made by the server, which owns the watches), once the API server's checks pass; a
 * refused request is answered with its Status, as the API server refuses it before upgrading.
 */
final class WebSocketUpgrades implements AutoCloseable {
  private static final Pattern EXEC = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/exec$");
  private static final Pattern ATTACH = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/attach$");
  private static final Pattern PORT_FORWARD = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward$");

  /** Makes the WebSocket of a watch, or refuses it; not a watch at all, it answers null. */
  interface WatchUpgrade {
    /** A {@link WatchSocket}, or null once the response says why not. */
    Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback, Executor worker);
  }

  private final RestHost host;
  private final WatchUpgrade watches;
  private final ExecutorService sessions;

  WebSocketUpgrades(RestHost host, WatchUpgrade watches) {
    this.host = host;
    this.watches = watches;
    AtomicInteger count = new AtomicInteger();
    this.sessions = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "kubesim-exec-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The WebSocket upgrades, handing every other request to {@code rest}. */
  Handler wrap(Server server, Handler rest) {
    WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
      // an exec waits as long as its command runs or its user types; kubectl pings meanwhile
      container.setIdleTimeout(Duration.ofHours(1));
      container.addMapping("regex|^/apis?/.*$", this::upgrade);
    });
    upgrades.setHandler(rest);
    return upgrades;
  }

  private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    String path = request.getHttpURI().getPath();
    Matcher exec = EXEC.matcher(path);
    if (exec.matches()) {
      return channels(request, response, callback, exec, false);
    }
    Matcher attach = ATTACH.matcher(path);
    if (attach.matches()) {
      return channels(request, response, callback, attach, true);
    }
    if (PORT_FORWARD.matcher(path).matches()) {
      return portForward(request, response, callback);
    }
    return watches.upgrade(request, response, callback, sessions);
  }

  /** {@code exec} or {@code attach}: the API server's checks, then the channel protocol ({@link ExecSession}). */
  private Object channels(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback, Matcher m,
      boolean attach) {
    String namespace = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    String query = Optional.ofNullable(request.getHttpURI().getQuery()).orElse("");
    ExecRequest checked;
    try {
      checked = attach
          ? host.locked(() -> {
            host.settle();
            return ExecRequest.attach(namespace, name, query, (ns, n) -> (Pod) host.api().getOrThrow(Pod.KIND, ns, n));
          })
          : check(namespace, name, query);
    } catch (KubeSimException e) {
      return refuse(response, callback, e);
    }
    Optional<String> protocol = protocol(request.getSubProtocols());
    if (protocol.isEmpty()) {
      return refuse(response, callback, new dev.kubesim.api.BadRequestException(
          "unable to upgrade connection: no supported WebSocket subprotocol in " + request.getSubProtocols()
              + " (this server speaks " + ExecSession.V5 + " and " + ExecSession.V4 + ")"));
    }
    response.setAcceptedSubProtocol(protocol.get());
    return new ExecSession(host.kubelets(), checked, protocol.get(), sessions);
  }

  private Object portForward(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    Matcher m = PORT_FORWARD.matcher(request.getHttpURI().getPath());
    if (!m.matches()) {
      return refuse(response, callback, new NotFoundException("the server could not find the requested resource"));
    }
    Pod pod;
    try {
      pod = checkPortForward(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8),
          URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    } catch (KubeSimException e) {
      return refuse(response, callback, e);
    }
    if (!request.getSubProtocols().contains(PortForwardSession.PROTOCOL)) {
      return refuse(response, callback, new dev.kubesim.api.BadRequestException(
          "unable to upgrade connection: port-forward speaks " + PortForwardSession.PROTOCOL + " only"));
    }
    response.setAcceptedSubProtocol(PortForwardSession.PROTOCOL);
    return new PortForwardSession(host.kubelets(), pod, sessions);
  }

  /**
   * The API server's checks of a port-forward request ({@code PortForwardLocation}): the pod exists
   * and has a node.
   *
   * @throws KubeSimException as the API server refuses it
   */
  Pod checkPortForward(String namespace, String name) {
    return host.locked(() -> {
      host.settle();
      Pod pod = (Pod) host.api().getOrThrow(Pod.KIND, namespace, name);
      if (!dev.kubesim.impl.apiserver.PodStates.isScheduled(pod)) {
        throw new dev.kubesim.api.BadRequestException("pod " + name + " does not have a host assigned");
      }
      return pod;
    });
  }

  /**
   * The API server's checks of an exec request, before any upgrade.
   *
   * @throws KubeSimException as the API server refuses it
   */
  ExecRequest check(String namespace, String name, String rawQuery) {
    return host.locked(() -> {
      host.settle();
      return ExecRequest.of(namespace, name, rawQuery, (ns, n) -> (Pod) host.api().getOrThrow(Pod.KIND, ns, n));
    });
  }

  private static Optional<String> protocol(List<String> offered) {
    for (String p : List.of(ExecSession.V5, ExecSession.V4)) {
      if (offered.contains(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Answers the upgrade request with the API's Status instead, and upgrades nothing. */
  static Object refuse(ServerUpgradeResponse response, Callback callback, KubeSimException e) {
    ObjectNode status = StatusObjects.failure(e, Optional.empty(), "");
    byte[] body = CompactJson.bytes(status);
    response.setStatus(e.code());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return null;
  }

  @Override
  public void close() {
    sessions.shutdownNow();
  }
}
