package dev.kubesim.impl.netpol;

import dev.kubesim.impl.net.IpProtocol;
import java.util.OptionalInt;

/** Resolves a named port on a destination pod, as a NetworkPolicy's named {@code ports} entries need. */
@FunctionalInterface
interface NamedPorts {
  /** No pod behind the address: no name resolves. */
  NamedPorts NONE = (name, protocol) -> OptionalInt.empty();

  /** The number of the container port with this name and protocol. */
  OptionalInt resolve(String name, IpProtocol protocol);
}
