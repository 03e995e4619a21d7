package dev.kubesim.samples.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TraceHop.Action;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The pictures of real traces: Mermaid, DOT and SVG of a curl through a Service across nodes, a
 * refused request, a NetworkPolicy drop, an NXDOMAIN and a request through an Ingress.
 */
class TracePicturesTest {
  /** A seed whose chapter curl crosses three nodes: CoreDNS on one, the answering kubia pod on another. */
  private static final long SEED = 7;
  private static final Path GOLDEN = Path.of("src/test/resources/dev/kubesim/samples/pictures");
  private static final String REGENERATE = "mvn -B -q -pl samples -am test "
      + "-Dtest=TracePicturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dkubesim.pictures.update=true";
  /** The actions every picture keeps, one line (an arrow's label line or a note) each. */
  private static final Set<Action> MOVES = EnumSet.of(Action.SEND, Action.RECEIVE, Action.ROUTE);

  private static Cluster kubia(long seed) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).build();
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-rc.yaml");
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-svc.yaml");
    c.awaitReady(Duration.ofMinutes(2));
    return c;
  }

  /** The chapter's request: {@code kubectl exec KUBIA-POD -- curl -s http://kubia}. */
  private static Trace kubiaCurl(long seed) {
    try (Cluster c = kubia(seed)) {
      String pod = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      return c.exec(pod, "curl", "-s", "http://kubia").trace().orElseThrow();
    }
  }

  private static Trace curl(Cluster c, String url) {
    String pod = c.pod("default", "app=kubia").metadata().nameOrEmpty();
    return c.exec(pod, "curl", "-s", "-m", "3", url).trace().orElseThrow();
  }

  private static long decisions(Trace t) {
    return t.hops().stream().filter(h -> !MOVES.contains(h.action())).count();
  }

  private static List<String> lines(String text, String regex) {
    Pattern p = Pattern.compile(regex);
    return text.lines().filter(l -> p.matcher(l).find()).toList();
  }

  @Test
  void theKubiaCurlIsASequenceFromTheClientThroughTheNodesToTheServerPod() {
    Trace t = kubiaCurl(SEED);
    String m = t.toMermaid();

    assertThat(m).as("seed %d", SEED).startsWith("sequenceDiagram\n");
    List<String> participants = lines(m, "^  participant ");
    assertThat(participants.get(0)).as("the client first").contains(" as pod default/kubia-");
    assertThat(participants).anySatisfy(p -> assertThat(p).contains("netfilter/kube-proxy"))
        .anySatisfy(p -> assertThat(p).contains("as CoreDNS kube-system/coredns-"));
    assertThat(m).contains("DNAT by service/default/kubia (KUBE-SVC-", "DNAT by service/kube-system/kube-dns (KUBE-SVC-",
        "A? kubia.default.svc.cluster.local.", "\u2192 10.96.", "RESOLVE kubia \u2192 kubia.default.svc.cluster.local.");
    ObjectRef server = t.answeredBy().orElseThrow();
    assertThat(participants.get(participants.size() - 1)).as("the server pod last").endsWith(" as pod " + server.key());
    assertThat(participants.get(0)).doesNotEndWith(server.key());
    assertThat(t.nodesCrossed()).as("across nodes").hasSizeGreaterThan(1);
    assertThat(lines(m, "-x")).as("nothing dropped").isEmpty();
    assertThat(m).endsWith(": result: " + t.disposition().toString() + "\n");
  }

  @Test
  void everyDecisionOfTheTraceIsOnePictureLineAndEveryMoveOneArrow() {
    Trace t = kubiaCurl(SEED);
    String m = t.toMermaid();
    String dot = t.toDot();

    long notes = lines(m, "^  Note over p\\d+: ").size();
    long decisionsOnArrows = 0;
    for (String arrow : lines(m, "^  p\\d+(->>|-x)p\\d+: ")) {
      decisionsOnArrows += arrow.split("<br/>").length - 1;
    }
    assertThat(notes + decisionsOnArrows).as("seed %d", SEED).isEqualTo(decisions(t));
    int arrows = lines(m, "^  p\\d+(->>|-x)p\\d+: ").size();
    assertThat(lines(dot, "^  p\\d+ -> p\\d+ \\[label=")).hasSize(arrows);
    List<String> numbers = new ArrayList<>();
    for (String edge : lines(dot, "^  p\\d+ -> p\\d+ \\[label=")) {
      Matcher n = Pattern.compile("label=\"(\\d+)\\. ").matcher(edge);
      assertThat(n.find()).as(edge).isTrue();
      numbers.add(n.group(1));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= arrows; i++) {
      expected.add(String.valueOf(i));
    }
    assertThat(numbers).as("edges numbered in order").isEqualTo(expected);
    assertThat(arrows).as("a cross-node request has more than a few moves").isGreaterThan(10);
  }

  @Test
  void aRefusedRequestEndsInACrossedArrowAndANoteNamingTheService() {
    try (Cluster c = kubia(SEED)) {
      c.apply("""
          apiVersion: v1
          kind: Service
          metadata: {name: nobody}
          spec: {selector: {app: nobody}, ports: [{port: 80, targetPort: 8080}]}
          """);
      Trace t = curl(c, "http://nobody");

      assertThat(t.disposition().kind()).as("seed %d%n%s", SEED, t.render()).isEqualTo(Disposition.Kind.REFUSED);
      String m = t.toMermaid();
      assertThat(lines(m, "^  Note over p\\d+: \u274c REJECT by service/default/nobody")).hasSize(1);
      assertThat(m).contains("result: REFUSED (NO_ENDPOINTS) by service/default/nobody");
      assertValidPictures(t);
      assertThat(t.toSvg()).contains("\u2716 REJECT by service/default/nobody");
    }
  }

  @Test
  void aNetworkPolicyDropIsCrossedRedAndNamesThePolicy() {
    try (Cluster c = kubia(SEED)) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny-all}
          spec:
            podSelector: {}
            policyTypes: [Ingress]
          """);
      Trace t = curl(c, "http://kubia");

      assertThat(t.disposition().cause()).as("seed %d%n%s", SEED, t.render()).isEqualTo(Disposition.Cause.POLICY_DENIED);
      String m = t.toMermaid();
      assertThat(lines(m, "^  p\\d+-xp\\d+: ")).isNotEmpty();
      assertThat(lines(m, "^  Note over p\\d+: \u274c DROP by networkpolicy/")).isNotEmpty();
      assertThat(t.toDot()).contains("color=red");
      assertThat(t.toSvg()).contains("DROP by networkpolicy/", "#c62828");
      assertValidPictures(t);
    }
  }

  @Test
  void anNxdomainShowsTheResolverAndTheFailedResult() {
    try (Cluster c = kubia(SEED)) {
      Trace t = curl(c, "http://nonexistent");

      assertThat(t.disposition().kind()).as("seed %d%n%s", SEED, t.render()).isEqualTo(Disposition.Kind.NXDOMAIN);
      assertThat(t.toMermaid()).contains("A? nonexistent.default.svc.cluster.local.", "result: NXDOMAIN (NXDOMAIN)");
      assertValidPictures(t);
    }
  }

  @Test
  void aRequestThroughTheIngressShowsTheControllerAndItsRoute() {
    try (Cluster c = KubeSim.cluster().nodes(3).seed(SEED).addons(List.of("coredns", "ingress-nginx")).build()) {
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
          """);
      c.awaitReady(Duration.ofMinutes(2));
      String pod = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      Trace t = c.exec(pod, "curl", "-s", "-H", "Host: kubia.example.com",
          "http://ingress-nginx-controller.ingress-nginx").trace().orElseThrow();

      assertThat(t.disposition().kind()).as("seed %d%n%s", SEED, t.render()).isEqualTo(Disposition.Kind.DELIVERED);
      String m = t.toMermaid();
      assertThat(lines(m, "^  participant p\\d+ as ingress controller ingress-nginx/")).hasSize(1);
      assertThat(lines(m, "^  Note over p\\d+: PROXY by ingress/default/kubia")).isNotEmpty();
      assertValidPictures(t);
    }
  }

  @Test
  void aRequestFromOutsideThroughTheCloudLoadBalancerStartsAtTheOutsideHost() {
    try (Cluster c = kubia(SEED)) {
      c.applyResource("dev/kubesim/samples/labs/kubia/kubia-svc-loadbalancer.yaml");
      c.awaitReady(Duration.ofMinutes(2));
      String ip = c.service("default", "kubia-loadbalancer").loadBalancerIP().orElseThrow();
      Trace t = c.external().exec("curl", "-s", "http://" + ip).trace().orElseThrow();

      assertThat(t.disposition().kind()).as("seed %d%n%s", SEED, t.render()).isEqualTo(Disposition.Kind.DELIVERED);
      List<String> participants = lines(t.toMermaid(), "^  participant ");
      assertThat(participants.get(0)).as("seed %d", SEED).contains(" as outside host ");
      assertThat(participants.get(1)).contains(" as cloud load balancer");
      assertThat(participants.get(participants.size() - 1)).endsWith(" as pod " + t.answeredBy().orElseThrow().key());
      assertValidPictures(t);
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalPictures() {
    Trace a = kubiaCurl(SEED);
    Trace b = kubiaCurl(SEED);

    assertThat(b.toMermaid()).isEqualTo(a.toMermaid());
    assertThat(b.toDot()).isEqualTo(a.toDot());
    assertThat(b.toSvg()).isEqualTo(a.toSvg());
    assertThat(Trace.fromJson(a.toJson()).toSvg()).as("a trace read back draws the same").isEqualTo(a.toSvg());
  }

  @Test
  void theKubiaCurlPicturesAreTheCheckedInOnes() throws IOException {
    Trace t = kubiaCurl(SEED);
    assertValidPictures(t);
    assertGolden("kubia-curl.mmd", t.toMermaid());
    assertGolden("kubia-curl.dot", t.toDot());
    assertGolden("kubia-curl.svg", t.toSvg());
  }

  @Test
  void theMapOfTheKubiaClusterWithTheCurlOnItIsTheCheckedInOne() throws IOException {
    try (Cluster c = kubia(SEED)) {
      String pod = c.pod("default", "app=kubia").metadata().nameOrEmpty();
      Trace t = c.exec(pod, "curl", "-s", "http://kubia").trace().orElseThrow();
      String svg = c.map().toSvg(t);

      assertThat(parseXml(svg).getDocumentElement().getTagName()).isEqualTo("svg");
      assertGolden("kubia-map.svg", svg);
    }
  }

  @Test
  void theReadmeShowsTheCheckedInMermaidAndSvg() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String mermaid = Files.readString(GOLDEN.resolve("kubia-curl.mmd"), StandardCharsets.UTF_8);

    assertThat(readme).as("README.md's ```mermaid block is %s; copy it there after regenerating", GOLDEN.resolve("kubia-curl.mmd"))
        .contains("```mermaid\n" + mermaid + "```\n");
    assertThat(readme).contains("(samples/" + GOLDEN.resolve("kubia-curl.svg") + ")", "(samples/" + GOLDEN.resolve("kubia-map.svg") + ")");
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("kubesim.pictures.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(actual).as("the picture %s (seed %d) differs from the checked-in one; if the change is meant, "
        + "regenerate from the samples folder's parent with%n  %s%nand commit it", file.toAbsolutePath(), SEED, REGENERATE)
        .isEqualTo(expected);
  }

  /** The SVG parses as XML with an svg root, the DOT's braces balance and every edge's ends are declared. */
  static void assertValidPictures(Trace t) {
    Document svg = parseXml(t.toSvg());
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(t.toSvg()).doesNotContain("<script", "@import", "href=");
    assertDotIsSane(t.toDot());
    assertThat(t.toMermaid()).doesNotContain(";\n");
  }

  static Document parseXml(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  static void assertDotIsSane(String dot) {
    assertThat(dot).startsWith("digraph ").endsWith("}\n");
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < dot.length(); i++) {
      char ch = dot.charAt(i);
      if (ch == '\\' && quoted) {
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '{') {
        depth++;
      } else if (!quoted && ch == '}') {
        depth--;
        assertThat(depth).as("a closing brace without its opening one").isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(depth).as("braces balance").isZero();
    assertThat(quoted).as("quotes balance").isFalse();
    Set<String> declared = new LinkedHashSet<>();
    Matcher node = Pattern.compile("(?m)^\\s+(\\w+) \\[").matcher(dot);
    while (node.find()) {
      declared.add(node.group(1));
    }
    Matcher edge = Pattern.compile("(?m)^\\s+(\\w+) -> (\\w+) ").matcher(dot);
    int edges = 0;
    while (edge.find()) {
      edges++;
      assertThat(declared).as("the ends of edge %s -> %s are declared", edge.group(1), edge.group(2))
          .contains(edge.group(1), edge.group(2));
    }
    assertThat(edges).isPositive();
  }
}
