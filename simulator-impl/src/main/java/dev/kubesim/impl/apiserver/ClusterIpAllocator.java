package dev.kubesim.impl.apiserver;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Cidr;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Allocates ClusterIPs from the service CIDR as the API server's ipallocator does: the network
 * address (and for IPv4 the broadcast address) are never handed out; the first {@code
 * min(max(16, size/16), 256)} addresses form the static band that automatic allocation uses last.
 */
public final class ClusterIpAllocator {
  /** Why a requested address could not be taken. */
  public enum Failure {
    NOT_IN_RANGE,
    ALREADY_ALLOCATED,
    RANGE_FULL
  }

  private final Cidr cidr;
  private final BandedAllocator bitmap;

  public ClusterIpAllocator(Cidr cidr, SplittableRandom random) {
    this.cidr = cidr;
    BigInteger size = cidr.size();
    long usable = size.subtract(BigInteger.valueOf(cidr.isIPv4() ? 2 : 1)).min(BigInteger.valueOf(1 << 24)).longValue();
    int slots = (int) Math.max(0, usable);
    long rangeSize = size.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    this.bitmap = new BandedAllocator(slots, Math.min(slots, BandedAllocator.bandOffset(rangeSize, 16, 256, 16)), random);
  }

  public Cidr cidr() {
    return cidr;
  }

  /** Takes a specific address. */
  public Optional<Failure> allocate(String ip) {
    Optional<Integer> slot = slotOf(ip);
    if (slot.isEmpty()) {
      return Optional.of(Failure.NOT_IN_RANGE);
    }
    return bitmap.allocate(slot.get()) ? Optional.empty() : Optional.of(Failure.ALREADY_ALLOCATED);
  }

  /** Takes a free address, the dynamic band first. */
  public Optional<String> allocateNext() {
    var slot = bitmap.allocateNext();
    return slot.isPresent() ? Optional.of(Cidr.format(cidr.address(slot.getAsInt() + 1L))) : Optional.empty();
  }

  public void release(String ip) {
    slotOf(ip).ifPresent(bitmap::release);
  }

  public boolean isAllocated(String ip) {
    return slotOf(ip).map(bitmap::isAllocated).orElse(false);
  }

  /** The address at a 1-based position in the range: {@code 1} is {@code 10.96.0.1}. */
  public String nth(int n) {
    return Cidr.format(cidr.address(n));
  }

  private Optional<Integer> slotOf(String ip) {
    if (!InetAddresses.isInetAddress(ip)) {
      return Optional.empty();
    }
    InetAddress a = InetAddresses.forString(ip);
    if ((a instanceof Inet4Address) != cidr.isIPv4()) {
      return Optional.empty();
    }
    return cidr.offsetOf(a)
        .filter(off -> off >= 1 && off - 1 < bitmap.size())
        .map(off -> (int) (off - 1));
  }
}
