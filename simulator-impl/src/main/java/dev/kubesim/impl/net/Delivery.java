package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import java.util.Optional;

/**
 * Where one packet's walk through the network ended, and the netfilter decision taken on its way
 * for a new connection: the DNAT that carried it to a Service's endpoint, or, for the ICMP error
 * that answers a refused connection, the REJECT behind it. The walk returns it; nothing is left on
 * the session for the caller to pick up.
 */
public sealed interface Delivery {
  /** The first decision of the walk that rewrote or refused the packet (a DNAT or a REJECT), if any. */
  Optional<PacketDecision> decision();

  /** The same delivery, naming this decision (an earlier hop's decision comes first on the way). */
  Delivery withDecision(PacketDecision d);

  /** The packet reached a namespace (as it looked when it arrived there). */
  record Arrived(Netns at, Packet packet, Optional<PacketDecision> decision) implements Delivery {
    public Arrived(Netns at, Packet packet) {
      this(at, packet, Optional.empty());
    }

    @Override
    public Arrived withDecision(PacketDecision d) {
      return new Arrived(at, packet, Optional.of(d));
    }
  }

  /** The packet went nowhere; {@code object} decided it, if an object did. */
  record Lost(Loss kind, Optional<ObjectRef> object, String reason, Optional<PacketDecision> decision) implements Delivery {
    public Lost(Loss kind, Optional<ObjectRef> object, String reason) {
      this(kind, object, reason, Optional.empty());
    }

    /** Why the packet went nowhere, as a disposition names it. */
    public Cause cause() {
      return switch (kind) {
        // a drop on a later node keeps its object while the first node's DNAT decision replaces its own
        case DROPPED -> object.filter(o -> o.kind().equals("networkpolicy")).isPresent() ? Cause.POLICY_DENIED
            : decision.map(PacketDecision::cause).orElse(Cause.FILTERED);
        case NO_HOST -> Cause.NO_HOST;
        case NODE_DOWN -> Cause.NODE_DOWN;
        case NO_ROUTE -> Cause.NO_ROUTE;
      };
    }

    @Override
    public Lost withDecision(PacketDecision d) {
      return new Lost(kind, object, reason, Optional.of(d));
    }
  }

  /** Why a packet was lost. */
  enum Loss {
    /** A filter rule discarded it. */
    DROPPED,
    /** Nobody has the destination address (a virtual IP, a pod that is gone). */
    NO_HOST,
    /** A node on the way is down. */
    NODE_DOWN,
    /** The sender has no route: it fails at once ({@code ENETUNREACH}). */
    NO_ROUTE
  }
}
