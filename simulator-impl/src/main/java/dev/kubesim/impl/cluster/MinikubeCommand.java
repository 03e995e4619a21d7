package dev.kubesim.impl.cluster;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code minikube} on the terminal's host, for the two subcommands tutorials script with: {@code
 * minikube ip} (the first node's address, which kubesim's nodes share with minikube's docker
 * network) and {@code minikube service NAME --url [-n NS]} (a NodePort or LoadBalancer Service's
 * node URLs). Anything else says it is not simulated.
 */
final class MinikubeCommand implements Command {
  private final ApiServer api;
  private final ClusterOptions options;

  MinikubeCommand(ApiServer api, ClusterOptions options) {
    this.api = api;
    this.options = options;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String ip = options.nodes().get(0).internalIP();
    if (args.size() == 1 && args.get(0).equals("ip")) {
      return ExecResult.ok(ip + "\n");
    }
    if (!args.isEmpty() && args.get(0).equals("service") && args.contains("--url")) {
      return serviceUrls(args.subList(1, args.size()), ip);
    }
    return ExecResult.failure(1, "kubesim: minikube " + String.join(" ", args)
        + ": only \"minikube ip\" and \"minikube service NAME --url\" are simulated\n");
  }

  private ExecResult serviceUrls(List<String> args, String ip) {
    String namespace = "default";
    String name = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("-n") || a.equals("--namespace")) && i + 1 < args.size()) {
        namespace = args.get(++i);
      } else if (a.startsWith("--namespace=")) {
        namespace = a.substring("--namespace=".length());
      } else if (!a.startsWith("-")) {
        name = a;
      }
    }
    if (name == null) {
      return ExecResult.failure(1, "❌  Exiting due to MK_USAGE: You must specify service name(s) or --all\n");
    }
    Optional<Service> svc = api.get(Service.KIND, namespace, name).map(Service.class::cast);
    if (svc.isEmpty()) {
      return ExecResult.failure(1, "\n❌  Exiting due to SVC_NOT_FOUND: Service '" + name + "' was not found in '"
          + namespace + "' namespace.\nYou may select another namespace by using 'minikube service " + name
          + " -n <namespace>'. Or list out all the services using 'minikube service list'\n\n");
    }
    List<String> urls = new ArrayList<>();
    for (ServicePort p : svc.get().specOrEmpty().ports()) {
      p.nodePort().ifPresent(port -> urls.add("http://" + ip + ":" + port));
    }
    if (urls.isEmpty()) {
      return ExecResult.failure(89, "😿  service " + namespace + "/" + name + " has no node port\n");
    }
    return ExecResult.ok(String.join("\n", urls) + "\n");
  }
}
