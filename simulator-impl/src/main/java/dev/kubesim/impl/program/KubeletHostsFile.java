package dev.kubesim.impl.program;

import dev.kubesim.api.model.HostAlias;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /etc/hosts} the kubelet writes for a pod that does not use the host network
 * ({@code managedHostsFileContent} in {@code pkg/kubelet/kubelet_pods.go}): a header, the localhost
 * lines, one line per pod IP with the hostname (and FQDN when the pod has a subdomain), then the
 * pod's {@code hostAliases}.
 */
public final class KubeletHostsFile {
  private KubeletHostsFile() {}

  /**
   * @param podIps the pod's IPs, in {@code status.podIPs} order
   * @param hostname the pod's hostname
   * @param hostDomain the domain for the FQDN line ({@code subdomain.namespace.svc.cluster.local}),
   *     empty when the pod has no subdomain
   */
  public static String content(
      List<String> podIps, String hostname, Optional<String> hostDomain, List<HostAlias> aliases) {
    StringBuilder b = new StringBuilder();
    b.append("# Kubernetes-managed hosts file.\n");
    b.append("127.0.0.1\tlocalhost\n");
    b.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
    b.append("fe00::0\tip6-localnet\n");
    b.append("fe00::0\tip6-mcastprefix\n");
    b.append("fe00::1\tip6-allnodes\n");
    b.append("fe00::2\tip6-allrouters\n");
    for (String ip : podIps) {
      if (hostDomain.isPresent() && !hostDomain.get().isEmpty()) {
        b.append(ip).append('\t').append(hostname).append('.').append(hostDomain.get())
            .append('\t').append(hostname).append('\n');
      } else {
        b.append(ip).append('\t').append(hostname).append('\n');
      }
    }
    if (!aliases.isEmpty()) {
      b.append("\n# Entries added by HostAliases.\n");
      for (HostAlias alias : aliases) {
        b.append(alias.ip().orElse("")).append('\t')
            .append(String.join("\t", alias.hostnames())).append('\n');
      }
    }
    return b.toString();
  }
}
