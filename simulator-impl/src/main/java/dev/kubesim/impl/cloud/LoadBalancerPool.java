package dev.kubesim.impl.cloud;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.apiserver.ObjectKey;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The simulated cloud's IPv4 addresses for load balancers: a range of addresses handed out lowest
 * first (as MetalLB does from its pools), and addresses a Service asks for by {@code
 * spec.loadBalancerIP}, which the cloud treats as a static address reserved for the user — inside
 * the range or not — as long as no other Service holds it.
 *
 * <p>The default range, {@value #DEFAULT_RANGE}, is the one the kind and MetalLB guides configure
 * on kind's Docker network {@code 172.18.0.0/16}.
 */
public final class LoadBalancerPool {
  /** The range the cloud hands out when nobody configured another. */
  public static final String DEFAULT_RANGE = "172.18.255.200-172.18.255.250";

  private final long first;
  private final long last;
  private final Map<String, ObjectKey> holders = new HashMap<>();
  // Addresses of the range in use, for lowest-free allocation without scanning the holders.
  private final TreeSet<Long> usedInRange = new TreeSet<>();

  private LoadBalancerPool(long first, long last) {
    this.first = first;
    this.last = last;
  }

  /** The pool of {@value #DEFAULT_RANGE}. */
  public static LoadBalancerPool defaults() {
    return parse(DEFAULT_RANGE);
  }

  /**
   * A pool of the addresses {@code FIRST-LAST} (IPv4, inclusive), as MetalLB's {@code addresses}
   * entries write them.
   *
   * @throws IllegalArgumentException when the text is not such a range
   */
  public static LoadBalancerPool parse(String range) {
    String[] parts = range.split("-", -1);
    if (parts.length != 2 || !isIPv4(parts[0].trim()) || !isIPv4(parts[1].trim())) {
      throw new IllegalArgumentException("a load balancer range is FIRST-LAST with two IPv4 addresses, got \"" + range + "\"");
    }
    long a = toLong(parts[0].trim());
    long b = toLong(parts[1].trim());
    if (a > b) {
      throw new IllegalArgumentException("the load balancer range \"" + range + "\" ends before it starts");
    }
    return new LoadBalancerPool(a, b);
  }

  /**
   * Takes an address for the Service: the requested one when given (empty when another Service
   * holds it or it is no IPv4 address), else the lowest free one of the range (empty when the range
   * is used up). A Service that already holds the address gets it again.
   */
  public Optional<String> allocate(ObjectKey service, Optional<String> requested) {
    if (requested.isPresent()) {
      String ip = requested.get();
      if (!isIPv4(ip)) {
        return Optional.empty();
      }
      String canonical = InetAddresses.toAddrString(InetAddresses.forString(ip));
      ObjectKey holder = holders.get(canonical);
      if (holder != null && !holder.equals(service)) {
        return Optional.empty();
      }
      take(canonical, service);
      return Optional.of(canonical);
    }
    long next = first;
    for (long used : usedInRange.tailSet(first)) {
      if (used != next) {
        break;
      }
      next++;
    }
    if (next > last) {
      return Optional.empty();
    }
    String ip = fromLong(next);
    take(ip, service);
    return Optional.of(ip);
  }

  /** Gives an address back; nothing happens when the Service does not hold it. */
  public void release(ObjectKey service, String ip) {
    if (service.equals(holders.get(ip))) {
      holders.remove(ip);
      usedInRange.remove(toLong(ip));
    }
  }

  /** The Service holding the address, if any. */
  public Optional<ObjectKey> holder(String ip) {
    return Optional.ofNullable(holders.get(ip));
  }

  /** Whether the address lies in the range the cloud hands out. */
  public boolean inRange(String ip) {
    if (!isIPv4(ip)) {
      return false;
    }
    long v = toLong(ip);
    return v >= first && v <= last;
  }

  private void take(String ip, ObjectKey service) {
    holders.put(ip, service);
    if (inRange(ip)) {
      usedInRange.add(toLong(ip));
    }
  }

  static boolean isIPv4(String text) {
    return InetAddresses.isInetAddress(text) && InetAddresses.forString(text) instanceof Inet4Address;
  }

  private static long toLong(String ip) {
    return Integer.toUnsignedLong(InetAddresses.coerceToInteger(InetAddresses.forString(ip)));
  }

  private static String fromLong(long value) {
    InetAddress a = InetAddresses.fromInteger((int) value);
    return InetAddresses.toAddrString(a);
  }

  @Override
  public String toString() {
    return fromLong(first) + "-" + fromLong(last);
  }
}
