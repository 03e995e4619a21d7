package dev.kubesim.api.trace;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulated network did with one request: every hop of every packet in order (DNS
 * queries, the TCP handshake, the HTTP exchange, the close), each at its virtual instant with the
 * action taken, the object and rule behind it and why, and how the request ended.
 *
 * <p>Rendering is deterministic: the same seed and the same calls give byte-identical {@link
 * #render()} and {@link #toJson()} output. {@link #fromJson(String)} reads the JSON back.
 */
public interface Trace {
  /** The JSON schema {@link #toJson()} writes and {@link #fromJson(String)} reads, in its {@code schema} key. */
  String SCHEMA = "kubesim.dev/trace/v1";

  /**
   * One line saying what was traced, e.g. {@code curl -s http://kubia from pod default/client}.
   *
   * @return one line saying what was traced
   */
  String title();

  /**
   * The virtual instant the traced activity started, as time since the cluster started.
   *
   * @return the virtual instant the traced activity started, as time since the cluster started
   */
  Duration startedAt();

  /**
   * The hops in the order they happened.
   *
   * @return the hops in the order they happened
   */
  List<TraceHop> hops();

  /**
   * How the request ended, naming the object that decided it.
   *
   * @return how the request ended, naming the object that decided it
   */
  Disposition disposition();

  /**
   * A readable rendering: a header, one line a hop, the disposition.
   *
   * @return a readable rendering: a header, one line a hop, the disposition
   */
  default String render() {
    return TraceText.render(this);
  }

  /**
   * The same as JSON, with keys in a fixed order: {@code schema} ({@value #SCHEMA}), {@code title},
   * {@code startNanos}, {@code hops} (each with {@code atNanos}, {@code node}, {@code netns}, {@code
   * where}, {@code action}, {@code object}, {@code rule}, {@code dns}, {@code packet}, {@code
   * rewritten}, {@code reason}; absent values as {@code null}) and {@code disposition} ({@code kind},
   * {@code cause}, {@code object}, {@code reason}). An object is {@code {"kind", "namespace", "name"}}
   * (the namespace empty for a cluster-scoped one).
   *
   * @return the same as JSON, with keys in a fixed order
   */
  default String toJson() {
    return TraceJson.write(this);
  }

  /**
   * The trace as a Mermaid {@code sequenceDiagram} (GitHub renders it in a {@code ```mermaid} block):
   * the client, each node's netfilter/kube-proxy, CoreDNS, the ingress controller, the cloud load
   * balancer and the server as participants in first-appearance order; one arrow for each move of a
   * packet from one to another, labelled with the packet and the rule that rewrote it ({@code DNAT by
   * service/default/kubia (KUBE-SVC-… / KUBE-SEP-…)}); a note for every other decision (delivery,
   * filter verdict, resolver answer, L7 route), a drop or refusal with a crossed arrow ({@code -x})
   * and its reason; the disposition as a note across every lifeline. Deterministic.
   *
   * @return the Mermaid text, starting with {@code sequenceDiagram}
   */
  default String toMermaid() {
    return TraceMermaid.render(this);
  }

  /**
   * The same sequence as a Graphviz DOT digraph, left to right: each node's participants in a
   * cluster subgraph, the moves as edges numbered in order (red where the packet ended badly), the
   * other decisions as note nodes, the disposition as the graph's label. Identifiers are numbers in
   * first-appearance order, so the text is deterministic.
   *
   * @return the DOT text, starting with {@code digraph}
   */
  default String toDot() {
    return TraceDot.render(this);
  }

  /**
   * The same sequence as a self-contained SVG drawn by kubesim: lifelines, labelled arrows, decisions
   * in boxes (drops and refusals red, with their reason), the disposition as a footer. No scripts, no
   * fetched fonts or images, inline styles only; the same trace gives byte-identical output.
   *
   * @return the SVG document, starting with {@code <svg}
   */
  default String toSvg() {
    return TraceSvg.render(this);
  }

  /**
   * Reads what {@link #toJson()} wrote: {@code fromJson(t.toJson())} has t's title, start, hops and
   * disposition, and renders the same.
   *
   * @param json the JSON text
   * @return the trace
   * @throws IllegalArgumentException when the text is not JSON of schema {@value #SCHEMA}; the
   *     message names the key at fault
   */
  static Trace fromJson(String json) {
    return TraceJsonReader.read(json);
  }

  /**
   * The names the client's resolver looked up and the answers it took, in order.
   *
   * @return the names the client's resolver looked up and the answers it took, in order
   */
  default List<DnsAnswer> dnsAnswers() {
    ImmutableList.Builder<DnsAnswer> b = ImmutableList.builder();
    for (TraceHop h : hops()) {
      h.dns().ifPresent(b::add);
    }
    return b.build();
  }

  /**
   * The names that resolved, as the client asked them ({@code kubia}), in order.
   *
   * @return the names that resolved, as the client asked them ({@code kubia}), in order
   */
  default List<String> resolvedNames() {
    return dnsAnswers().stream().map(DnsAnswer::name).distinct().toList();
  }

  /**
   * The Services whose rules DNAT'd a packet of the request, each once, in the order they did.
   *
   * @return the Services whose rules DNAT'd a packet of the request, each once, in the order they
   *     did
   */
  default List<ObjectRef> servicesTraversed() {
    Set<ObjectRef> services = new LinkedHashSet<>();
    for (TraceHop h : hops()) {
      if (h.action() == TraceHop.Action.DNAT) {
        h.object().filter(o -> o.kind().equals("service")).ifPresent(services::add);
      }
    }
    return List.copyOf(new ArrayList<>(services));
  }

  /**
   * The pod whose answer came back, when the request was delivered and a pod answered it.
   *
   * @return the pod whose answer came back, when the request was delivered and a pod answered it
   */
  default Optional<ObjectRef> answeredBy() {
    Disposition d = disposition();
    return d.kind() == Disposition.Kind.DELIVERED ? d.object().filter(o -> o.kind().equals("pod")) : Optional.empty();
  }

  /**
   * The nodes whose machines the request's packets were on, each once, in the order they got there.
   *
   * @return the nodes whose machines the request's packets were on, each once, in the order they
   *     got there
   */
  default List<String> nodesCrossed() {
    Set<String> nodes = new LinkedHashSet<>();
    for (TraceHop h : hops()) {
      if (!h.node().equals("-")) {
        nodes.add(h.node());
      }
    }
    return List.copyOf(new ArrayList<>(nodes));
  }
}
