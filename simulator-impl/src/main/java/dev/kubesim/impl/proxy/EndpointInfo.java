package dev.kubesim.impl.proxy;

import java.util.Objects;

/**
 * One endpoint of a service port as kube-proxy sees it ({@code proxy.BaseEndpointInfo}): the
 * first address of an EndpointSlice endpoint, the slice port, whether it is on this node, and its
 * conditions ({@code ready} and {@code serving} default to true, {@code terminating} to false).
 */
public record EndpointInfo(String ip, int port, boolean local, boolean ready, boolean serving, boolean terminating) {
  public EndpointInfo {
    Objects.requireNonNull(ip, "ip");
  }

  /** {@code ip:port}, the form in DNAT rules, comments and KUBE-SEP hash inputs. */
  @Override
  public String toString() {
    return ip + ":" + port;
  }
}
