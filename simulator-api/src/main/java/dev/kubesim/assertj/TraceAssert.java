package dev.kubesim.assertj;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a {@link Trace}: how the request ended and why, the names it resolved, the Services
 * whose rules DNAT'd it, the pod that answered, the nodes it crossed and the objects that dropped it.
 * Every failure message says what was expected and what the trace shows, then the rendered trace.
 */
public final class TraceAssert extends AbstractObjectAssert<TraceAssert, Trace> {
  TraceAssert(Trace actual) {
    super(actual, TraceAssert.class);
  }

  /**
   * A response came back ({@link Disposition.Kind#DELIVERED}).
   *
   * @return this assertion, for chaining
   */
  public TraceAssert wasDelivered() {
    return hasKind(Disposition.Kind.DELIVERED);
  }

  /**
   * The connection was refused ({@link Disposition.Kind#REFUSED}).
   *
   * @return this assertion, for chaining
   */
  public TraceAssert wasRefused() {
    return hasKind(Disposition.Kind.REFUSED);
  }

  /**
   * Nothing came back before the client gave up ({@link Disposition.Kind#TIMED_OUT}).
   *
   * @return this assertion, for chaining
   */
  public TraceAssert timedOut() {
    return hasKind(Disposition.Kind.TIMED_OUT);
  }

  /**
   * The request ended so, as the client saw it.
   *
   * @param kind how the request ended
   * @return this assertion, for chaining
   */
  public TraceAssert hasKind(Disposition.Kind kind) {
    isNotNull();
    if (actual.disposition().kind() != kind) {
      fail("to have ended " + kind, actual.disposition().toString());
    }
    return this;
  }

  /**
   * The request ended for this cause.
   *
   * @param cause why, as a {@link dev.kubesim.api.trace.Disposition.Cause}
   * @return this assertion, for chaining
   */
  public TraceAssert hasCause(Disposition.Cause cause) {
    isNotNull();
    if (actual.disposition().cause() != cause) {
      fail("to have ended for cause " + cause, actual.disposition().toString());
    }
    return this;
  }

  /**
   * The disposition names this object as the one that decided.
   *
   * @param object the object that decided, as an {@link dev.kubesim.api.ObjectRef}
   * @return this assertion, for chaining
   */
  public TraceAssert wasDecidedBy(ObjectRef object) {
    isNotNull();
    if (!actual.disposition().object().equals(java.util.Optional.of(object))) {
      fail("to have been decided by " + object, actual.disposition().toString());
    }
    return this;
  }

  /**
   * The disposition's reason contains this text.
   *
   * @param text the text
   * @return this assertion, for chaining
   */
  public TraceAssert hasReasonContaining(String text) {
    isNotNull();
    if (!actual.disposition().reason().contains(text)) {
      fail("to have a reason containing \"" + text + "\"", actual.disposition().toString());
    }
    return this;
  }

  /**
   * The client's resolver resolved this name (as the client asked it, e.g. {@code kubia}).
   *
   * @param name the object's name
   * @return this assertion, for chaining
   */
  public TraceAssert resolvedName(String name) {
    isNotNull();
    if (!actual.resolvedNames().contains(name)) {
      fail("to have resolved the name " + name, "names resolved: " + actual.dnsAnswers());
    }
    return this;
  }

  /**
   * The rules of this Service DNAT'd a packet of the request.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return this assertion, for chaining
   */
  public TraceAssert wasDnatedByService(String namespace, String name) {
    return wasDnatedByService(ObjectRef.service(namespace, name));
  }

  /**
   * The rules of this Service DNAT'd a packet of the request.
   *
   * @param service the Service's name
   * @return this assertion, for chaining
   */
  public TraceAssert wasDnatedByService(ObjectRef service) {
    isNotNull();
    if (!actual.servicesTraversed().contains(service)) {
      fail("to have been DNAT'd by " + service, "Services that DNAT'd: " + actual.servicesTraversed());
    }
    return this;
  }

  /**
   * A pod of this name (in any namespace) answered.
   *
   * @param name the object's name
   * @return this assertion, for chaining
   */
  public TraceAssert answeredByPod(String name) {
    return answeredByPodMatching(p -> p.name().equals(name), "a pod named " + name);
  }

  /**
   * This pod answered.
   *
   * @param pod the pod, as {@code namespace/name} or, in {@code default}, by its name
   * @return this assertion, for chaining
   */
  public TraceAssert answeredByPod(ObjectRef pod) {
    return answeredByPodMatching(pod::equals, pod.toString());
  }

  /**
   * A pod whose name starts so answered ({@code kubia-} for any pod of a ReplicaSet {@code kubia}).
   *
   * @param namePrefix the start of the pod's name
   * @return this assertion, for chaining
   */
  public TraceAssert answeredByPodMatching(String namePrefix) {
    return answeredByPodMatching(p -> p.name().startsWith(namePrefix), "a pod named " + namePrefix + "*");
  }

  /**
   * A pod the predicate accepts answered.
   *
   * @param pod the pod, as {@code namespace/name} or, in {@code default}, by its name
   * @return this assertion, for chaining
   */
  public TraceAssert answeredByPodMatching(Predicate<? super ObjectRef> pod) {
    return answeredByPodMatching(pod, "a pod matching the predicate");
  }

  private TraceAssert answeredByPodMatching(Predicate<? super ObjectRef> pod, String what) {
    isNotNull();
    Objects.requireNonNull(pod, "pod");
    if (actual.answeredBy().filter(pod).isEmpty()) {
      fail("to have been answered by " + what, actual.answeredBy().map(p -> "answered by " + p)
          .orElse(actual.disposition().toString()));
    }
    return this;
  }

  /**
   * The request's packets were on more than one node.
   *
   * @return this assertion, for chaining
   */
  public TraceAssert crossedNodes() {
    isNotNull();
    if (actual.nodesCrossed().size() < 2) {
      fail("to have crossed nodes", "nodes crossed: " + actual.nodesCrossed());
    }
    return this;
  }

  /**
   * The request's packets were on exactly these nodes, in this order of arrival.
   *
   * @param nodes the nodes' names, in order of arrival
   * @return this assertion, for chaining
   */
  public TraceAssert crossedNodes(String... nodes) {
    isNotNull();
    if (!actual.nodesCrossed().equals(List.of(nodes))) {
      fail("to have crossed the nodes " + List.of(nodes), "nodes crossed: " + actual.nodesCrossed());
    }
    return this;
  }

  /**
   * The request's packets never left one node.
   *
   * @return this assertion, for chaining
   */
  public TraceAssert stayedOnNode() {
    isNotNull();
    if (actual.nodesCrossed().size() != 1) {
      fail("to have stayed on one node", "nodes crossed: " + actual.nodesCrossed());
    }
    return this;
  }

  /**
   * The request's packets never left this node.
   *
   * @param node the node's name
   * @return this assertion, for chaining
   */
  public TraceAssert stayedOnNode(String node) {
    isNotNull();
    if (!actual.nodesCrossed().equals(List.of(node))) {
      fail("to have stayed on node " + node, "nodes crossed: " + actual.nodesCrossed());
    }
    return this;
  }

  /**
   * A rule of this object (a NetworkPolicy, a Service's kube-proxy rule, a load balancer's Service)
   * dropped or rejected a packet of the request.
   *
   * @param object the object that decided, as an {@link dev.kubesim.api.ObjectRef}
   * @return this assertion, for chaining
   */
  public TraceAssert wasDroppedBy(ObjectRef object) {
    isNotNull();
    boolean dropped = actual.hops().stream().anyMatch(h -> (h.action() == TraceHop.Action.DROP
        || h.action() == TraceHop.Action.REJECT) && h.object().filter(object::equals).isPresent());
    if (!dropped) {
      List<String> drops = actual.hops().stream()
          .filter(h -> h.action() == TraceHop.Action.DROP || h.action() == TraceHop.Action.REJECT)
          .map(h -> h.action() + " by " + h.object().map(ObjectRef::toString).orElse("-"))
          .toList();
      fail("to have been dropped by " + object, (drops.isEmpty() ? "no DROP or REJECT" : String.join(", ", drops))
          + "; " + actual.disposition());
    }
    return this;
  }

  private void fail(String expected, String butWas) {
    failWithMessage("%s", "\nExpecting trace:\n  " + actual.title() + "\n" + expected + "\nbut was:\n  " + butWas + "\n\n"
        + actual.render());
  }
}
