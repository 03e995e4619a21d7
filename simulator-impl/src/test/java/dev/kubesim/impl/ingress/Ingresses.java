package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routing tables built straight from YAML, without a cluster: the pure half of the controller. */
final class Ingresses {
  private Ingresses() {}

  /**
   * The table of the Ingresses in the documents (Secrets among them are the certificates); each
   * Ingress is stamped with a creation time in document order, a second apart, so that document
   * order is age order.
   */
  static RoutingTable table(String yaml) {
    List<Ingress> ingresses = new ArrayList<>();
    Map<String, KubeObject> secrets = new LinkedHashMap<>();
    int second = 0;
    for (Document d : ManifestReader.read("test", yaml)) {
      KubeObject o = ObjectCodec.decode(d);
      String ns = o.metadata().namespace().orElse("default");
      if (o instanceof Ingress ing) {
        String created = String.format("2024-01-01T00:00:%02dZ", second++);
        ingresses.add(ing.withMetadata(ing.metadata().toBuilder().namespace(ns).creationTimestamp(created).build()));
      } else if (o instanceof GenericObject g && g.kind().equals("Secret")) {
        secrets.put(ns + "/" + g.metadata().nameOrEmpty(), g);
      }
    }
    return RoutingTableBuilder.build(ingresses, (ns, name) -> Optional.ofNullable(secrets.get(ns + "/" + name)));
  }

  /** The one Ingress of a YAML document. */
  static Ingress parse(String yaml) {
    return (Ingress) ObjectCodec.decode(ManifestReader.read("test", yaml).get(0));
  }

  /** One Ingress of class nginx with these rules (YAML of {@code spec.rules}, indented by four). */
  static String ingress(String name, String rules) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %s}
        spec:
          ingressClassName: nginx
          rules:
        %s""".formatted(name, rules);
  }
}
