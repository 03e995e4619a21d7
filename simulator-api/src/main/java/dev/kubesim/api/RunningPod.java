package dev.kubesim.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod as its node runs it: the sandbox the kubelet set up (its network namespace and {@code
 * /etc/resolv.conf}) and the containers the runtime started. For tools that check what a pod's
 * processes see without running a program in it (a conformance runner's {@code env}, {@code
 * resolvConf}, {@code resolve} and {@code dns} steps). Obtained from {@link
 * Cluster#runningPod(String)}; each call reads the pod as it is then and takes the cluster's lock.
 * No call moves the cluster's clock.
 */
public interface RunningPod {
  /** {@return the pod's namespace} */
  String namespace();

  /** {@return the pod's name} */
  String name();

  /** {@return the node the pod runs on} */
  String node();

  /**
   * The environment of a running container's process, as the runtime fixed it when the container
   * started ({@code env} in the container would print it).
   *
   * @param container the container's name; empty for the pod's first container
   * @return the variables, in the order {@code env} prints them
   * @throws BadRequestException when the container is not running
   */
  Map<String, String> env(String container);

  /**
   * Whether the runtime would start this command in a running container, as {@code kubectl exec}
   * does: its program is in the container's image (or, for a path, in its filesystem).
   *
   * @param container the container's name; empty for the pod's first container
   * @param command the program and its arguments
   * @return whether an exec of it would start a process
   * @throws BadRequestException when the container is not running
   */
  boolean canExec(String container, List<String> command);

  /**
   * The {@code /etc/resolv.conf} the kubelet wrote for the pod's sandbox.
   *
   * @return the file's nameservers, search domains and options
   * @throws BadRequestException when the pod has no sandbox yet
   */
  ResolvConf resolvConf();

  /**
   * Looks a host name's IPv4 address up as a program of the pod would through this C library's
   * resolver: its reading of the pod's {@code /etc/resolv.conf}, its walk of the search list, and
   * each of its queries sent as UDP packets to the nameserver (through kube-proxy's rules to a
   * CoreDNS pod). {@code /etc/hosts} is not read.
   *
   * @param host the name as a program would pass it ({@code kubia}, {@code kubia.default})
   * @param libc whose resolver looks it up
   * @return the names tried and how the look-up ended
   * @throws BadRequestException when the pod has no sandbox yet
   */
  NameResolution resolve(String host, Libc libc);

  /**
   * Sends one query (recursion desired) for a fully qualified name from the pod's network
   * namespace to the cluster DNS Service's address, as UDP packets: kube-proxy's rules on the pod's
   * node DNAT it to a CoreDNS pod, whose answer comes back through conntrack.
   *
   * @param name the fully qualified name ({@code kubia.default.svc.cluster.local.})
   * @param type the record type ({@code A}, {@code AAAA}, {@code SRV}, {@code PTR}, ...)
   * @return the response, or empty when none came back (lost, refused, or no DNS Service)
   */
  Optional<DnsResponse> queryDns(String name, String type);
}
