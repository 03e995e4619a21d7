package dev.kubesim.impl.kubelet;

import dev.kubesim.impl.net.Cidr;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Pod addresses from a node's pod CIDR, as the host-local IPAM plugin hands them out: the network
 * address and the gateway ({@code .1}) are reserved; addresses go round-robin from the last one
 * given, so a freed address is not reused at once.
 */
public final class PodIpam {
  private final Cidr cidr;
  private final long size;
  private final Set<Long> used = new HashSet<>();
  private long last = 1;

  public PodIpam(Cidr cidr) {
    this.cidr = cidr;
    this.size = cidr.size().min(java.math.BigInteger.valueOf(1L << 20)).longValue();
  }

  public Cidr cidr() {
    return cidr;
  }

  /** The next free address after the last one given; empty when the range is full. */
  public Optional<String> allocate() {
    long usable = size - (cidr.isIPv4() ? 1 : 0);
    for (long i = 1; i < usable; i++) {
      long candidate = last + i;
      if (candidate >= usable) {
        candidate = 2 + (candidate - usable);
      }
      if (candidate >= 2 && candidate < usable && used.add(candidate)) {
        last = candidate;
        return Optional.of(Cidr.format(cidr.address(candidate)));
      }
    }
    return Optional.empty();
  }

  /**
   * Takes a chosen address (the {@code kubesim.dev/pod-ip} annotation); false when it is no IP
   * address, outside the range or taken: the sandbox then fails to start, as with a CNI plugin
   * given a bad address.
   */
  public boolean allocate(String ip) {
    if (!com.google.common.net.InetAddresses.isInetAddress(ip)) {
      return false;
    }
    Optional<Long> offset = cidr.offsetOf(com.google.common.net.InetAddresses.forString(ip));
    return offset.isPresent() && offset.get() >= 2 && offset.get() < size - (cidr.isIPv4() ? 1 : 0) && used.add(offset.get());
  }

  public void release(String ip) {
    if (com.google.common.net.InetAddresses.isInetAddress(ip)) {
      cidr.offsetOf(com.google.common.net.InetAddresses.forString(ip)).ifPresent(used::remove);
    }
  }
}
