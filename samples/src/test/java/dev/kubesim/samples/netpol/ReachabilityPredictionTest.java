package dev.kubesim.samples.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.netpol.ReachabilityProbe;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reachability matrix's predicted TCP cells agree with the handshakes walked through the
 * packet path, cell for cell and word for word, in every NetworkPolicy scenario: after the
 * scenario's manifests and after each of its policy changes, on the ports the scenarios probe.
 */
class ReachabilityPredictionTest {
  private static final List<Integer> PORTS = List.of(80, 81, 53, 8080);
  private static final Pattern POD_REF = Pattern.compile("\\$\\{pod:([^/}]+)/([^}]+)}");

  static Stream<String> scenarios() {
    return Stream.of(
        "netpol/allow-from-pods-in-server-namespace-podselector.yaml",
        "netpol/allow-only-from-different-namespace-nsselector.yaml",
        "netpol/default-deny-all.yaml",
        "netpol/default-deny-ingress.yaml",
        "netpol/deny-egress-podselector.yaml",
        "netpol/egress-to-cidr-block.yaml",
        "netpol/ingress-any-port-specific-protocol.yaml",
        "netpol/ingress-one-named-port.yaml",
        "netpol/podselector-and-nsselector.yaml",
        "netpol/ports.yaml",
        "netpol/service-dns-egress.yaml",
        "netpol/service-ingress-allow-via-service.yaml",
        "netpol/stop-enforcing-after-delete.yaml",
        "netpol/updated-policy.yaml",
        "extra/netpol-selectors-and-ports.yaml");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void predictedCellsAgreeWithWalkedHandshakes(String file) throws IOException {
    JsonNode scenario;
    try (InputStream in = getClass().getResourceAsStream("/conformance/" + file)) {
      scenario = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    long seed = scenario.path("cluster").path("seed").asLong(1);
    try (SimCluster c = (SimCluster) KubeSim.cluster().seed(seed).build()) {
      c.apply(scenario.path("manifests").asText());
      compare(c, file + " after its manifests");
      int step = 0;
      for (JsonNode s : scenario.path("steps")) {
        step++;
        if (s.has("apply")) {
          c.apply(resolve(c, s.get("apply").asText()));
        } else if (s.has("delete")) {
          JsonNode d = s.get("delete");
          c.delete(d.path("kind").asText(), d.path("namespace").asText(), d.path("name").asText());
        } else {
          continue;
        }
        compare(c, file + " after step " + step);
      }
    }
  }

  private static void compare(SimCluster c, String where) {
    for (int port : PORTS) {
      ReachabilityMatrix predicted = new ReachabilityProbe(c.api(), c.network(), true).probeNamespaces(List.of(), port, "TCP");
      ReachabilityMatrix walked = new ReachabilityProbe(c.api(), c.network(), false).probeNamespaces(List.of(), port, "TCP");
      assertThat(predicted.cells()).as("%s, port %d", where, port).isEqualTo(walked.cells());
    }
  }

  /** {@code ${pod:NS/NAME}} becomes the pod's IP, as the scenario runner replaces it. */
  private static String resolve(SimCluster c, String text) {
    return POD_REF.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        c.get(Pod.class, m.group(1), m.group(2)).orElseThrow().status().orElseThrow().podIP().orElseThrow()));
  }
}
