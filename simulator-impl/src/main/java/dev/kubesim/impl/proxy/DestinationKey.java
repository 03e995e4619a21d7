package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;

/**
 * (destination, protocol, port): how kube-proxy finds the rules of a clusterIP, externalIP or
 * load-balancer IP, hashed.
 */
record DestinationKey(int address, IpProtocol protocol, int port) {
  /** {@code 172.30.0.41 . tcp . 80}, as an nftables map element's key. */
  String nftText() {
    return Ip4.format(address) + " . " + protocol.lower() + " . " + port;
  }
}
