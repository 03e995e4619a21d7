package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kubeconfig kubectl reads ({@code ~/.kube/config}): one cluster and one user for the simulated
 * cluster, its contexts, and the current one, whose namespace is where a command without {@code -n}
 * works ({@code kubectl config set-context --current --namespace=x}). One per kubectl, so a change
 * lasts for the later commands, as a change to the file does.
 */
final class Kubeconfig {
  /** The name of the cluster, the user and the first context. */
  static final String NAME = "kubesim";
  /** Where kubectl says the file is. */
  static final String PATH = "/root/.kube/config";

  /** A context: the cluster and user it joins, and its namespace (empty for {@code default}). */
  record Context(String cluster, String user, String namespace) {}

  private final String server;
  /** Contexts by name, in name order as kubectl lists them. */
  private final Map<String, Context> contexts = new TreeMap<>();
  private String current = NAME;

  Kubeconfig(String server) {
    this.server = server;
    contexts.put(NAME, new Context(NAME, NAME, ""));
  }

  /** The current context's name, empty when none is set. */
  Optional<String> currentName() {
    return current.isEmpty() ? Optional.empty() : Optional.of(current);
  }

  /** The current context, when it is set and exists. */
  Optional<Context> current() {
    return Optional.ofNullable(contexts.get(current));
  }

  /** Whether the current context reaches the simulated cluster: it exists and names its cluster. */
  boolean reachesCluster() {
    return current().filter(c -> c.cluster().equals(NAME)).isPresent();
  }

  /** The namespace a command works in without {@code -n}: the current context's, else {@code default}. */
  String namespace() {
    return current().map(Context::namespace).filter(n -> !n.isEmpty()).orElse("default");
  }

  Map<String, Context> contexts() {
    return contexts;
  }

  void put(String name, Context context) {
    contexts.put(name, context);
  }

  void remove(String name) {
    contexts.remove(name);
  }

  void use(String name) {
    current = name;
  }

  /**
   * The file as {@code kubectl config view} prints it: keys in order, the credentials' data
   * omitted; with {@code minify}, only what the current context uses.
   */
  JsonNode view(boolean minify) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("apiVersion", "v1");
    Map<String, Context> shown = new LinkedHashMap<>();
    if (minify) {
      current().ifPresent(c -> shown.put(current, c));
    } else {
      shown.putAll(contexts);
    }
    boolean ownCluster = !minify || shown.values().stream().anyMatch(c -> c.cluster().equals(NAME));
    boolean ownUser = !minify || shown.values().stream().anyMatch(c -> c.user().equals(NAME));
    ArrayNode clusters = root.putArray("clusters");
    if (ownCluster) {
      ObjectNode entry = clusters.addObject();
      ObjectNode cluster = entry.putObject("cluster");
      cluster.put("certificate-authority-data", "DATA+OMITTED");
      cluster.put("server", server);
      entry.put("name", NAME);
    }
    ArrayNode list = root.putArray("contexts");
    shown.forEach((name, c) -> {
      ObjectNode entry = list.addObject();
      ObjectNode context = entry.putObject("context");
      context.put("cluster", c.cluster());
      if (!c.namespace().isEmpty()) {
        context.put("namespace", c.namespace());
      }
      context.put("user", c.user());
      entry.put("name", name);
    });
    root.put("current-context", current);
    root.put("kind", "Config");
    root.putObject("preferences");
    ArrayNode users = root.putArray("users");
    if (ownUser) {
      ObjectNode entry = users.addObject();
      entry.put("name", NAME);
      ObjectNode user = entry.putObject("user");
      user.put("client-certificate-data", "DATA+OMITTED");
      user.put("client-key-data", "DATA+OMITTED");
    }
    if (clusters.isEmpty()) {
      root.putNull("clusters");
    }
    if (list.isEmpty()) {
      root.putNull("contexts");
    }
    if (users.isEmpty()) {
      root.putNull("users");
    }
    return root;
  }
}
