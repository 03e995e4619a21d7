package dev.kubesim.impl.kubelet;

import dev.kubesim.api.KubeSimException;

/**
 * What the API server answers when it proxies to the kubelet of a stopped node ({@code exec},
 * {@code logs}): its dial to the kubelet's port 10250 fails, and the error carries no reason, so
 * kubectl prints {@code Error from server: ...}. kubesim's nodes share one flat network, where a
 * host that is down answers no ARP: {@code connect: no route to host}.
 */
public final class KubeletUnreachable {
  /** The kubelet's API port. */
  public static final int PORT = 10250;

  private KubeletUnreachable() {}

  /** The exec (or attach, port-forward) upgrade failing. */
  public static KubeSimException exec(Kubelet kubelet) {
    return new KubeSimException("", 500, "error dialing backend: " + dial(kubelet));
  }

  /** The log request failing. */
  public static KubeSimException logs(Kubelet kubelet, String namespace, String pod, String container) {
    return new KubeSimException("", 500, "Get \"https://" + kubelet.hostIP() + ":" + PORT + "/containerLogs/" + namespace + "/"
        + pod + "/" + container + "\": " + dial(kubelet));
  }

  private static String dial(Kubelet kubelet) {
    return "dial tcp " + kubelet.hostIP() + ":" + PORT + ": connect: no route to host";
  }
}
