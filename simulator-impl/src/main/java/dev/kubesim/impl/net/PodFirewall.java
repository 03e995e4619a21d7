package dev.kubesim.impl.net;

import java.util.Optional;

/**
 * The pod network's policy enforcement, as a CNI plugin hooks it on every node: the network asks
 * once per new connection, after kube-proxy's DNAT (so a Service's traffic is judged on the chosen
 * endpoint), for egress on the client pod's node and for ingress on the server pod's node.
 * Conntrack lets the rest of an admitted connection, replies included, pass unjudged.
 */
public interface PodFirewall {
  /** No policy anywhere: every pod is open both ways. */
  PodFirewall NONE = new PodFirewall() {
    @Override
    public Optional<PacketDecision> egress(Netns pod, Packet packet) {
      return Optional.empty();
    }

    @Override
    public Optional<PacketDecision> ingress(Netns pod, Packet packet) {
      return Optional.empty();
    }
  };

  /**
   * A new connection leaving a pod: {@link Verdict#ACCEPT} naming the admitting rule, {@link
   * Verdict#DROP} naming the isolating policies, or empty when no policy isolates the pod for egress.
   */
  Optional<PacketDecision> egress(Netns pod, Packet packet);

  /** A new connection arriving at a pod; like {@link #egress}. */
  Optional<PacketDecision> ingress(Netns pod, Packet packet);
}
