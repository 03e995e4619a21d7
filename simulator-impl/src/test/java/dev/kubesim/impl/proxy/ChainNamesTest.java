package dev.kubesim.impl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChainNamesTest {
  @Test
  void chainNamesMatchKubeProxyVectors() throws IOException {
    JsonNode vectors;
    try (InputStream in = ChainNamesTest.class.getResourceAsStream("/kube-proxy-chain-names.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    for (JsonNode v : vectors.get("iptablesServiceChains")) {
      String hash = ChainNames.portProtoHash(v.get("servicePortName").asText(), v.get("protocol").asText());
      assertThat(hash).as(v.get("hashInput").asText()).isEqualTo(v.get("hash").asText());
      ServicePortName spn = parse(v.get("servicePortName").asText(), v.get("protocol").asText());
      JsonNode chains = v.get("chains");
      assertThat(ChainNames.service(spn)).isEqualTo(chains.get("KUBE-SVC").asText());
      assertThat(ChainNames.local(spn)).isEqualTo(chains.get("KUBE-SVL").asText());
      assertThat(ChainNames.external(spn)).isEqualTo(chains.get("KUBE-EXT").asText());
      assertThat(ChainNames.firewall(spn)).isEqualTo(chains.get("KUBE-FW").asText());
      checked++;
    }
    for (JsonNode v : vectors.get("iptablesEndpointChains")) {
      String chain = ChainNames.endpoint(v.get("servicePortName").asText(), v.get("protocol").asText(), v.get("endpoint").asText());
      assertThat(chain).as(v.get("hashInput").asText()).isEqualTo(v.get("chains").get("KUBE-SEP").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(vectors.get("iptablesServiceChains").size() + vectors.get("iptablesEndpointChains").size())
        .isPositive();
  }

  @Test
  void nftablesNamesMatchKubeProxyVectors() throws IOException {
    JsonNode vectors;
    try (InputStream in = ChainNamesTest.class.getResourceAsStream("/kube-proxy-chain-names.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    for (JsonNode v : vectors.get("nftablesNames")) {
      ServicePortName spn = parse(v.get("servicePortName").asText(), v.get("protocol").asText());
      String name = switch (v.get("kind").asText()) {
        case "service" -> NftChainNames.SERVICE_PREFIX + NftChainNames.portBase(spn);
        case "endpoint" -> {
          String[] ipPort = v.get("endpoint").asText().split(":");
          EndpointInfo ep = new EndpointInfo(ipPort[0], Integer.parseInt(ipPort[1]), false, true, true, false);
          yield NftChainNames.ENDPOINT_PREFIX + NftChainNames.endpointBase(spn, ep);
        }
        default -> throw new AssertionError("unknown kind " + v.get("kind"));
      };
      assertThat(name).as(v.get("hashInput").asText()).isEqualTo(v.get("name").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(vectors.get("nftablesNames").size()).isPositive();
  }

  @Test
  void nftablesNamesLongerThanTheLimitAreCutWithAnEllipsis() {
    ServicePortName spn = new ServicePortName("ns", "s".repeat(250), "http", IpProtocol.TCP);
    String base = NftChainNames.portBase(spn);
    assertThat(base).hasSize(240).endsWith("...").startsWith(ChainNames.hash16("ns/" + "s".repeat(250) + "/tcp/http").substring(0, 8) + "-ns/");
  }

  /** {@code ns/name:port} back into its parts. */
  private static ServicePortName parse(String text, String protocol) {
    String[] nsRest = text.split("/", 2);
    String[] namePort = nsRest[1].split(":", 2);
    return new ServicePortName(nsRest[0], namePort[0], namePort.length > 1 ? namePort[1] : "", IpProtocol.parse(protocol));
  }
}
