package dev.kubesim.impl.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.GoJson;
import java.util.Optional;

/**
 * The cluster's whole state as one JSON {@code List}, shaped as {@code kubectl get -o json} prints
 * several objects: every stored object of every kind, in (kind, namespace, name) order, each as the
 * API server would return it, written as kubectl writes JSON (keys sorted, four spaces).
 */
final class ClusterJson {
  private ClusterJson() {}

  static String dump(ApiServer api) {
    ObjectNode list = ObjectCodec.mapper().createObjectNode();
    list.put("apiVersion", "v1");
    ArrayNode items = list.putArray("items");
    for (String kind : api.store().kinds()) {
      for (KubeObject o : api.list(kind, Optional.empty())) {
        items.add(ObjectCodec.encode(o));
      }
    }
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return GoJson.indented(list, "    ");
  }
}
