package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import java.util.Optional;

/**
 * What an L7 proxy did with a request that reached it over the network (ingress-nginx's nginx in a
 * controller pod): which upstream answered in the end, and the route, so that the client's result
 * and its trace's disposition can name the pod behind the proxy. The proxy leaves it on the
 * response it writes ({@link HttpPayload#proxied}); texts are made only when read.
 */
public interface ProxyAnswer {
  /**
   * The upstream whose answer the client got ({@code pod/NAMESPACE/NAME}); empty when the proxy
   * answered itself (a default backend's 404, a redirect, an upstream that failed).
   */
  Optional<ObjectRef> answeredBy();

  /** The backend the proxy routed to, as the proxy names it ({@code NS/SERVICE:PORT}); empty when it routed to none. */
  Optional<String> backend();

  /** The route in a few words for a disposition, e.g. {@code Ingress default/site to Service port default/web:80}. */
  String route();
}
