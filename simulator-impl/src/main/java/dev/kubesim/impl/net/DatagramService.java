package dev.kubesim.impl.net;

import java.util.Optional;

/**
 * A UDP server program reached through a port (CoreDNS on 53): given the datagram as it arrived at
 * an address, its reply payload, if it answers.
 */
@FunctionalInterface
public interface DatagramService {
  Optional<Payload> answer(Netns at, Packet datagram);
}
