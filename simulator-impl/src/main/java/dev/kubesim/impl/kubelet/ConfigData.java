package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.ApiServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data of a ConfigMap or Secret as the kubelet's managers hand it over: a ConfigMap's {@code
 * data} and {@code binaryData}, a Secret's {@code data} base64-decoded (and {@code stringData} as
 * written, for objects stored as applied). A missing object is the managers' NotFound, {@code
 * configmap "name" not found} / {@code secret "name" not found}.
 */
record ConfigData(String kind, String namespace, String name, Map<String, String> values) {
  static final String CONFIG_MAP = "ConfigMap";
  static final String SECRET = "Secret";

  /** Reads a ConfigMap or Secret; empty when it does not exist. */
  static Optional<ConfigData> read(ApiServer api, String kind, String namespace, String name) {
    return api.get(kind, namespace, name)
        .filter(GenericObject.class::isInstance)
        .map(GenericObject.class::cast)
        .map(o -> new ConfigData(kind, namespace, name, values(kind, o.content())));
  }

  private static Map<String, String> values(String kind, Map<String, Object> content) {
    Map<String, String> out = new TreeMap<>();
    boolean secret = kind.equals(SECRET);
    if (content.get("data") instanceof Map<?, ?> data) {
      data.forEach((k, v) -> out.put(String.valueOf(k), secret ? decode(v) : text(v)));
    }
    if (!secret && content.get("binaryData") instanceof Map<?, ?> binary) {
      binary.forEach((k, v) -> out.put(String.valueOf(k), decode(v)));
    }
    if (secret && content.get("stringData") instanceof Map<?, ?> plain) {
      plain.forEach((k, v) -> out.put(String.valueOf(k), text(v)));
    }
    return out;
  }

  private static String text(Object v) {
    return v == null ? "" : String.valueOf(v);
  }

  private static String decode(Object v) {
    try {
      return new String(Base64.getMimeDecoder().decode(text(v)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text(v); // the API server would have refused it; keep what was written
    }
  }

  /** The managers' NotFound: {@code configmap "name" not found}. */
  static String notFound(String kind, String name) {
    return kind.toLowerCase(java.util.Locale.ROOT) + " \"" + name + "\" not found";
  }
}
