package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.ServicePortName;

/**
 * An element kube-proxy adds to one of its verdict maps for a service port: {@code 172.30.0.41 .
 * tcp . 80 : goto service-…} in {@code service-ips}, {@code tcp . 3001 comment "ns/svc:p" : goto
 * reject-chain} in {@code no-endpoint-nodeports}.
 *
 * @param map the map's name
 * @param key a {@link DestinationKey} or a {@link PortKey}
 * @param verdict a {@link NftStatement.Goto}, {@link NftStatement.Drop} or {@link NftStatement.Reject}
 * @param comment the element's comment, or {@code null}
 * @param owner the service port
 * @param entry how a trace names the way in ({@code ns/svc:p cluster IP}, {@code ns/svc:p node port 3001})
 */
record NftElement(String map, Object key, NftStatement verdict, String comment, ServicePortName owner, String entry) {
  /** The key as nft writes it. */
  String keyText() {
    return key instanceof DestinationKey d ? d.nftText() : ((PortKey) key).nftText();
  }

  /** {@code KEY [comment "…"] : VERDICT}. */
  String text() {
    return keyText() + (comment == null ? "" : " comment \"" + comment + "\"") + " : " + verdict.text();
  }
}
