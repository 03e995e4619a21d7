package dev.kubesim.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.TraceHop.Action;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The pictures of hand-made traces: long ones stay readable, and odd characters are escaped for each format. */
class TracePicturesTest {
  private static final TracePacket SYN = new TracePacket("TCP", "10.244.1.5", 40112, "10.96.1.5", 80, "S", "");
  private static final TracePacket DNATED = new TracePacket("TCP", "10.244.1.5", 40112, "10.244.2.7", 8080, "S", "");

  private static TraceHop hop(long micros, String node, String netns, String where, Action action, Optional<ObjectRef> object,
      Optional<String> rule, String reason, TracePacket packet, TracePacket rewritten) {
    return new TraceHop(Duration.ofNanos(micros * 1000), node, netns, where, action, object, rule, Optional.empty(), reason,
        Optional.ofNullable(packet), Optional.ofNullable(rewritten));
  }

  /** A client sending this many SYNs through a Service on its node to a pod on another node. */
  private static Trace syns(int packets, String title) {
    List<TraceHop> hops = new ArrayList<>();
    for (int i = 0; i < packets; i++) {
      long t = i * 1000L;
      hops.add(hop(t, "node-1", "default/client", "eth0", Action.SEND, Optional.empty(), Optional.empty(), "", SYN, null));
      hops.add(hop(t + 50, "node-1", "node-1", "nat PREROUTING", Action.DNAT, Optional.of(ObjectRef.service("default", "web")),
          Optional.of("KUBE-SVC-A / KUBE-SEP-B"), "", SYN, DNATED));
      hops.add(hop(t + 250, "node-2", "node-2", "eth0", Action.RECEIVE, Optional.empty(), Optional.empty(), "", DNATED, null));
      hops.add(hop(t + 300, "node-2", "default/web-1", "eth0", Action.DELIVER, Optional.of(ObjectRef.pod("default", "web-1")),
          Optional.empty(), "", DNATED, null));
    }
    return new RecordedTrace(title, Duration.ZERO, hops,
        Disposition.of(Disposition.Kind.DELIVERED, Disposition.Cause.ANSWERED, ObjectRef.pod("default", "web-1"), "HTTP/1.1 200 OK"));
  }

  private static int svgAttribute(String svg, String name) {
    Matcher m = Pattern.compile("<svg [^>]*" + name + "=\"(\\d+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aLongTraceGrowsDownwardsNotSideways() {
    Trace few = syns(34, "SYNs"); // 102 arrows: numbers of three digits, as below
    Trace many = syns(50, "SYNs");

    assertThat(many.hops()).hasSize(200);
    assertThat(svgAttribute(many.toSvg(), "width")).isEqualTo(svgAttribute(few.toSvg(), "width"));
    assertThat(svgAttribute(many.toSvg(), "height")).isGreaterThan(svgAttribute(few.toSvg(), "height") * 4 / 3);
    assertThat(many.toMermaid().lines().filter(l -> l.matches("  p\\d+->>p\\d+: .*"))).hasSize(150);
    assertThat(many.toDot().lines().filter(l -> l.matches("  p\\d+ -> p\\d+ \\[label=\"\\d+\\. .*"))).hasSize(150);
    assertThat(many.toSvg()).isEqualTo(syns(50, "SYNs").toSvg());
  }

  @Test
  void eachMoveIsOneArrowCarryingTheRewriteThatSentIt() {
    String m = syns(1, "one SYN").toMermaid();

    assertThat(m).isEqualTo("""
        sequenceDiagram
          title one SYN
          participant p1 as pod default/client
          participant p2 as node-1 netfilter/kube-proxy
          participant p3 as node-2 netfilter/kube-proxy
          participant p4 as pod default/web-1
          p1->>p2: 1. TCP 10.244.1.5:40112 → 10.96.1.5:80 [S]
          p2->>p3: 2. TCP 10.244.1.5:40112 → 10.244.2.7:8080 [S]<br/>DNAT by service/default/web (KUBE-SVC-A / KUBE-SEP-B)
          p3->>p4: 3. TCP 10.244.1.5:40112 → 10.244.2.7:8080 [S]
          Note over p4: DELIVER by pod/default/web-1
          Note over p1,p4: result: DELIVERED (ANSWERED) by pod/default/web-1: HTTP/1.1 200 OK
        """);
  }

  @Test
  void whatEachFormatTakesAsSyntaxIsEscaped() throws Exception {
    Trace t = syns(1, "curl -s \"http://web/a?b=<1>&c=2;d#top\" \\ done");

    String m = t.toMermaid();
    assertThat(m).contains("  title curl -s #quot;http://web/a?b=#lt;1#gt;#amp;c=2#59;d#35;top#quot; \\ done\n");
    String dot = t.toDot();
    assertThat(dot).contains("label=\"curl -s \\\"http://web/a?b=<1>&c=2;d#top\\\" \\\\ done\\nresult: ");
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(t.toSvg().getBytes(StandardCharsets.UTF_8)));
    assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(t.title());
  }
}
