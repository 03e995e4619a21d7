package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.IpProtocol;

/** (protocol, port): how kube-proxy finds the rules of a nodePort or health-check nodePort, hashed. */
record PortKey(IpProtocol protocol, int port) {
  /** {@code tcp . 3001}, as an nftables map element's key. */
  String nftText() {
    return protocol.lower() + " . " + port;
  }
}
