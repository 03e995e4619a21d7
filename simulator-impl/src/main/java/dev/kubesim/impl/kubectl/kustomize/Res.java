package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource while a kustomization builds: its tree, every name and namespace it has had (for
 * the references kustomize renames at the end), and whether it is generated and wants the content
 * hash suffix.
 */
final class Res {
  ObjectNode tree;
  final List<String> names = new ArrayList<>();
  final List<String> namespaces = new ArrayList<>();
  boolean generated;
  boolean needsHash;
  String behavior = "create";

  Res(ObjectNode tree) {
    this.tree = tree;
    names.add(name());
    namespaces.add(namespace());
  }

  String kind() {
    return text(tree.get("kind"));
  }

  String apiVersion() {
    return text(tree.get("apiVersion"));
  }

  String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  String version() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? v : v.substring(slash + 1);
  }

  String name() {
    return text(tree.path("metadata").get("name"));
  }

  String namespace() {
    return text(tree.path("metadata").get("namespace"));
  }

  ObjectNode metadata() {
    JsonNode m = tree.get("metadata");
    return m instanceof ObjectNode o ? o : tree.putObject("metadata");
  }

  void rename(String name) {
    metadata().put("name", name);
    names.add(name);
  }

  void setNamespace(String ns) {
    metadata().put("namespace", ns);
    namespaces.add(ns);
  }

  /** Whether the resource has had this name, now or before. */
  boolean hadName(String name) {
    return names.contains(name);
  }

  /** kustomize's GVK string: {@code Deployment.v1.apps}. */
  String gvk() {
    return (kind().isEmpty() ? "[noKind]" : kind()) + "." + (version().isEmpty() ? "[noVer]" : version()) + "."
        + (group().isEmpty() ? "[noGrp]" : group());
  }

  /** kustomize's resource id string: {@code Deployment.v1.apps/web.[noNs]}. */
  String id() {
    return gvk() + "/" + name() + "." + (namespace().isEmpty() ? "[noNs]" : namespace());
  }

  /** Whether the two resources have the same current id ({@code ""} and {@code default} the same namespace). */
  boolean sameId(Res o) {
    return kind().equals(o.kind()) && group().equals(o.group()) && version().equals(o.version())
        && name().equals(o.name()) && sameNamespace(namespace(), o.namespace());
  }

  static boolean sameNamespace(String a, String b) {
    return norm(a).equals(norm(b));
  }

  private static String norm(String ns) {
    return ns.isEmpty() ? "default" : ns;
  }

  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : "";
  }
}
