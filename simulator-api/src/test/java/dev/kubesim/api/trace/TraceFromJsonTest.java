package dev.kubesim.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ObjectRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A trace read from its JSON: typed fields, the summaries derived from its hops, its rendering. */
class TraceFromJsonTest {
  private static final String JSON = "{\"schema\":\"kubesim.dev/trace/v1\",\"title\":\"curl -s http://web in pod default/client\","
      + "\"startNanos\":1000000,\"hops\":["
      + "{\"atNanos\":1000000,\"node\":\"node-1\",\"netns\":\"default/client\",\"where\":\"resolver\",\"action\":\"RESOLVE\","
      + "\"object\":null,\"rule\":null,\"dns\":{\"name\":\"web\",\"fqdn\":\"web.default.svc.cluster.local.\","
      + "\"addresses\":[\"10.96.0.20\"]},\"packet\":null,\"rewritten\":null,\"reason\":\"web is web.default.svc.cluster.local.: 10.96.0.20\"},"
      + "{\"atNanos\":1050000,\"node\":\"node-1\",\"netns\":\"node-1\",\"where\":\"nat PREROUTING\",\"action\":\"DNAT\","
      + "\"object\":{\"kind\":\"service\",\"namespace\":\"default\",\"name\":\"web\"},\"rule\":\"KUBE-SVC-A / KUBE-SEP-B\","
      + "\"dns\":null,\"packet\":{\"protocol\":\"TCP\",\"source\":\"10.244.1.5\",\"sourcePort\":40000,\"destination\":\"10.96.0.20\","
      + "\"destinationPort\":80,\"flags\":\"S\",\"payload\":\"\"},\"rewritten\":{\"protocol\":\"TCP\",\"source\":\"10.244.1.5\","
      + "\"sourcePort\":40000,\"destination\":\"10.244.2.7\",\"destinationPort\":8080,\"flags\":\"S\",\"payload\":\"\"},\"reason\":\"\"},"
      + "{\"atNanos\":1150000,\"node\":\"node-2\",\"netns\":\"default/web-1\",\"where\":\"eth0\",\"action\":\"DELIVER\","
      + "\"object\":{\"kind\":\"pod\",\"namespace\":\"default\",\"name\":\"web-1\"},\"rule\":null,\"dns\":null,"
      + "\"packet\":{\"protocol\":\"TCP\",\"source\":\"10.244.1.5\",\"sourcePort\":40000,\"destination\":\"10.244.2.7\","
      + "\"destinationPort\":8080,\"flags\":\"S\",\"payload\":\"\"},\"rewritten\":null,\"reason\":\"\"}],"
      + "\"disposition\":{\"kind\":\"DELIVERED\",\"cause\":\"ANSWERED\","
      + "\"object\":{\"kind\":\"pod\",\"namespace\":\"default\",\"name\":\"web-1\"},\"reason\":\"HTTP/1.1 200 OK\"}}";

  @Test
  void theTypedFieldsReadBack() {
    Trace t = Trace.fromJson(JSON);

    assertThat(t.startedAt()).isEqualTo(Duration.ofMillis(1));
    assertThat(t.hops()).extracting(TraceHop::action)
        .containsExactly(TraceHop.Action.RESOLVE, TraceHop.Action.DNAT, TraceHop.Action.DELIVER);
    assertThat(t.hops().get(1).rule()).contains("KUBE-SVC-A / KUBE-SEP-B");
    assertThat(t.disposition()).isEqualTo(Disposition.of(Disposition.Kind.DELIVERED, Disposition.Cause.ANSWERED,
        ObjectRef.pod("default", "web-1"), "HTTP/1.1 200 OK"));
    assertThat(t.toJson()).isEqualTo(JSON);
  }

  @Test
  void theSummariesComeFromTheHops() {
    Trace t = Trace.fromJson(JSON);

    assertThat(t.resolvedNames()).containsExactly("web");
    assertThat(t.dnsAnswers()).singleElement().hasToString("web -> web.default.svc.cluster.local.: 10.96.0.20");
    assertThat(t.servicesTraversed()).containsExactly(ObjectRef.service("default", "web"));
    assertThat(t.answeredBy()).contains(ObjectRef.pod("default", "web-1"));
    assertThat(t.nodesCrossed()).containsExactly("node-1", "node-2");
  }

  @Test
  void rendersAsTextAndStringsWithoutEmptyOptionals() {
    Trace t = Trace.fromJson(JSON);

    assertThat(t.render()).isEqualTo("""
        trace: curl -s http://web in pod default/client
          TIME(ms)  NODE    NETNS           WHERE           ACTION   PACKET
             0.000  node-1  default/client  resolver        RESOLVE  (web is web.default.svc.cluster.local.: 10.96.0.20)
             0.050  node-1  node-1          nat PREROUTING  DNAT     TCP 10.244.1.5:40000 > 10.96.0.20:80 [S] => TCP 10.244.1.5:40000 > 10.244.2.7:8080 [S]
             0.150  node-2  default/web-1   eth0            DELIVER  TCP 10.244.1.5:40000 > 10.244.2.7:8080 [S]
        result: DELIVERED by pod/default/web-1: HTTP/1.1 200 OK
        """);
    assertThat(t.hops().get(1)).hasToString("1.050ms node-1 node-1 nat PREROUTING DNAT TCP 10.244.1.5:40000 > 10.96.0.20:80 [S]"
        + " => TCP 10.244.1.5:40000 > 10.244.2.7:8080 [S] [service/default/web KUBE-SVC-A / KUBE-SEP-B]");
    assertThat(t.disposition()).hasToString("DELIVERED (ANSWERED) by pod/default/web-1: HTTP/1.1 200 OK");
    assertThat(Disposition.of(Disposition.Kind.NO_ROUTE, Disposition.Cause.MALFORMED_URL, "malformed URL"))
        .hasToString("NO_ROUTE (MALFORMED_URL) by -: malformed URL");
  }
}
