package dev.kubesim.impl.net;

import com.google.common.hash.Hashing;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.trace.HopSubject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A network namespace: a node's own (shared with its {@code hostNetwork} pods), a pod's (eth0 with
 * the pod IP, the other end of its veth on the node's bridge), or an outside host's. It has a
 * primary address, its sockets, and names for traces.
 */
public final class Netns implements HopSubject {
  /** Whose namespace it is. */
  public enum Kind {
    NODE,
    POD,
    EXTERNAL
  }

  private final Kind kind;
  private final String name;
  private final NodeHost node;
  private final int address;
  private ObjectRef object;
  private Sockets sockets;
  private String veth;

  Netns(Kind kind, String name, NodeHost node, int address, ObjectRef object, Sockets sockets) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
    this.node = node;
    this.address = address;
    this.object = object; // null: made from the name when asked (a pod's), to keep 150,000 pods light
    this.sockets = Objects.requireNonNull(sockets, "sockets");
  }

  public Kind kind() {
    return kind;
  }

  /** {@code node-1}, {@code default/kubia-x7k2p}, {@code external/203.0.113.10}. */
  public String name() {
    return name;
  }

  /** The node the namespace lives on; null outside the cluster. */
  public NodeHost node() {
    return node;
  }

  /** The node's name, {@code -} outside the cluster. */
  public String nodeName() {
    return node == null ? "-" : node.name();
  }

  /** The primary address (a pod's IP, a node's InternalIP). */
  public int address() {
    return address;
  }

  public String addressText() {
    return Ip4.format(address);
  }

  /** {@code pod/NAMESPACE/NAME}, {@code node/NAME} or {@code host/IP}. */
  public ObjectRef object() {
    if (object == null) {
      int slash = name.indexOf('/');
      object = ObjectRef.pod(name.substring(0, slash), name.substring(slash + 1));
    }
    return object;
  }

  /** The namespace's owner: the pod, node or outside host a packet delivered here reached. */
  @Override
  public Optional<ObjectRef> hopObject() {
    return Optional.of(object());
  }

  public Sockets sockets() {
    return sockets;
  }

  void sockets(Sockets value) {
    sockets = Objects.requireNonNull(value, "sockets");
  }

  /**
   * The host side of a pod's veth pair, as the CNI bridge plugin names it ({@code veth} and eight
   * hex digits; derived from the pod's name so that it is stable).
   */
  public String hostInterface() {
    if (veth == null) {
      veth = kind == Kind.POD
          ? "veth" + Hashing.murmur3_32_fixed().hashString(name, StandardCharsets.UTF_8).toString()
          : "eth0";
    }
    return veth;
  }

  @Override
  public String toString() {
    return name + " (" + addressText() + ")";
  }
}
