package dev.kubesim.api.trace;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trace as a sequence diagram sees it, shared by the Mermaid, DOT and SVG renderings: the
 * participants in first-appearance order, and the steps between them. The hops of one packet in
 * one participant (a pod, a node's netfilter and kube-proxy, the cloud load balancer, an outside
 * host) collapse into one arrow into it; every decision (NAT, filter verdicts, delivery, L7
 * proxying, the resolver's answers) stays, either on the arrow it sent or as a note.
 */
final class TraceSequence {
  /** Actions that only carry a packet along; everything else is a decision that is kept. */
  private static final Set<Action> MOVES = EnumSet.of(Action.SEND, Action.RECEIVE, Action.ROUTE);
  /** Decisions that rewrite the packet: shown on the arrow the rewritten packet leaves on. */
  private static final Set<Action> REWRITES = EnumSet.of(Action.DNAT, Action.SNAT, Action.UNDNAT, Action.UNSNAT);
  /** Decisions after which the packet goes no further. */
  private static final Set<Action> ENDS =
      EnumSet.of(Action.DELIVER, Action.DROP, Action.REJECT, Action.LOST, Action.NO_ROUTE);
  /** Decisions that end the packet unhappily: the arrow into them is crossed and the note red. */
  private static final Set<Action> FAILURES = EnumSet.of(Action.DROP, Action.REJECT, Action.LOST, Action.NO_ROUTE);

  /**
   * One lifeline.
   *
   * @param id a deterministic identifier ({@code p1}, {@code p2}, ...) in first-appearance order
   * @param label what the reader sees ({@code pod default/client}, {@code node-1 netfilter/kube-proxy})
   * @param node the node the participant lives on, {@code -} outside the cluster
   */
  record Participant(String id, String label, String node) {}

  /** A step of the diagram: an arrow or a note. */
  sealed interface Step permits Arrow, Note {}

  /**
   * A packet moving from one participant to another.
   *
   * @param number the arrow's number, from 1, in order
   * @param packet the packet as it arrived
   * @param decisions the rewrites that sent it on ({@code DNAT by service/default/kubia (KUBE-SVC-… / KUBE-SEP-…)})
   * @param failed whether the packet ended badly where it arrived (dropped, rejected, lost)
   */
  record Arrow(int number, Participant from, Participant to, String packet, List<String> decisions, boolean failed)
      implements Step {
    /** The label's lines: the packet, then the decisions. */
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(number + ". " + packet);
      lines.addAll(decisions);
      return lines;
    }
  }

  /**
   * A decision that did not send a packet on: a delivery, a drop, a refusal, a resolver step, an L7 route.
   *
   * @param headline {@code DROP by networkpolicy/default/deny (ingress[0])}
   * @param reason why, in words; empty when the hop gave none
   * @param failed whether the decision ended a packet badly
   */
  record Note(Participant over, String headline, String reason, boolean failed) implements Step {}

  private final List<Participant> participants;
  private final List<Step> steps;
  private final String title;
  private final Disposition disposition;

  private TraceSequence(String title, List<Participant> participants, List<Step> steps, Disposition disposition) {
    this.title = title;
    this.participants = List.copyOf(participants);
    this.steps = List.copyOf(steps);
    this.disposition = disposition;
  }

  String title() {
    return title;
  }

  List<Participant> participants() {
    return participants;
  }

  List<Step> steps() {
    return steps;
  }

  Disposition disposition() {
    return disposition;
  }

  /** {@code DELIVERED (ANSWERED) by pod/default/kubia-x7k2p: reason}. */
  String dispositionText() {
    return disposition.toString();
  }

  /** The arrows only, in order. */
  List<Arrow> arrows() {
    return steps.stream().filter(Arrow.class::isInstance).map(Arrow.class::cast).toList();
  }

  /** Whether an action is a decision the pictures keep (not a mere send, receive or route). */
  static boolean isDecision(Action action) {
    return !MOVES.contains(action);
  }

  static TraceSequence of(Trace trace) {
    Map<String, Participant> byKey = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    int arrows = 0;
    List<TraceHop> hops = trace.hops();
    Participant previous = null; // the participant of the run before, while its packet travels on
    List<String> pendingRewrites = new ArrayList<>();
    int i = 0;
    while (i < hops.size()) {
      TraceHop first = hops.get(i);
      Participant here = participant(byKey, first);
      // one run: the hops of one packet in one participant, until it leaves or a new packet starts
      int end = i + 1;
      while (end < hops.size() && hops.get(end).action() != Action.SEND && key(hops.get(end)).equals(key(first))
          && !ENDS.contains(hops.get(end - 1).action())) {
        end++;
      }
      List<TraceHop> run = hops.subList(i, end);
      boolean failed = run.stream().anyMatch(h -> FAILURES.contains(h.action()));
      if (previous != null && first.action() != Action.SEND && first.packet().isPresent() && previous != here) {
        arrows++;
        steps.add(new Arrow(arrows, previous, here, packetText(first.packet().get()), List.copyOf(pendingRewrites), failed));
        pendingRewrites.clear();
      } else {
        flushRewrites(steps, previous, pendingRewrites);
      }
      for (TraceHop h : run) {
        if (!isDecision(h.action())) {
          continue;
        }
        if (REWRITES.contains(h.action())) {
          pendingRewrites.add(decisionText(h));
        } else {
          steps.add(new Note(here, noteHeadline(h), h.reason(), FAILURES.contains(h.action())));
        }
      }
      TraceHop last = run.get(run.size() - 1);
      boolean travelsOn = !ENDS.contains(last.action()) && (last.packet().isPresent() || last.rewritten().isPresent());
      if (travelsOn) {
        previous = here;
      } else {
        flushRewrites(steps, here, pendingRewrites);
        previous = null;
      }
      i = end;
    }
    flushRewrites(steps, previous, pendingRewrites);
    return new TraceSequence(trace.title(), new ArrayList<>(byKey.values()), steps, trace.disposition());
  }

  /** Rewrites whose packet made no further arrow still show, as notes where they happened. */
  private static void flushRewrites(List<Step> steps, Participant where, List<String> rewrites) {
    if (where != null) {
      for (String r : rewrites) {
        steps.add(new Note(where, r, "", false));
      }
    }
    rewrites.clear();
  }

  private static Participant participant(Map<String, Participant> byKey, TraceHop h) {
    return byKey.computeIfAbsent(key(h), k -> new Participant("p" + (byKey.size() + 1), label(h), h.node()));
  }

  /** The lifeline a hop belongs to: its network namespace, the cloud's network as one. */
  private static String key(TraceHop h) {
    return h.netns();
  }

  private static String label(TraceHop h) {
    String netns = h.netns();
    if (netns.equals("cloud")) {
      return "cloud load balancer";
    }
    if (netns.startsWith("external/")) {
      return "outside host " + netns.substring("external/".length());
    }
    int slash = netns.indexOf('/');
    if (slash < 0) {
      return netns + " netfilter/kube-proxy";
    }
    String namespace = netns.substring(0, slash);
    String name = netns.substring(slash + 1);
    if (name.startsWith("coredns-") || namespace.equals("kube-system") && name.startsWith("kube-dns")) {
      return "CoreDNS " + netns;
    }
    if (namespace.startsWith("ingress") || name.startsWith("ingress-nginx") || h.where().equals("ingress-nginx")) {
      return "ingress controller " + netns;
    }
    return "pod " + netns;
  }

  /** {@code TCP 10.244.1.5:40112 → 10.96.1.5:80 [S] GET / HTTP/1.1}. */
  static String packetText(TracePacket p) {
    StringBuilder b = new StringBuilder(p.protocol()).append(' ').append(p.source());
    if (p.sourcePort() != 0) {
      b.append(':').append(p.sourcePort());
    }
    b.append(" \u2192 ").append(p.destination());
    if (p.destinationPort() != 0) {
      b.append(':').append(p.destinationPort());
    }
    if (!p.flags().isEmpty()) {
      b.append(" [").append(p.flags()).append(']');
    }
    if (!p.payload().isEmpty()) {
      b.append(' ').append(p.payload());
    }
    return b.toString();
  }

  /** {@code DNAT by service/default/kubia (KUBE-SVC-… / KUBE-SEP-…) → 10.244.2.5:8080}. */
  private static String decisionText(TraceHop h) {
    StringBuilder b = new StringBuilder(h.action().name());
    h.object().ifPresent(o -> b.append(" by ").append(o));
    h.rule().ifPresent(r -> b.append(" (").append(r).append(')'));
    if (h.object().isEmpty() && h.rule().isEmpty() && !h.where().isEmpty()) {
      b.append(" at ").append(h.where());
    }
    return b.toString();
  }

  private static String noteHeadline(TraceHop h) {
    Optional<DnsAnswer> dns = h.dns();
    if (dns.isPresent()) {
      DnsAnswer d = dns.get();
      return "RESOLVE " + d.name() + " \u2192 " + d.fqdn() + " " + String.join(", ", d.addresses());
    }
    StringBuilder b = new StringBuilder(decisionText(h));
    h.packet().filter(p -> h.action() != Action.DELIVER).ifPresent(p -> b.append(": ").append(packetText(p)));
    return b.toString();
  }

  /** The objects a trace touched, for highlighting them on a map: each once, in order. */
  static List<ObjectRef> objectsTouched(Trace trace) {
    Map<String, ObjectRef> seen = new LinkedHashMap<>();
    for (TraceHop h : trace.hops()) {
      h.object().ifPresent(o -> seen.putIfAbsent(o.toString(), o));
    }
    trace.disposition().object().ifPresent(o -> seen.putIfAbsent(o.toString(), o));
    return List.copyOf(seen.values());
  }
}
