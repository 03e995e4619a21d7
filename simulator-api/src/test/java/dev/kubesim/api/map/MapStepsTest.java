package dev.kubesim.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.api.trace.TracePacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A trace's hops placed on a hand-made map, and the attributes of the map's SVG a viewer finds them by. */
class MapStepsTest {
  private static final ObjectRef CLIENT = ObjectRef.pod("default", "client");
  private static final ObjectRef WEB_1 = ObjectRef.pod("default", "web-1");
  private static final ObjectRef WEB_2 = ObjectRef.pod("default", "web-2");
  private static final ObjectRef NGINX = ObjectRef.pod("ingress-nginx", "controller");
  private static final ObjectRef WEB = ObjectRef.service("default", "web");
  private static final ObjectRef INGRESS = ObjectRef.of("ingress", "default", "web");
  private static final ObjectRef POLICY = ObjectRef.of("networkpolicy", "default", "web-in");
  private static final ObjectRef NODE_1 = ObjectRef.node("node-1");
  private static final ObjectRef NODE_2 = ObjectRef.node("node-2");

  private static final TracePacket SYN = new TracePacket("TCP", "10.244.1.5", 40112, "10.96.1.5", 80, "S", "");
  private static final TracePacket DNATED = new TracePacket("TCP", "10.244.1.5", 40112, "10.244.2.7", 8080, "S", "");
  private static final TracePacket SYN_ACK = new TracePacket("TCP", "10.244.2.7", 8080, "10.244.1.5", 40112, "S.", "");
  private static final TracePacket UNDNATED = new TracePacket("TCP", "10.96.1.5", 80, "10.244.1.5", 40112, "S.", "");

  private static ClusterMap map() {
    return new ClusterMap(
        List.of(new ClusterMap.Node("node-1", "192.168.49.2", true), new ClusterMap.Node("node-2", "192.168.49.3", true)),
        List.of(new ClusterMap.Pod(CLIENT, "node-1", "10.244.1.5", true), new ClusterMap.Pod(WEB_1, "node-2", "10.244.2.7", true),
            new ClusterMap.Pod(WEB_2, "node-1", "10.244.1.8", true), new ClusterMap.Pod(NGINX, "node-1", "10.244.1.9", true)),
        List.of(new ClusterMap.Service(WEB, "ClusterIP", "10.96.1.5", List.of("80/TCP"), List.of(WEB_1, WEB_2))),
        List.of(new ClusterMap.Ingress(INGRESS, List.of(new ClusterMap.Route("web.example.com", "/", WEB, "80")))),
        List.of(new ClusterMap.Policy(POLICY, List.of("Ingress"), List.of(WEB_1, WEB_2))));
  }

  private static TraceHop hop(String node, String netns, String where, Action action, ObjectRef object, String rule,
      TracePacket packet, TracePacket rewritten) {
    return new TraceHop(Duration.ZERO, node, netns, where, action, Optional.ofNullable(object), Optional.ofNullable(rule),
        Optional.empty(), "", Optional.ofNullable(packet), Optional.ofNullable(rewritten));
  }

  private static Trace trace(List<TraceHop> hops) {
    return new Trace() {
      @Override
      public String title() {
        return "curl -s http://web from pod default/client";
      }

      @Override
      public Duration startedAt() {
        return Duration.ZERO;
      }

      @Override
      public List<TraceHop> hops() {
        return hops;
      }

      @Override
      public Disposition disposition() {
        return Disposition.of(Disposition.Kind.DELIVERED, Disposition.Cause.ANSWERED, WEB_1, "HTTP/1.1 200 OK");
      }
    };
  }

  /** A SYN from the client through the Service on node-1 to web-1 on node-2, admitted by a policy, and the SYN-ACK back. */
  private static Trace synThroughTheService() {
    List<TraceHop> hops = new ArrayList<>();
    hops.add(hop("node-1", "default/client", "eth0", Action.SEND, null, null, SYN, null));
    hops.add(hop("node-1", "node-1", "nat PREROUTING", Action.DNAT, WEB, "KUBE-SVC-A / KUBE-SEP-B", SYN, DNATED));
    hops.add(hop("node-2", "node-2", "eth0", Action.RECEIVE, null, null, DNATED, null));
    hops.add(hop("node-2", "node-2", "filter FORWARD", Action.ACCEPT, POLICY, "ingress[0]", DNATED, null));
    hops.add(hop("node-2", "default/web-1", "eth0", Action.DELIVER, WEB_1, null, DNATED, null));
    hops.add(hop("node-2", "default/web-1", "eth0", Action.SEND, null, null, SYN_ACK, null));
    hops.add(hop("node-1", "node-1", "nat POSTROUTING", Action.UNDNAT, null, null, SYN_ACK, UNDNATED));
    hops.add(hop("node-1", "default/client", "eth0", Action.DELIVER, CLIENT, null, UNDNATED, null));
    return trace(hops);
  }

  @Test
  void eachHopIsAtItsPodOrItsNodeAndTheObjectBehindIt() {
    List<MapStep> steps = map().steps(synThroughTheService());

    assertThat(steps).extracting(MapStep::at).containsExactly(
        List.of(CLIENT),
        List.of(NODE_1, WEB),
        List.of(NODE_2),
        List.of(NODE_2, POLICY),
        List.of(WEB_1),
        List.of(WEB_1),
        List.of(NODE_1),
        List.of(CLIENT));
  }

  @Test
  void theConnectionMovesAlongTheServiceEdgeToTheEndpointItWasDnatedToBothWays() {
    List<MapStep> steps = map().steps(synThroughTheService());
    MapStep.Edge toWeb1 = new MapStep.Edge(WEB, WEB_1);

    assertThat(steps.get(0).edges()).as("before the DNAT the packet is on no edge").isEmpty();
    assertThat(steps.get(1).edges()).containsExactly(toWeb1);
    assertThat(steps.get(2).edges()).containsExactly(toWeb1);
    assertThat(steps.get(3).edges()).containsExactly(toWeb1, new MapStep.Edge(WEB_1, POLICY));
    assertThat(steps.get(5).edges()).as("the reply, from the endpoint's address").containsExactly(toWeb1);
    assertThat(steps.get(6).edges()).containsExactly(toWeb1);
  }

  @Test
  void theIngressDecisionMovesAlongTheEdgeToTheServiceOfTheEndpointItProxiedTo() {
    TracePacket upstream = new TracePacket("TCP", "10.244.1.9", 51000, "10.244.1.8", 8080, "S", "");
    List<MapStep> steps = map().steps(trace(List.of(
        hop("-", "external/203.0.113.2", "eth0", Action.SEND, null, null,
            new TracePacket("TCP", "203.0.113.2", 44973, "192.168.49.2", 80, "P.", "GET /"), null),
        hop("node-1", "ingress-nginx/controller", "ingress-nginx", Action.PROXY, INGRESS, "spec.rules[0]", null, null),
        hop("node-1", "ingress-nginx/controller", "eth0", Action.SEND, null, null, upstream, null))));

    assertThat(steps.get(0).at()).as("a host outside the cluster is not on the map").isEmpty();
    assertThat(steps.get(1).at()).containsExactly(NGINX, INGRESS);
    assertThat(steps.get(1).edges()).containsExactly(new MapStep.Edge(INGRESS, WEB));
    assertThat(steps.get(2).at()).containsExactly(NGINX);
    assertThat(steps.get(2).edges()).as("nginx dials the endpoint itself, past the Service's rules").isEmpty();
  }

  @Test
  void everyShapeAndEdgeAStepNamesIsInTheSvgByItsDataAttributes() {
    ClusterMap map = map();
    String svg = map.toSvg(synThroughTheService());

    for (MapStep step : map.steps(synThroughTheService())) {
      for (ObjectRef ref : step.at()) {
        assertThat(count(svg, "data-ref=\"" + ref + "\"")).as(ref.toString()).isEqualTo(1);
      }
      for (MapStep.Edge e : step.edges()) {
        String attrs = "data-from=\"" + e.from() + "\" data-to=\"" + e.to() + "\"";
        boolean dashed = e.to().kind().equals("networkpolicy");
        assertThat(count(svg, attrs)).as("the line %s a head", dashed ? "without" : "and").isEqualTo(dashed ? 1 : 2);
      }
    }
    assertThat(svg).contains("<ellipse cx=", "data-ref=\"service/default/web\" style=\"fill:#e3f2fd;",
        "<rect x=", "data-ref=\"node/node-2\" style=\"fill:#f5f5f5;", "data-ref=\"ingress/default/web\"",
        "data-ref=\"pod/ingress-nginx/controller\"", "data-from=\"ingress/default/web\" data-to=\"service/default/web\"");
    assertThat(count(svg, "data-ref=")).as("one a node, pod, Service, Ingress and policy").isEqualTo(2 + 4 + 1 + 1 + 1);
    assertThat(map.toSvg(synThroughTheService())).as("deterministic").isEqualTo(svg);
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
