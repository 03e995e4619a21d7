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

  /** {@code ns/name:port} back into its parts. */
  private static ServicePortName parse(String text, String protocol) {
    String[] nsRest = text.split("/", 2);
    String[] namePort = nsRest[1].split(":", 2);
    return new ServicePortName(nsRest[0], namePort[0], namePort.length > 1 ? namePort[1] : "", IpProtocol.parse(protocol));
  }
}
