package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=PORT[:TARGET]]
 * [--clusterip=IP|None] [--node-port=N] [--external-name=HOST]}, as kubectl's {@code create_service.go}
 * builds the Service: label and selector {@code app=NAME}, one TCP port per {@code --tcp} pair named
 * after it ({@code 5678:8080} → {@code 5678-8080}), the target a number or a port name.
 */
final class ServiceGenerator {
  /** The sub-commands and the Service types they make. */
  static final Map<String, String> TYPES = Map.of(
      "clusterip", "ClusterIP", "nodeport", "NodePort", "loadbalancer", "LoadBalancer", "externalname", "ExternalName");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ServiceGenerator() {}

  /** The Service the flags describe, or kubectl's error for flags it refuses. */
  static Service of(ParsedArgs args, String subcommand, String name, String namespace) {
    String type = TYPES.get(subcommand);
    String clusterIp = args.string("clusterip").orElse("");
    List<String> tcp = new ArrayList<>();
    for (String value : args.strings("tcp")) {
      for (String pair : value.split(",")) {
        if (!pair.isEmpty()) {
          tcp.add(pair);
        }
      }
    }
    String externalName = args.string("external-name").orElse("");
    if (type.equals("ExternalName") && !args.has("external-name")) {
      throw KubectlException.error("required flag(s) \"external-name\" not set");
    }
    if (clusterIp.equals("None") && !type.equals("ClusterIP")) {
      throw KubectlException.error("ClusterIP=None can only be used with ClusterIP service type");
    }
    if (!clusterIp.equals("None") && tcp.isEmpty() && !type.equals("ExternalName")) {
      throw KubectlException.error("at least one tcp port specifier must be provided");
    }
    if (type.equals("ExternalName") && !DnsNames.isDNS1123Subdomain(externalName).isEmpty()) {
      throw KubectlException.error("invalid service external name " + externalName);
    }
    ObjectNode service = JSON.objectNode();
    service.put("apiVersion", "v1").put("kind", "Service");
    ObjectNode meta = service.putObject("metadata").put("name", name).put("namespace", namespace);
    meta.putObject("labels").put("app", name);
    ObjectNode spec = service.putObject("spec");
    ArrayNode ports = spec.putArray("ports");
    int nodePort = args.integer("node-port", 0);
    for (String pair : tcp) {
      ObjectNode p = ports.addObject();
      String[] parts = pair.split(":", -1);
      p.put("name", pair.replace(":", "-"));
      p.put("port", portNumber(parts[0]));
      p.put("protocol", "TCP");
      String target = parts.length > 1 ? parts[1] : parts[0];
      if (target.matches("\\d+")) {
        p.put("targetPort", Integer.parseInt(target));
      } else {
        p.put("targetPort", target);
      }
      if (nodePort != 0) {
        p.put("nodePort", nodePort);
      }
    }
    spec.putObject("selector").put("app", name);
    spec.put("type", type);
    if (!externalName.isEmpty()) {
      spec.put("externalName", externalName);
    }
    if (!clusterIp.isEmpty()) {
      spec.put("clusterIP", clusterIp);
    }
    return ObjectCodec.convert(service, Service.class);
  }

  /** {@code ParsePort}: a number from 0 to 65535. */
  private static int portNumber(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // the same error as an out-of-range number
    }
    throw KubectlException.error("invalid port number: \"" + text + "\"");
  }
}
