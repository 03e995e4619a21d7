package dev.kubesim.impl.proxy;

import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import java.util.List;

/** A one-node cluster laid out like kube-proxy's unit tests: pods in 10.0.0.0/8, Services in 172.30.0.0/16. */
final class ProxyFixture {
  static final long SEED = 42;
  static final String NODE = "test-node";
  static final String NODE_IP = "192.168.0.2";
  static final String POD = "10.0.0.2";
  static final String EXTERNAL_CLIENT = "203.0.113.2";

  final SimCluster cluster;

  /** kube-proxy in iptables mode with its default flags. */
  ProxyFixture() {
    this(KubeProxyOptions.defaults());
  }

  ProxyFixture(KubeProxyOptions options) {
    cluster = (SimCluster) KubeSim.cluster()
        .seed(SEED)
        .nodes(List.of(new NodeConfig(NODE, List.of(NODE_IP, "192.168.1.2", "192.168.99.11"), "10.0.0.0/24")))
        .serviceCIDR("172.30.0.0/16")
        .clusterCIDR("10.0.0.0/8")
        .nodePortRange(3000, 32767)
        .kubeProxy(options)
        .addons(List.of())
        .build();
  }

  KubeProxy proxy() {
    return cluster.kubeProxy(NODE).orElseThrow();
  }

  ProxyFixture apply(String yaml) {
    cluster.apply(yaml);
    return this;
  }

  /** A TCP packet's fate on the node; from the node itself when the source is one of its addresses. */
  PacketDecision decide(String source, String destination, int port) {
    return decide(source, destination, IpProtocol.TCP, port);
  }

  PacketDecision decide(String source, String destination, IpProtocol protocol, int port) {
    int from = Ip4.parse(source);
    return proxy().decide(Packet.opening(protocol, from, 0, Ip4.parse(destination), port), proxy().isLocalAddress(from));
  }

  /**
   * A Service {@code ns/name} with port {@code p80} (80/TCP) and an EndpointSlice of these
   * endpoints, each {@code ip} or {@code ip@node}; {@code extraSpec} is added to the spec's flow
   * mapping (e.g. {@code "type: NodePort"}).
   */
  static String service(String ns, String name, String clusterIP, String extraSpec, String... endpoints) {
    StringBuilder eps = new StringBuilder();
    for (String ep : endpoints) {
      String[] ipNode = ep.split("@");
      eps.append(eps.length() == 0 ? "" : ", ").append("{addresses: [").append(ipNode[0]).append(']');
      if (ipNode.length > 1) {
        eps.append(", nodeName: ").append(ipNode[1]);
      }
      eps.append('}');
    }
    String extra = extraSpec.isEmpty() ? "" : ", " + extraSpec;
    String yaml = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %2$s, namespace: %1$s}
        spec: {clusterIP: %3$s, ports: [{name: p80, protocol: TCP, port: 80, targetPort: 80}]%4$s}
        """.formatted(ns, name, clusterIP, extra);
    if (endpoints.length > 0) {
      yaml += """
          ---
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata: {name: %2$s-1, namespace: %1$s, labels: {kubernetes.io/service-name: %2$s}}
          addressType: IPv4
          endpoints: [%3$s]
          ports: [{name: p80, protocol: TCP, port: 80}]
          """.formatted(ns, name, eps);
    }
    return yaml;
  }
}
