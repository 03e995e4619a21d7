package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl cluster-info}: the control plane's address and the proxy URL of every
 * {@code kube-system} Service labelled {@code kubernetes.io/cluster-service=true} (CoreDNS on a
 * kubeadm cluster).
 */
final class ClusterInfoCommand implements Command {
  @Override
  public String name() {
    return "cluster-info";
  }

  @Override
  public List<Flag> flags() {
    return List.of();
  }

  @Override
  public void run(CommandContext ctx) {
    if (!ctx.args().positional().isEmpty()) {
      throw KubectlException.error("kubectl cluster-info " + ctx.args().positional().get(0) + " is not supported by this simulator yet");
    }
    String server = "https://" + ctx.cluster().options().nodes().get(0).internalIP() + ":" + ctx.cluster().apiServerPort();
    StringBuilder sb = new StringBuilder();
    sb.append("Kubernetes control plane is running at ").append(server).append('\n');
    for (KubeObject o : ctx.api().list("Service", Optional.of("kube-system"))) {
      Service svc = (Service) o;
      if (!"true".equals(svc.metadata().labels().get("kubernetes.io/cluster-service"))) {
        continue;
      }
      String name = svc.metadata().labels().getOrDefault("kubernetes.io/name", svc.metadata().nameOrEmpty());
      String link = svc.metadata().nameOrEmpty();
      List<ServicePort> ports = svc.specOrEmpty().ports();
      if (!ports.isEmpty() && ports.get(0).name().filter(n -> !n.isEmpty()).isPresent()) {
        link = link + ":" + ports.get(0).name().get();
      }
      sb.append(name).append(" is running at ").append(server).append("/api/v1/namespaces/kube-system/services/")
          .append(link).append("/proxy\n");
    }
    sb.append("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    ctx.out().out(sb.toString());
  }
}
