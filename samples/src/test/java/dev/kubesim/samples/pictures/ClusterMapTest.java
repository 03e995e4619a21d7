package dev.kubesim.samples.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.map.ClusterMap;
import dev.kubesim.api.map.MapStep;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The cluster as a map: what it holds, and its DOT and SVG pictures with and without a trace's way on them. */
class ClusterMapTest {
  private static final long SEED = 42;

  private static Cluster kubiaWithIngressAndPolicy() {
    Cluster c = KubeSim.cluster().nodes(3).seed(SEED).addons(List.of("coredns", "ingress-nginx")).build();
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-rc.yaml");
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-svc.yaml");
    c.apply("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: kubia}
        spec:
          ingressClassName: nginx
          rules:
          - host: kubia.example.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: kubia, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: kubia-from-anywhere}
        spec:
          podSelector: {matchLabels: {app: kubia}}
          ingress: [{}]
        """);
    c.awaitReady(Duration.ofMinutes(2));
    return c;
  }

  @Test
  void theMapHoldsTheNodesPodsServicesIngressesAndPoliciesOfTheCluster() {
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      ClusterMap map = c.map();

      assertThat(map.nodes()).extracting(ClusterMap.Node::name).as("seed %d", SEED).containsExactly("node-1", "node-2", "node-3");
      assertThat(map.nodes()).allMatch(ClusterMap.Node::ready);
      List<ClusterMap.Pod> kubias = map.pods().stream().filter(p -> p.ref().name().startsWith("kubia-")).toList();
      assertThat(kubias).hasSize(3).allMatch(p -> p.ready() && !p.ip().isEmpty() && p.node().startsWith("node-"));
      ClusterMap.Service kubia = map.services().stream().filter(s -> s.ref().equals(ObjectRef.service("default", "kubia")))
          .findFirst().orElseThrow();
      assertThat(kubia.endpoints()).containsExactlyElementsOf(kubias.stream().map(ClusterMap.Pod::ref).toList());
      assertThat(kubia.ports()).containsExactly("80/TCP");
      assertThat(kubia.clusterIP()).isEqualTo(c.service("default", "kubia").clusterIP());
      assertThat(map.ingresses()).singleElement().satisfies(i -> assertThat(i.routes()).containsExactly(
          new ClusterMap.Route("kubia.example.com", "/", ObjectRef.service("default", "kubia"), "80")));
      assertThat(map.policies()).singleElement().satisfies(p -> {
        assertThat(p.policyTypes()).containsExactly("Ingress");
        assertThat(p.selected()).containsExactlyElementsOf(kubia.endpoints());
      });
    }
  }

  @Test
  void theMapDrawsAsSaneDotAndWellFormedSvg() {
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      ClusterMap map = c.map();
      String dot = map.toDot();
      String svg = map.toSvg();

      TracePicturesTest.assertDotIsSane(dot);
      assertThat(dot).contains("subgraph cluster_1 {", "label=\"node node-1 ", "shape=ellipse", "shape=hexagon",
          "label=\"kubia.example.com/ :80\"", "style=dashed, label=\"networkpolicy default/kubia-from-anywhere");
      Document doc = TracePicturesTest.parseXml(svg);
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
      assertThat(svg).doesNotContain("<script", "href=", "@import");
      NodeList ellipses = doc.getElementsByTagName("ellipse");
      assertThat(ellipses.getLength()).as("one ellipse a Service").isEqualTo(map.services().size());
      assertThat(svg).contains(">service default/kubia<", ">ingress default/kubia<", ">networkpolicy default/kubia-from-anywhere<",
          ">node node-1  ");
      assertThat(svg).doesNotContain(ClusterMapDotColour.HIGHLIGHT);
    }
  }

  @Test
  void aTracedRequestLightsUpThePodsServicesAndNodesItCrossed() {
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      String client = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      Trace t = c.exec(client, "curl", "-s", "http://kubia").trace().orElseThrow();
      ClusterMap map = c.map();
      String svg = map.toSvg(t);
      String dot = map.toDot(t);

      TracePicturesTest.parseXml(svg);
      TracePicturesTest.assertDotIsSane(dot);
      assertThat(svg).as("seed %d", SEED).contains(ClusterMapDotColour.HIGHLIGHT, t.title());
      ObjectRef answered = t.answeredBy().orElseThrow();
      int service = map.services().stream().map(ClusterMap.Service::ref).toList().indexOf(ObjectRef.service("default", "kubia"));
      int pod = map.pods().stream().map(ClusterMap.Pod::ref).toList().indexOf(answered);
      assertThat(dot).contains("svc" + (service + 1) + " -> pod" + (pod + 1) + " [color=\"" + ClusterMapDotColour.HIGHLIGHT + "\"");
      assertThat(map.toSvg(t)).as("deterministic").isEqualTo(svg);
    }
  }

  @Test
  void aCurlsHopsArePlacedOnTheMapFromTheClientThroughCoreDnsAndTheServiceToTheAnsweringPod() {
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      String client = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      Trace t = c.exec(client, "curl", "-s", "http://kubia").trace().orElseThrow();
      ClusterMap map = c.map();
      List<MapStep> steps = map.steps(t);
      String svg = map.toSvg(t);
      ObjectRef answered = t.answeredBy().orElseThrow();
      ObjectRef kubia = ObjectRef.service("default", "kubia");
      ObjectRef kubeDns = ObjectRef.service("kube-system", "kube-dns");

      assertThat(steps).as("seed %d", SEED).hasSameSizeAs(t.hops());
      assertThat(steps.get(0).at()).containsExactly(ObjectRef.pod("default", client));
      int dnat = -1;
      for (int i = 0; i < t.hops().size(); i++) {
        TraceHop h = t.hops().get(i);
        if (h.action() == TraceHop.Action.DNAT && h.object().orElseThrow().equals(kubia) && dnat < 0) {
          dnat = i;
        }
      }
      assertThat(dnat).as("the SYN's DNAT by the kubia Service").isPositive();
      assertThat(steps.get(dnat).at()).containsExactly(ObjectRef.node(t.hops().get(dnat).netns()), kubia);
      assertThat(steps.get(dnat).edges()).containsExactly(new MapStep.Edge(kubia, answered));
      assertThat(steps).as("CoreDNS answers the lookup along the kube-dns Service's edge")
          .anySatisfy(s -> assertThat(s.edges()).anySatisfy(e -> {
            assertThat(e.from()).isEqualTo(kubeDns);
            assertThat(e.to().name()).startsWith("coredns-");
          }));
      assertThat(steps).as("the kubia pod that answered is a hop's place")
          .anySatisfy(s -> assertThat(s.at()).contains(answered));
      assertThat(steps).as("the policy selecting the kubia pods admits the SYN on its edge")
          .anySatisfy(s -> assertThat(s.edges()).contains(new MapStep.Edge(answered, map.policies().get(0).ref())));
      for (MapStep s : steps) {
        s.at().forEach(ref -> assertThat(svg).contains("data-ref=\"" + ref + "\""));
        s.edges().forEach(e -> assertThat(svg).contains("data-from=\"" + e.from() + "\" data-to=\"" + e.to() + "\""));
      }
    }
  }

  @Test
  void aRequestThroughTheIngressMovesAlongTheIngressEdgeToTheServiceOfTheEndpointNginxChose() {
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      String client = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      Trace t = c.exec(client, "curl", "-s", "-H", "Host: kubia.example.com", "http://ingress-nginx-controller.ingress-nginx")
          .trace().orElseThrow();
      ClusterMap map = c.map();
      List<MapStep> steps = map.steps(t);
      ObjectRef ingress = map.ingresses().get(0).ref();
      int proxy = -1;
      for (int i = 0; i < t.hops().size(); i++) {
        if (t.hops().get(i).action() == TraceHop.Action.PROXY) {
          proxy = i;
        }
      }

      assertThat(proxy).as("seed %d%n%s", SEED, t.render()).isPositive();
      assertThat(steps.get(proxy).at()).hasSize(2).last().isEqualTo(ingress);
      assertThat(steps.get(proxy).at().get(0).namespace()).isEqualTo("ingress-nginx");
      assertThat(steps.get(proxy).edges()).containsExactly(new MapStep.Edge(ingress, ObjectRef.service("default", "kubia")));
    }
  }

  @Test
  void theSameSeedGivesTheSameMapPictures() {
    String first;
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      first = c.map().toSvg() + c.map().toDot();
    }
    try (Cluster c = kubiaWithIngressAndPolicy()) {
      assertThat(c.map().toSvg() + c.map().toDot()).isEqualTo(first);
    }
  }

  /** The highlight colour, as the pictures write it. */
  private static final class ClusterMapDotColour {
    static final String HIGHLIGHT = "#e65100";
  }
}
