package dev.kubesim.impl.proxy;

/** The two iptables tables kube-proxy writes. */
public enum Table {
  /** Address translation: DNAT to endpoints, masquerade marks. */
  NAT("nat"),
  /** Verdicts: REJECT, DROP, ACCEPT. */
  FILTER("filter");

  private final String iptablesName;

  Table(String iptablesName) {
    this.iptablesName = iptablesName;
  }

  /** {@code nat} or {@code filter}, as {@code -t} and {@code iptables-save} name them. */
  public String iptablesName() {
    return iptablesName;
  }
}
