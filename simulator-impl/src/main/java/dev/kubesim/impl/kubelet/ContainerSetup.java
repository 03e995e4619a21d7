package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the kubelet gives a container besides its image: the environment (the container's own
 * variables, {@code $(VAR)} references expanded as the kubelet does) and {@code /etc/resolv.conf}
 * (the ClusterFirst file: the cluster DNS, the namespace's search path, {@code ndots:5}).
 */
public class ContainerSetup {
  private final String clusterDomain;
  private final String dnsServiceIP;

  public ContainerSetup(String clusterDomain, String dnsServiceIP) {
    this.clusterDomain = clusterDomain;
    this.dnsServiceIP = dnsServiceIP;
  }

  /** The container's environment, in the order it declares its variables. */
  public Map<String, String> env(Pod pod, Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar v : container.env()) {
      String name = v.name().orElse("");
      env.put(name, expand(v.value().orElse(""), env));
    }
    return env;
  }

  /**
   * {@code $(VAR)} expansion (third_party/forked/golang/expansion): a defined variable is
   * replaced, an undefined reference stays as written, {@code $$} escapes a dollar.
   */
  static String expand(String value, Map<String, String> defined) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length()) {
        char next = value.charAt(i + 1);
        if (next == '$') {
          out.append('$');
          i++;
          continue;
        }
        if (next == '(') {
          int close = value.indexOf(')', i + 2);
          if (close > 0) {
            String name = value.substring(i + 2, close);
            if (defined.containsKey(name)) {
              out.append(defined.get(name));
            } else {
              out.append(value, i, close + 1);
            }
            i = close;
            continue;
          }
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The pod's {@code /etc/resolv.conf}. */
  public String resolvConf(Pod pod) {
    String ns = pod.metadata().namespace().orElse("default");
    return "search " + ns + ".svc." + clusterDomain + " svc." + clusterDomain + " " + clusterDomain + "\n"
        + "nameserver " + dnsServiceIP + "\n"
        + "options ndots:5\n";
  }
}
