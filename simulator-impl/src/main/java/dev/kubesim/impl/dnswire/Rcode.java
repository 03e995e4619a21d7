package dev.kubesim.impl.dnswire;

/** A DNS response code (RFC 1035 section 4.1.1), by the names dig prints. */
public enum Rcode {
  NOERROR,
  FORMERR,
  SERVFAIL,
  NXDOMAIN,
  NOTIMP,
  REFUSED
}
