package dev.kubesim.impl.trace;

import dev.kubesim.api.ObjectRef;
import java.util.Optional;

/**
 * The object and rule behind a hop: the decision or namespace the network already holds, asked for
 * its reference and rule name only when the trace is read.
 */
public interface HopSubject {
  /** No object: the hop speaks for itself. */
  HopSubject NONE = Optional::empty;

  /** The object behind the hop (a Service, a NetworkPolicy, a pod, a node, an Ingress). */
  Optional<ObjectRef> hopObject();

  /** The rule as its owner names it (kube-proxy's chains, a policy's {@code ingress[0].from[1]}), if any. */
  default Optional<String> hopRule() {
    return Optional.empty();
  }

  /** A subject that is this object, with no rule. */
  static HopSubject of(ObjectRef object) {
    Optional<ObjectRef> o = Optional.of(object);
    return () -> o;
  }

  /** A subject that is this object and rule. */
  static HopSubject of(ObjectRef object, String rule) {
    Optional<ObjectRef> o = Optional.of(object);
    Optional<String> r = Optional.of(rule);
    return new HopSubject() {
      @Override
      public Optional<ObjectRef> hopObject() {
        return o;
      }

      @Override
      public Optional<String> hopRule() {
        return r;
      }
    };
  }
}
