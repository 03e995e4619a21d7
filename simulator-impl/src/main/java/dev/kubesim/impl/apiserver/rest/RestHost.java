package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.sim.EventLoop;
import java.util.function.Supplier;

/**
 * What the HTTP door needs of the cluster behind it: its API server and event loop, reached only
 * under the cluster's one lock. The engine is single-threaded; the server's threads each take the
 * lock for every piece of work, exactly as the cluster's public methods do.
 */
public interface RestHost {
  /**
   * Runs {@code body} under the cluster's lock.
   *
   * @throws IllegalStateException when the cluster is closed
   */
  <T> T locked(Supplier<T> body);

  /**
   * After a write, inside {@link #locked}: runs what is due at the current instant (the API
   * server's and the controllers' reactions) without letting time pass, and leaves the rest of the
   * cluster's work for the next {@link #settle()}.
   */
  void reacted();

  /**
   * Before a read, inside {@link #locked}: lets the cluster settle if a write has left work
   * pending, as every write through the cluster's own API does before it returns. The cluster's
   * own calls do this too.
   */
  void settle();

  /** The cluster's API server; use it only inside {@link #locked}. */
  ApiServer api();

  /** The cluster's event loop; use it only inside {@link #locked}. */
  EventLoop loop();

  /**
   * Sends an HTTP request from the API server's host (the first node's network, where a
   * control-plane's API server runs with the host's network) to {@code ip:port}, as the {@code
   * proxy} subresources do; takes the lock itself.
   */
  ProxyAnswer proxyHttp(String ip, int port, dev.kubesim.api.program.HttpRequest request);

  /**
   * What came back through the proxy: the response, or why there was none in Go's words ({@code
   * dial tcp 10.244.1.3:9999: connect: connection refused}).
   */
  record ProxyAnswer(java.util.Optional<dev.kubesim.api.program.HttpResponse> response, String failure) {}

  /** What the kubelets serve through {@code pods/exec}, {@code attach} and {@code log}; each call takes the lock itself. */
  KubeletStreams kubelets();
}
