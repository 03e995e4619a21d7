package dev.kubesim.impl.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The add-on manifests shipped with the engine. */
final class Addons {
  private Addons() {}

  static String text(String name) {
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
