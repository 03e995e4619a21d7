package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.model.Kinds.KindInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One request on a resource, as the API server's request info reads it from the path: {@code
 * /api/v1/namespaces/default/pods/kubia/status} is the resource {@code pods} in namespace {@code
 * default}, name {@code kubia}, subresource {@code status}; with its query and body.
 *
 * @param namespace the namespace of the path, or {@code ""} (cluster-scoped, or all namespaces)
 * @param name the object's name, or {@code ""} for the collection
 * @param subresource {@code status}, {@code scale}, ... or {@code ""}
 * @param headers a request header's value by name, or null
 */
record ApiRequest(String method, KindInfo kind, String namespace, String name, String subresource,
    Map<String, String> query, UnaryOperator<String> headers, byte[] body) {

  /** A query parameter, if given. */
  Optional<String> param(String key) {
    return Optional.ofNullable(query.get(key));
  }

  boolean flag(String key) {
    String v = query.get(key);
    return v != null && (v.equals("true") || v.equals("1"));
  }

  /** {@code dryRun=All}. */
  boolean dryRun() {
    return query.containsKey("dryRun") && !query.get("dryRun").isEmpty();
  }

  /** The Content-Type without parameters, lower-cased. */
  String contentType() {
    String ct = headers.apply("Content-Type");
    if (ct == null) {
      return "application/json";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  String accept() {
    String a = headers.apply("Accept");
    return a == null ? "" : a;
  }

  /** Whether the client asks for a {@code meta.k8s.io} Table. */
  boolean wantsTable() {
    for (String range : accept().split(",")) {
      String r = range.replace(" ", "");
      if (r.contains("as=Table") && r.contains("g=meta.k8s.io")) {
        return true;
      }
    }
    return false;
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
