package dev.kubesim.impl.net;

import java.util.Objects;

/**
 * A NetworkPolicy, and the rule of it, named by a decision on a new connection: the rule that
 * admitted it, or a policy that isolates the pod when none admitted it.
 *
 * @param namespace the policy's namespace
 * @param name the policy's name
 * @param direction which side of the pod the policy governs here
 * @param rule the index of the admitting rule in the policy's {@code ingress} or {@code egress} list, or -1 when the
 *     policy isolates the pod without admitting the connection
 */
public record PolicyRef(String namespace, String name, Direction direction, int rule) {
  /** The side of a pod a policy governs. */
  public enum Direction {
    INGRESS,
    EGRESS;

    /** {@code ingress} or {@code egress}, as the policy's fields are named. */
    public String field() {
      return this == INGRESS ? "ingress" : "egress";
    }
  }

  public PolicyRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
  }

  /** {@code networkpolicy/NAMESPACE/NAME}, as a disposition names the deciding object. */
  public String object() {
    return "networkpolicy/" + namespace + "/" + name;
  }

  /** {@code x/allow-dns egress[0]}, or {@code x/deny-all} when no rule of it admitted the connection. */
  @Override
  public String toString() {
    return namespace + "/" + name + (rule < 0 ? "" : " " + direction.field() + "[" + rule + "]");
  }
}
