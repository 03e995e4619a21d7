package dev.kubesim.impl.resolver;

import java.util.Optional;

/**
 * Carries one DNS query from a pod to a nameserver and back. The cluster implements it with a UDP
 * packet through the pod's network, kube-proxy's rules and CoreDNS; tests with a map.
 */
@FunctionalInterface
public interface DnsTransport {
  /**
   * Sends one question.
   *
   * @param fromPod the asking pod as {@code NS/NAME}
   * @param nameserver the nameserver's address, as written in resolv.conf
   * @param fqdn the name asked, fully qualified with its trailing dot
   * @param type the record type ({@code A}, {@code AAAA}, ...)
   * @return the response, or empty when none came back (dropped, unreachable, timed out)
   */
  Optional<DnsAnswer> query(String fromPod, String nameserver, String fqdn, String type);
}
