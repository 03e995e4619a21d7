package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class=C]
 * [--default-backend=service:port] [--annotation=k=v]}, as kubectl's {@code create_ingress.go} builds
 * it: rules grouped by host in the order given, a path {@code Exact} unless it ends in {@code *}
 * ({@code Prefix}, the star removed), a port a number or a name, each host listed once in {@code
 * tls}, under the secret named with it (or none: the controller's default certificate).
 */
final class IngressGenerator {
  private static final Pattern RULE = Pattern.compile(
      "^[\\w*\\-.]*/[^,=\\n]*=[\\w\\-]+:[\\w\\-]+(,tls=?[\\w\\-]*)?$");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private IngressGenerator() {}

  /** The Ingress the flags describe, or kubectl's error for flags it refuses. */
  static Ingress of(ParsedArgs args, String name, String namespace) {
    List<String> rules = args.strings("rule");
    String defaultBackend = args.string("default-backend").orElse("");
    if (defaultBackend.isEmpty() && rules.isEmpty()) {
      throw KubectlException.error("not enough information provided: every ingress has to either specify a "
          + "default-backend (which catches all traffic) or a list of rules (which catch specific paths)");
    }
    for (String rule : rules) {
      if (!RULE.matcher(rule).matches()) {
        throw KubectlException.error("rule " + rule + " is invalid and should be in format "
            + "host/path=svcname:svcport[,tls[=secret]]");
      }
    }
    TreeMap<String, String> annotations = new TreeMap<>();
    for (String a : args.strings("annotation")) {
      String[] kv = a.split("=", 2);
      if (kv.length != 2) {
        throw KubectlException.error("annotation " + a + " is invalid and should be in format key=[value]");
      }
      annotations.put(kv[0], kv[1]);
    }
    if (!defaultBackend.isEmpty() && defaultBackend.split(":", -1).length != 2) {
      throw KubectlException.error("default-backend should be in format servicename:serviceport");
    }
    ObjectNode ingress = JSON.objectNode();
    ingress.put("apiVersion", "networking.k8s.io/v1").put("kind", "Ingress");
    ObjectNode meta = ingress.putObject("metadata").put("name", name).put("namespace", namespace);
    if (!annotations.isEmpty()) {
      ObjectNode a = meta.putObject("annotations");
      annotations.forEach(a::put);
    }
    ObjectNode spec = ingress.putObject("spec");
    args.string("class").filter(c -> !c.isEmpty()).ifPresent(c -> spec.put("ingressClassName", c));
    if (!defaultBackend.isEmpty()) {
      spec.set("defaultBackend", backend(defaultBackend));
    }
    ArrayNode tls = tls(rules);
    if (!tls.isEmpty()) {
      spec.set("tls", tls);
    }
    spec.set("rules", rules(rules));
    return ObjectCodec.convert(ingress, Ingress.class);
  }

  /** {@code buildTLSRules}: each host once, grouped under its secret. */
  private static ArrayNode tls(List<String> rules) {
    ArrayNode out = JSON.arrayNode();
    Set<String> seen = new HashSet<>();
    for (String rule : rules) {
      String[] parts = rule.split(",", -1);
      if (parts.length != 2) {
        continue;
      }
      String host = rule.split("/", 2)[0];
      String[] secret = parts[1].split("=", -1);
      String secretName = secret.length > 1 ? secret[1] : "";
      if (!seen.add(host)) {
        continue;
      }
      ObjectNode existing = null;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).path("secretName").asText("").equals(secretName)) {
          existing = (ObjectNode) out.get(i);
        }
      }
      if (existing != null) {
        (existing.has("hosts") ? (ArrayNode) existing.get("hosts") : existing.putArray("hosts")).add(host);
        continue;
      }
      ObjectNode entry = JSON.objectNode();
      if (!host.isEmpty()) {
        entry.putArray("hosts").add(host);
      }
      if (!secretName.isEmpty()) {
        entry.put("secretName", secretName);
      }
      if (entry.size() > 0) {
        out.add(entry);
      }
    }
    return out;
  }

  /** {@code buildIngressRules}: one rule per host, its paths in the order given. */
  private static ArrayNode rules(List<String> rules) {
    ArrayNode out = JSON.arrayNode();
    for (String rule : rules) {
      String[] hostAndRest = rule.split(",", -1)[0].split("/", 2);
      String host = hostAndRest[0];
      ObjectNode path = path(hostAndRest[1]);
      ObjectNode found = null;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).path("host").asText("").equals(host)) {
          found = (ObjectNode) out.get(i);
        }
      }
      if (found != null) {
        ((ArrayNode) found.get("http").get("paths")).add(path);
        continue;
      }
      ObjectNode r = out.addObject();
      if (!host.isEmpty()) {
        r.put("host", host);
      }
      r.putObject("http").putArray("paths").add(path);
    }
    return out;
  }

  /** {@code buildHTTPIngressPath}: {@code Exact}, or {@code Prefix} for a path ending in {@code *}. */
  private static ObjectNode path(String pathAndService) {
    String[] split = pathAndService.split("=", -1);
    String path = "/" + split[0];
    String type = "Exact";
    if (path.endsWith("*")) {
      type = "Prefix";
      path = path.substring(0, path.length() - 1);
    }
    ObjectNode p = JSON.objectNode().put("path", path).put("pathType", type);
    p.set("backend", backend(split[1]));
    return p;
  }

  /** A Service backend, its port a number when it reads as one and a name otherwise. */
  private static ObjectNode backend(String service) {
    String[] s = service.split(":", -1);
    ObjectNode port = JSON.objectNode();
    if (s[1].matches("-?\\d+")) {
      port.put("number", Integer.parseInt(s[1]));
    } else {
      port.put("name", s[1]);
    }
    ObjectNode backend = JSON.objectNode();
    backend.putObject("service").put("name", s[0]).set("port", port);
    return backend;
  }
}
