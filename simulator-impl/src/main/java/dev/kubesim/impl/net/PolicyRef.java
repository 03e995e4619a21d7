package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
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
 * @param peer the index of the matching peer in the rule's {@code from} or {@code to}, or -1 when the rule has no
 *     peers (it admits every peer)
 */
public record PolicyRef(String namespace, String name, Direction direction, int rule, int peer) {
  /** The side of a pod a policy governs. */
  public enum Direction {
    INGRESS,
    EGRESS;

    /** {@code ingress} or {@code egress}, as the policy's fields are named. */
    public String field() {
      return this == INGRESS ? "ingress" : "egress";
    }

    /** {@code from} or {@code to}: the peers' field of a rule in this direction. */
    public String peers() {
      return this == INGRESS ? "from" : "to";
    }
  }

  public PolicyRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
  }

  /** {@code networkpolicy/NAMESPACE/NAME}, as a disposition names the deciding object. */
  public ObjectRef object() {
    return ObjectRef.of("networkpolicy", namespace, name);
  }

  /** A policy isolating a pod without admitting the connection. */
  public static PolicyRef isolating(String namespace, String name, Direction direction) {
    return new PolicyRef(namespace, name, direction, -1, -1);
  }

  /** The rule as a field path: {@code ingress[0].from[1]}, {@code egress[1]} for a rule without peers; empty for none. */
  public String rulePath() {
    if (rule < 0) {
      return "";
    }
    return direction.field() + "[" + rule + "]" + (peer < 0 ? "" : "." + direction.peers() + "[" + peer + "]");
  }

  /** {@code x/allow-dns egress[0].to[0]}, or {@code x/deny-all} when no rule of it admitted the connection. */
  @Override
  public String toString() {
    return namespace + "/" + name + (rule < 0 ? "" : " " + rulePath());
  }
}
