package dev.kubesim.impl.cluster;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The add-on manifests shipped with the engine, decoded once per JVM for each set of
 * substitutions: the objects are immutable records, so every cluster can create them from the
 * same list, and building a cluster does not parse YAML.
 */
final class Addons {
  private static final Map<List<String>, List<KubeObject>> DECODED = new ConcurrentHashMap<>();

  private Addons() {}

  /**
   * The objects of an add-on manifest with each {@code ${KEY}} replaced by its value.
   *
   * @param substitutions keys and values in turn, e.g. {@code "DNS_SERVICE_IP", "10.96.0.10"}
   */
  static List<KubeObject> objects(String name, String... substitutions) {
    List<String> key = new java.util.ArrayList<>(List.of(substitutions));
    key.add(0, name);
    return DECODED.computeIfAbsent(List.copyOf(key), k -> {
      String text = text(name);
      for (int i = 0; i + 1 < substitutions.length; i += 2) {
        text = text.replace("${" + substitutions[i] + "}", substitutions[i + 1]);
      }
      return List.copyOf(SimCluster.decodeAll(ManifestReader.read("addon " + name, text)));
    });
  }

  private static String text(String name) {
    String resource = "/dev/kubesim/impl/addons/" + name;
    try (InputStream in = Addons.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing add-on resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
