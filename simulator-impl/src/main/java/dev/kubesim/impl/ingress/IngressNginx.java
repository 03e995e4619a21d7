package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.http.NginxPages;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.program.ProxyingServer;
import java.util.Optional;

/**
 * ingress-nginx in a cluster, however it was installed: the add-on starts its controller with the
 * cluster, and a pod that runs the controller image (ingress-nginx applied from its own published
 * manifest, or a Helm chart's) starts it when the first such pod appears, as the process in that pod
 * would. The controller image's nginx answers through {@link #serve} once a controller exists, and
 * as an nginx without any Ingress until then.
 *
 * <p>One controller serves every controller pod of the cluster (they share one configuration).
 */
public final class IngressNginx {
  private final ApiServer api;
  private final Network network;
  private IngressController controller;
  private NetworkProxy proxy;

  /** ingress-nginx for the cluster behind {@code api}, its nginx proxying over {@code network}; nothing runs yet. */
  public IngressNginx(ApiServer api, Network network) {
    this.api = api;
    this.network = network;
  }

  /**
   * Starts the controller now if it is not running (the add-on's way: it sees its own objects
   * arrive) and returns it.
   */
  public IngressController start() {
    if (controller == null) {
      controller = IngressController.start(api);
      proxy = new NetworkProxy(controller.nginx(), network);
    }
    return controller;
  }

  /** Watches for pods of the controller image, starting the controller with the first one. */
  public void watchPods() {
    api.store().watch(Pod.KIND, e -> {
      if (controller == null && e.type() != WatchEvent.Type.DELETED
          && IngressController.controllerContainer((Pod) e.object()).isPresent()) {
        start();
      }
    });
  }

  /** The controller, once started. */
  public Optional<IngressController> controller() {
    return Optional.ofNullable(controller);
  }

  /**
   * Answers a request that reached a controller pod's nginx; while no controller runs, as an nginx
   * without any Ingress (the default server's {@code 404 Not Found}).
   *
   * @see NetworkProxy#serve
   */
  public ProxyingServer.Proxied serve(HttpRequest request, boolean tls, Optional<Session> client) {
    if (proxy == null) {
      return new ProxyingServer.Proxied(NginxPages.notFound(api.loop().clock().instant()), Optional.empty());
    }
    return proxy.serve(request, tls, client);
  }
}
