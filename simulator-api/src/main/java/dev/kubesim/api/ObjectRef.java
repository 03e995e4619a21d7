package dev.kubesim.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to one API object by kind, namespace and name, as traces, dispositions and results
 * name the objects that decided something: {@code pod/default/kubia-x7k2p}, {@code
 * service/default/kubia}, {@code node/node-2}, {@code networkpolicy/x/deny}.
 *
 * @param kind the kind in lower case, as kubectl's resource names are ({@code pod}, {@code service},
 *     {@code ingress}, {@code networkpolicy}, {@code node})
 * @param namespace the namespace, empty for a cluster-scoped object
 * @param name the object's name
 */
public record ObjectRef(String kind, String namespace, String name) {
  /**
   * Checks that no field is {@code null}; a reference without a kind or a name is refused with an
   * {@code IllegalArgumentException}.
   *
   * @param kind the kind in lower case, as kubectl's resource names are ({@code pod}, {@code
   *     service}, {@code ingress}, {@code networkpolicy}, {@code node})
   * @param namespace the namespace, empty for a cluster-scoped object
   * @param name the object's name
   */
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("an object reference needs a kind and a name: " + kind + "/" + name);
    }
    kind = kind.toLowerCase(Locale.ROOT);
  }

  /**
   * A namespaced object.
   *
   * @param kind the kind, in lower case as kubectl names it ({@code pod}, {@code service})
   * @param namespace the namespace
   * @param name the object's name
   * @return a namespaced object
   */
  public static ObjectRef of(String kind, String namespace, String name) {
    return new ObjectRef(kind, namespace, name);
  }

  /**
   * A cluster-scoped object, such as a node.
   *
   * @param kind the kind, in lower case as kubectl names it ({@code node})
   * @param name the object's name
   * @return a cluster-scoped object, such as a node
   */
  public static ObjectRef clusterScoped(String kind, String name) {
    return new ObjectRef(kind, "", name);
  }

  /**
   * A pod.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return the reference
   */
  public static ObjectRef pod(String namespace, String name) {
    return new ObjectRef("pod", namespace, name);
  }

  /**
   * A Service.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return a Service
   */
  public static ObjectRef service(String namespace, String name) {
    return new ObjectRef("service", namespace, name);
  }

  /**
   * A node.
   *
   * @param name the object's name
   * @return the reference
   */
  public static ObjectRef node(String name) {
    return clusterScoped("node", name);
  }

  /**
   * Reads the {@code kind/namespace/name} or {@code kind/name} form {@link #toString()} writes; empty
   * for {@code -} (nothing in the cluster) or anything else that is not such a reference.
   *
   * @param text the text
   * @return the reference, or empty for {@code -} or text that is not a reference
   */
  public static Optional<ObjectRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split("/", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
    }
    return switch (parts.length) {
      case 2 -> Optional.of(clusterScoped(parts[0], parts[1]));
      case 3 -> Optional.of(of(parts[0], parts[1], parts[2]));
      default -> Optional.empty();
    };
  }

  /** {@return whether the object lives in a namespace} */
  public boolean namespaced() {
    return !namespace.isEmpty();
  }

  /** {@return {@code namespace/name}, or the name of a cluster-scoped object, as kubectl writes keys} */
  public String key() {
    return namespaced() ? namespace + "/" + name : name;
  }

  /** {@return {@code kind/namespace/name}, or {@code kind/name} for a cluster-scoped object} */
  @Override
  public String toString() {
    return kind + "/" + key();
  }
}
