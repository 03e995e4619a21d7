package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.impl.codec.KindCatalog;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents: {@code /version}, the legacy {@code /api}, {@code /api/v1}, {@code
 * /apis}, {@code /apis/GROUP} and {@code /apis/GROUP/VERSION} (metav1 {@code APIVersions}, {@code
 * APIGroupList}, {@code APIGroup}, {@code APIResourceList}), and the aggregated discovery of
 * {@code apidiscovery.k8s.io/v2} ({@code APIGroupDiscoveryList}) that kubectl asks for first.
 */
final class Discovery {
  /** The release the simulated API server stands for. */
  static final String VERSION = "v1.34.0";

  /** The media type of aggregated discovery, as clients ask for it and the server labels it. */
  static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Discovery() {}

  static ObjectNode version() {
    ObjectNode v = JSON.objectNode();
    v.put("major", "1");
    v.put("minor", "34");
    v.put("emulationMajor", "1");
    v.put("emulationMinor", "34");
    v.put("minCompatibilityMajor", "1");
    v.put("minCompatibilityMinor", "33");
    v.put("gitVersion", VERSION);
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2025-08-27T00:00:00Z");
    v.put("goVersion", "go1.24.6");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  static ObjectNode apiVersions(String serverAddress) {
    ObjectNode v = JSON.objectNode();
    v.put("kind", "APIVersions");
    v.putArray("versions").add("v1");
    ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return v;
  }

  static ObjectNode groupList(KindCatalog kinds) {
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (Map.Entry<String, String> g : ResourceCatalog.groups(kinds).entrySet()) {
      groups.add(group(kinds, g.getKey(), g.getValue()));
    }
    return list;
  }

  static ObjectNode group(KindCatalog kinds, String name, String version) {
    ObjectNode group = JSON.objectNode();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode versions = group.putArray("versions");
    for (String v : ResourceCatalog.versions(kinds, name)) {
      ObjectNode gv = versions.addObject();
      gv.put("groupVersion", name + "/" + v);
      gv.put("version", v);
    }
    ObjectNode preferred = group.putObject("preferredVersion");
    preferred.put("groupVersion", name + "/" + version);
    preferred.put("version", version);
    return group;
  }

  static ObjectNode resourceList(KindCatalog kinds, String groupVersion) {
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", groupVersion);
    ArrayNode resources = list.putArray("resources");
    for (KindInfo k : ResourceCatalog.resources(kinds, groupVersion)) {
      ObjectNode r = resources.addObject();
      r.put("name", k.resource());
      r.put("singularName", ResourceCatalog.singular(kinds, k));
      r.put("namespaced", k.namespaced());
      r.put("kind", k.kind());
      strings(r.putArray("verbs"), ResourceCatalog.verbs(k));
      if (!ResourceCatalog.shortNames(kinds, k).isEmpty()) {
        strings(r.putArray("shortNames"), ResourceCatalog.shortNames(kinds, k));
      }
      if (!ResourceCatalog.categories(kinds, k).isEmpty()) {
        strings(r.putArray("categories"), ResourceCatalog.categories(kinds, k));
      }
      if (ResourceCatalog.hasScale(kinds, k)) {
        ObjectNode s = resources.addObject();
        s.put("name", k.resource() + "/scale");
        s.put("singularName", "");
        s.put("namespaced", k.namespaced());
        s.put("group", "autoscaling");
        s.put("version", "v1");
        s.put("kind", "Scale");
        strings(s.putArray("verbs"), List.of("get", "patch", "update"));
      }
      if (ResourceCatalog.hasStatus(kinds, k)) {
        ObjectNode s = resources.addObject();
        s.put("name", k.resource() + "/status");
        s.put("singularName", "");
        s.put("namespaced", k.namespaced());
        s.put("kind", k.kind());
        strings(s.putArray("verbs"), List.of("get", "patch", "update"));
      }
    }
    return list;
  }

  /** {@code APIGroupDiscoveryList} of the core group ({@code /api}) or of the named groups ({@code /apis}). */
  static ObjectNode aggregated(KindCatalog kinds, boolean core) {
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIGroupDiscoveryList");
    list.put("apiVersion", "apidiscovery.k8s.io/v2");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    if (core) {
      items.add(groupDiscovery(kinds, "", "v1"));
    } else {
      for (Map.Entry<String, String> g : ResourceCatalog.groups(kinds).entrySet()) {
        items.add(groupDiscovery(kinds, g.getKey(), g.getValue()));
      }
    }
    return list;
  }

  private static ObjectNode groupDiscovery(KindCatalog kinds, String group, String preferred) {
    ObjectNode g = JSON.objectNode();
    g.putObject("metadata").put("name", group);
    ArrayNode versions = g.putArray("versions");
    for (String version : group.isEmpty() ? List.of(preferred) : ResourceCatalog.versions(kinds, group)) {
      versionDiscovery(kinds, versions.addObject(), group, version);
    }
    return g;
  }

  private static void versionDiscovery(KindCatalog kinds, ObjectNode v, String group, String version) {
    v.put("version", version);
    ArrayNode resources = v.putArray("resources");
    for (KindInfo k : ResourceCatalog.resources(kinds, group.isEmpty() ? version : group + "/" + version)) {
      ObjectNode r = resources.addObject();
      r.put("resource", k.resource());
      r.set("responseKind", gvk(k.group(), k.version(), k.kind()));
      r.put("scope", k.namespaced() ? "Namespaced" : "Cluster");
      r.put("singularResource", ResourceCatalog.singular(kinds, k));
      strings(r.putArray("verbs"), ResourceCatalog.verbs(k));
      if (!ResourceCatalog.shortNames(kinds, k).isEmpty()) {
        strings(r.putArray("shortNames"), ResourceCatalog.shortNames(kinds, k));
      }
      if (!ResourceCatalog.categories(kinds, k).isEmpty()) {
        strings(r.putArray("categories"), ResourceCatalog.categories(kinds, k));
      }
      if (ResourceCatalog.hasScale(kinds, k) || ResourceCatalog.hasStatus(kinds, k)) {
        ArrayNode subs = r.putArray("subresources");
        if (ResourceCatalog.hasScale(kinds, k)) {
          ObjectNode s = subs.addObject();
          s.put("subresource", "scale");
          s.set("responseKind", gvk("autoscaling", "v1", "Scale"));
          strings(s.putArray("verbs"), List.of("get", "patch", "update"));
        }
        if (ResourceCatalog.hasStatus(kinds, k)) {
          ObjectNode s = subs.addObject();
          s.put("subresource", "status");
          s.set("responseKind", gvk(k.group(), k.version(), k.kind()));
          strings(s.putArray("verbs"), List.of("get", "patch", "update"));
        }
      }
    }
    v.put("freshness", "Current");
  }

  private static ObjectNode gvk(String group, String version, String kind) {
    ObjectNode n = JSON.objectNode();
    n.put("group", group);
    n.put("version", version);
    n.put("kind", kind);
    return n;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
