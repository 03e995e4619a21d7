package dev.kubesim.impl.net;

/** The transport a packet carries. */
public enum IpProtocol {
  TCP,
  UDP,
  ICMP,
  SCTP
}
