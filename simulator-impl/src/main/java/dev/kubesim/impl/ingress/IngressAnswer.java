package dev.kubesim.impl.ingress;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.net.ProxyAnswer;
import java.util.Optional;

/**
 * What a client learns of nginx's handling of its request: the backend pod whose answer it got (or
 * none, when the controller answered itself) and the route in a few words for its trace's
 * disposition.
 *
 * @param exchange the controller's decision and upstream
 * @param answeredBy the upstream pod ({@code pod/NS/NAME}) whose answer was passed on
 * @param upstreamFailure why the upstream gave no answer, when it was tried and failed
 */
record IngressAnswer(IngressExchange exchange, Optional<ObjectRef> answeredBy, Optional<String> upstreamFailure)
    implements ProxyAnswer {
  @Override
  public Optional<String> backend() {
    return exchange.decision().backend().map(IngressBackendRef::toString);
  }

  @Override
  public String route() {
    IngressDecision d = exchange.decision();
    return switch (d.outcome()) {
      case REDIRECT -> "redirected to HTTPS by the ingress controller" + d.ingress().map(i -> " for Ingress " + i).orElse("");
      case APP_ROOT, RETURN -> "redirected by the ingress controller (" + d.detail().orElse("") + ")"
          + d.ingress().map(i -> " for Ingress " + i).orElse("") + " to " + d.redirectTo().orElse("-");
      case DENIED -> "location denied by the ingress controller" + d.ingress().map(i -> " for Ingress " + i).orElse("")
          + ": " + d.detail().orElse("");
      case FORBIDDEN -> "refused by the ingress controller" + d.ingress().map(i -> " for Ingress " + i).orElse("")
          + ": " + d.detail().orElse("");
      case DEFAULT_BACKEND -> "the ingress controller's default backend for host "
          + (d.host().isEmpty() ? "<none>" : d.host()) + " path " + d.path();
      case PROXY -> {
        String via = "Ingress " + d.ingress().orElse("-") + " to Service port " + backend().orElse("-");
        if (exchange.upstream().isEmpty()) {
          yield via + ", which has no ready endpoint";
        }
        yield upstreamFailure.map(f -> via + ", whose endpoint " + exchange.upstream().get().endpoint() + " failed: " + f)
            .orElse(via);
      }
    };
  }
}
