package dev.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The views' and results' look-ups and their text, without a cluster. */
class ViewRecordsTest {
  private static final ServiceView WEB = new ServiceView(ObjectRef.service("shop", "web"), "NodePort", "10.96.0.20",
      List.of(new ServiceView.Port("http", "TCP", 80, "8080", 30080), new ServiceView.Port("metrics", "TCP", 9090, "metrics", 0)),
      Optional.empty(),
      List.of(new ServiceView.Endpoint("10.244.1.5", Optional.of(ObjectRef.pod("shop", "web-a")), "node-1"),
          new ServiceView.Endpoint("10.244.2.7", Optional.empty(), "")));

  @Test
  void serviceViewFindsPortsByNameAndNumber() {
    assertThat(WEB.port("metrics")).map(ServiceView.Port::targetPort).hasValue("metrics");
    assertThat(WEB.nodePort("http")).hasValue(30080);
    assertThat(WEB.nodePort(9090)).isEmpty();
    assertThat(WEB.nodePort("nope")).isEmpty();
    assertThat(WEB.readyPods()).containsExactly(ObjectRef.pod("shop", "web-a"));
    assertThat(WEB.readyAddresses()).containsExactly("10.244.1.5", "10.244.2.7");
    assertThat(WEB.hasClusterIP()).isTrue();
  }

  @Test
  void viewsAndResultsPrintWithoutOptionalNoise() {
    assertThat(WEB.toString()).isEqualTo("service shop/web (NodePort 10.96.0.20, ports [http:80:30080/TCP->8080, "
        + "metrics:9090/TCP->metrics], ready endpoints [10.244.1.5 (shop/web-a), 10.244.2.7])");
    DeploymentView d = new DeploymentView(ObjectRef.of("deployment", "shop", "web"), 2, 1, 2, 1,
        List.of(ObjectRef.pod("shop", "web-a"), ObjectRef.pod("shop", "web-b")));
    assertThat(d.toString()).isEqualTo("deployment shop/web (1/2 ready, 2 updated, 1 available, pods [web-a, web-b])");
    assertThat(d.rolledOut()).isFalse();
    Trace trace = new Trace() {
      @Override
      public String title() {
        return "test";
      }

      @Override
      public Duration startedAt() {
        return Duration.ZERO;
      }

      @Override
      public List<TraceHop> hops() {
        return List.of();
      }

      @Override
      public Disposition disposition() {
        return Disposition.of(Disposition.Kind.NO_ANSWER, Disposition.Cause.NOTHING_SENT, "nothing sent");
      }

      @Override
      public String render() {
        return "";
      }

      @Override
      public String toJson() {
        return "{}";
      }
    };
    HttpResult none = new HttpResult(Optional.empty(), Optional.empty(), 6, "Could not resolve host: web", Duration.ofMillis(3),
        trace);
    assertThat(none.toString()).isEqualTo("no response: curl (6) Could not resolve host: web after 3 ms");
    assertThat(none.status()).isZero();
    assertThat(none.body()).isEmpty();
    HttpResult ok = new HttpResult(Optional.of(HttpResponse.ok("hi\n")), Optional.of(ObjectRef.pod("shop", "web-a")), 0, "",
        Duration.ofMillis(2), trace);
    assertThat(ok.toString()).isEqualTo("HTTP/1.1 200 OK from pod/shop/web-a after 2 ms: hi\\n");
  }
}
