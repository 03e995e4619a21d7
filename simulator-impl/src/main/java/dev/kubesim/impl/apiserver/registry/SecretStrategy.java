package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets as the API server stores them: a Secret without a {@code type} is {@code Opaque}, and
 * {@code stringData} is written into {@code data} (base64-encoded, over a {@code data} key of the
 * same name) and not kept, as the v1 conversion does. No further validation.
 */
public final class SecretStrategy extends Strategy<GenericObject> {
  /** The strategy. */
  public SecretStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject secret) {
    Map<String, Object> content = secret.content();
    boolean typed = content.get("type") instanceof String t && !t.isEmpty();
    boolean plain = content.get("stringData") instanceof Map<?, ?>;
    if (typed && !plain) {
      return secret;
    }
    Map<String, Object> out = new LinkedHashMap<>(content);
    if (content.get("stringData") instanceof Map<?, ?> strings) {
      Map<String, Object> data = new TreeMap<>();
      if (content.get("data") instanceof Map<?, ?> existing) {
        existing.forEach((k, v) -> data.put(String.valueOf(k), v));
      }
      strings.forEach((k, v) -> data.put(String.valueOf(k),
          Base64.getEncoder().encodeToString(String.valueOf(v == null ? "" : v).getBytes(StandardCharsets.UTF_8))));
      out.put("data", data);
      out.remove("stringData");
    }
    if (!typed) {
      out.put("type", "Opaque");
    }
    return new GenericObject(secret.apiVersion(), secret.kind(), secret.metadata(), out);
  }

  @Override
  public List<FieldError> validate(GenericObject secret) {
    return List.of();
  }
}
