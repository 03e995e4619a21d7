package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.sim.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of the volumes whose content comes from the API ({@code pkg/volume/configmap}, {@code
 * secret}, {@code downwardapi}, {@code projected}): each plugin's {@code MakePayload}, with its
 * errors word for word ({@code configmap "x" not found}, {@code configmap references non-existent
 * config key: k}).
 */
final class VolumePayloads {
  /** {@code defaultMode} when the volume sets none: 0644. */
  static final int DEFAULT_MODE = 0644;

  private VolumePayloads() {}

  /** A volume's files, path to content, and each file's mode. */
  record Payload(Map<String, String> files, Map<String, Integer> modes) {
    static Payload empty() {
      return new Payload(new TreeMap<>(), new TreeMap<>());
    }

    void put(String path, String content, int mode) {
      files.put(path, content);
      modes.put(path, mode);
    }

    boolean executable(String path) {
      return (modes.getOrDefault(path, DEFAULT_MODE) & 0111) != 0;
    }
  }

  /**
   * What the payloads read besides the volume's spec.
   *
   * @param nowSeconds when the service account token was issued (Unix seconds)
   */
  record Context(ApiServer api, Pod pod, String podIP, String hostIP, Map<String, String> allocatable, long nowSeconds) {
    String namespace() {
      return pod.metadata().namespace().orElse("default");
    }
  }

  /** A {@code configMap} or {@code secret} volume (or projection) of an object of this kind. */
  static Payload keys(Context ctx, String kind, Map<?, ?> source, int defaultMode, Payload into) throws MountFailure {
    String name = string(source, kind.equals(ConfigData.SECRET) ? "secretName" : "name");
    if (name.isEmpty()) {
      name = string(source, "name"); // a projected secret names it "name"
    }
    boolean optional = Boolean.TRUE.equals(source.get("optional"));
    int mode = source.get("defaultMode") instanceof Number n ? n.intValue() : defaultMode;
    Optional<ConfigData> data = ConfigData.read(ctx.api(), kind, ctx.namespace(), name);
    if (data.isEmpty()) {
      if (optional) {
        return into;
      }
      throw new MountFailure(ConfigData.notFound(kind, name));
    }
    Map<String, String> values = data.get().values();
    List<?> items = source.get("items") instanceof List<?> l ? l : List.of();
    if (items.isEmpty()) {
      values.forEach((k, v) -> into.put(k, v, mode));
      return into;
    }
    for (Object o : items) {
      if (!(o instanceof Map<?, ?> item)) {
        continue;
      }
      String key = string(item, "key");
      String value = values.get(key);
      if (value == null) {
        if (optional) {
          continue;
        }
        throw new MountFailure(kind.equals(ConfigData.SECRET)
            ? "references non-existent secret key: " + key
            : "configmap references non-existent config key: " + key);
      }
      String path = string(item, "path");
      into.put(path.isEmpty() ? key : path, value, item.get("mode") instanceof Number n ? n.intValue() : mode);
    }
    return into;
  }

  /** A {@code downwardAPI} volume (or projection): each item's field of the pod or container. */
  static Payload downwardApi(Context ctx, Map<?, ?> source, int defaultMode, Payload into) {
    int mode = source.get("defaultMode") instanceof Number n ? n.intValue() : defaultMode;
    List<?> items = source.get("items") instanceof List<?> l ? l : List.of();
    for (Object o : items) {
      if (!(o instanceof Map<?, ?> item)) {
        continue;
      }
      int itemMode = item.get("mode") instanceof Number n ? n.intValue() : mode;
      String value = "";
      if (item.get("fieldRef") != null) {
        value = PodFieldRef.value(Map.of("fieldRef", item.get("fieldRef")), ctx.pod(), ctx.podIP(), ctx.hostIP()).orElse("");
      } else if (item.get("resourceFieldRef") instanceof Map<?, ?> ref) {
        Container c = container(ctx.pod(), string(ref, "containerName"));
        value = c == null ? "" : ResourceFieldRef.value(string(ref, "resource"), divisor(ref), c, ctx.allocatable()).orElse("");
      }
      into.put(string(item, "path"), value, itemMode);
    }
    return into;
  }

  /** A {@code projected} volume: its sources' files together; every failing source is reported. */
  static Payload projected(Context ctx, Map<?, ?> source) throws MountFailure {
    int mode = source.get("defaultMode") instanceof Number n ? n.intValue() : DEFAULT_MODE;
    Payload payload = Payload.empty();
    List<String> errors = new ArrayList<>();
    List<?> sources = source.get("sources") instanceof List<?> l ? l : List.of();
    for (Object o : sources) {
      if (!(o instanceof Map<?, ?> s)) {
        continue;
      }
      try {
        if (s.get("configMap") instanceof Map<?, ?> cm) {
          keys(ctx, ConfigData.CONFIG_MAP, cm, mode, payload);
        } else if (s.get("secret") instanceof Map<?, ?> secret) {
          keys(ctx, ConfigData.SECRET, secret, mode, payload);
        } else if (s.get("downwardAPI") instanceof Map<?, ?> downward) {
          downwardApi(ctx, downward, mode, payload);
        } else if (s.get("serviceAccountToken") instanceof Map<?, ?> token) {
          payload.put(string(token, "path"), token(ctx, token), mode);
        }
      } catch (MountFailure e) {
        errors.add(e.getMessage());
      }
    }
    if (errors.size() == 1) {
      throw new MountFailure(errors.get(0));
    }
    if (!errors.isEmpty()) {
      throw new MountFailure("[" + String.join(", ", errors) + "]"); // utilerrors.NewAggregate
    }
    return payload;
  }

  /**
   * A bound service account token: a JWT with the claims the API server's TokenRequest puts in it
   * (issuer, audience, subject, expiry, the pod and its node), its signature a digest of the claims
   * rather than an RSA signature.
   */
  static String token(Context ctx, Map<?, ?> source) {
    long expiration = source.get("expirationSeconds") instanceof Number n ? n.longValue() : 3600;
    String audience = string(source, "audience");
    if (audience.isEmpty()) {
      audience = "https://kubernetes.default.svc.cluster.local";
    }
    PodSpec spec = ctx.pod().specOrEmpty();
    String sa = spec.serviceAccountName().or(spec::serviceAccount).orElse("default");
    String header = "{\"alg\":\"RS256\",\"kid\":\"kubesim\"}";
    long iat = ctx.nowSeconds();
    String payload = "{\"aud\":[\"" + audience + "\"],\"exp\":" + (iat + expiration) + ",\"iat\":" + iat
        + ",\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"kubernetes.io\":{\"namespace\":\""
        + ctx.namespace() + "\",\"node\":{\"name\":\"" + spec.nodeName().orElse("") + "\"},\"pod\":{\"name\":\""
        + ctx.pod().metadata().nameOrEmpty() + "\",\"uid\":\"" + ctx.pod().metadata().uid().orElse("")
        + "\"},\"serviceaccount\":{\"name\":\"" + sa + "\"}},\"nbf\":" + iat + ",\"sub\":\"system:serviceaccount:"
        + ctx.namespace() + ":" + sa + "\"}";
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signed = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    byte[] signature = Sha256.of(signed);
    return signed + "." + url.encodeToString(signature);
  }

  private static Container container(Pod pod, String name) {
    PodSpec spec = pod.specOrEmpty();
    for (Container c : spec.containers()) {
      if (c.name().orElse("").equals(name)) {
        return c;
      }
    }
    for (Container c : spec.initContainers()) {
      if (c.name().orElse("").equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static String divisor(Map<?, ?> ref) {
    Object d = ref.get("divisor");
    return d == null ? "1" : String.valueOf(d);
  }

  static String string(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v == null ? "" : String.valueOf(v);
  }
}
