package dev.kubesim.impl.resolver;

import java.util.Objects;

/**
 * A container's stub resolver: expands a name through the search list as its libc does and sends
 * each candidate to the nameservers through a {@link DnsTransport}, stopping where the libc stops.
 * Stateless (the libcs keep no cache); one instance serves any number of lookups.
 */
public final class Resolver {
  private final Libc libc;
  private final DnsTransport transport;

  public Resolver(Libc libc, DnsTransport transport) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  public Libc libc() {
    return libc;
  }

  /**
   * Looks a name up.
   *
   * @param fromPod the asking pod, {@code NS/NAME}, handed to the transport
   * @param config the resolver's reading of the pod's resolv.conf ({@link Libc#read})
   * @param name the name as the program was given it
   * @param type {@code A} or {@code AAAA}
   */
  public Resolution lookup(String fromPod, ResolverConfig config, String name, String type) {
    Exchange exchange = new Exchange(transport, fromPod, config, type);
    return switch (libc) {
      case GLIBC -> GlibcSearch.run(exchange, config, name);
      case MUSL -> MuslSearch.run(exchange, config, name);
    };
  }

  /** {@link #lookup(String, ResolverConfig, String, String)} reading the file text first. */
  public Resolution lookup(String fromPod, String resolvConfText, String name, String type) {
    return lookup(fromPod, libc.read(resolvConfText), name, type);
  }
}
