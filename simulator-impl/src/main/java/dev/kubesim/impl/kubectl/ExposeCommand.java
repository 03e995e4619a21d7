package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl expose}: a Service for a pod, Service, ReplicationController, ReplicaSet or
 * Deployment. The selector is the pod's labels or the controller's (map-based) selector, the
 * ports those of the containers (or of the exposed Service) unless {@code --port} is given, each
 * targeting itself unless {@code --target-port} is given; several ports are named {@code port-1},
 * {@code port-2}, ...; the Service carries the exposed object's labels.
 */
final class ExposeCommand implements Command {
  @Override
  public String name() {
    return "expose";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("port"),
        Flag.value("target-port"),
        Flag.value("name"),
        Flag.value("type"),
        Flag.value("protocol"),
        Flag.value("selector"),
        Flag.value("labels", "l"),
        Flag.value("external-ip"),
        Flag.value("cluster-ip"),
        Flag.value("session-affinity"),
        Flag.value("load-balancer-ip"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests =
        ManifestInput.requests(ctx, args.positional(), false, null, failures);
    if (requests.isEmpty() && failures.isEmpty()) {
      throw KubectlException.raw(
          "error: You must provide one or more resources by argument or filename.\n"
              + "Example resource specifications include:\n"
              + "   '-f rsrc.yaml'\n"
              + "   '--filename=rsrc.json'\n"
              + "   '<resource> <name>'\n"
              + "   '<resource>'");
    }
    ObjectQuery query = new ObjectQuery(ctx.api(), ctx.namespace(), false, Optional.empty());
    for (ResourceArgs.Request r : requests) {
      if (r.names().isEmpty()) {
        throw KubectlException.error("resource(s) were provided, but no name was specified");
      }
      for (KubeObject o : query.fetch(r, failures).objects()) {
        try {
          Service svc = ctx.api().create(service(ctx, args, o));
          ctx.out().out("service/" + svc.metadata().nameOrEmpty() + " exposed\n");
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        } catch (KubectlException e) {
          failures.add(Failure.client(e.getMessage()));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  private static Service service(CommandContext ctx, ParsedArgs args, KubeObject o) {
    Map<String, String> selector = args.string("selector").map(ExposeCommand::parsePairs).orElseGet(() -> selectorOf(o));
    List<String[]> ports = new ArrayList<>(); // {port, protocol}
    if (args.string("port").isPresent()) {
      String protocol = args.string("protocol").orElse(protocolsOf(o).getOrDefault(args.string("port").get(), "TCP"));
      ports.add(new String[] {args.string("port").get(), protocol});
    } else {
      Map<String, String> found = protocolsOf(o);
      if (found.isEmpty() && !"None".equals(args.string("cluster-ip").orElse(""))) {
        throw KubectlException.error("couldn't find port via --port flag or introspection");
      }
      found.forEach((p, proto) -> ports.add(new String[] {p, args.string("protocol").orElse(proto)}));
    }
    Optional<IntOrString> target = args.string("target-port").map(t -> t.matches("[0-9]+") ? IntOrString.of(Integer.parseInt(t)) : IntOrString.of(t));
    List<ServicePort> servicePorts = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      int port;
      try {
        port = Integer.parseInt(ports.get(i)[0]);
      } catch (NumberFormatException e) {
        throw KubectlException.error("strconv.Atoi: parsing \"" + ports.get(i)[0] + "\": invalid syntax");
      }
      String name = ports.size() > 1 ? "port-" + (i + 1) : null;
      servicePorts.add(new ServicePort(Optional.ofNullable(name), Optional.of(ports.get(i)[1]), Optional.empty(),
          Optional.of(port), Optional.of(target.orElse(IntOrString.of(port))), Optional.empty()));
    }
    Map<String, String> labels = args.string("labels").map(ExposeCommand::parsePairs).orElse(o.metadata().labels());
    String name = args.string("name").orElse(o.metadata().nameOrEmpty());
    ServiceSpec.Builder spec = ServiceSpec.builder().selector(selector).ports(servicePorts);
    args.string("type").ifPresent(spec::type);
    args.string("session-affinity").ifPresent(spec::sessionAffinity);
    args.string("cluster-ip").ifPresent(spec::clusterIP);
    args.string("load-balancer-ip").ifPresent(spec::loadBalancerIP);
    args.string("external-ip").ifPresent(ips -> spec.externalIPs(List.of(ips.split(","))));
    ObjectMeta meta = ObjectMeta.builder().name(name).namespace(o.metadata().namespace().orElse(ctx.namespace())).labels(labels).build();
    return Service.of(meta, spec.build());
  }

  /** {@code MapBasedSelectorForObject}. */
  private static Map<String, String> selectorOf(KubeObject o) {
    if (o instanceof Pod pod) {
      if (pod.metadata().labels().isEmpty()) {
        throw KubectlException.error("the pod has no labels and cannot be exposed");
      }
      return pod.metadata().labels();
    }
    if (o instanceof Service svc) {
      if (svc.specOrEmpty().selector().isEmpty()) {
        throw KubectlException.error("the service has no pod selector set");
      }
      return svc.specOrEmpty().selector();
    }
    if (o instanceof ReplicationController rc) {
      return rc.specOrEmpty().selector();
    }
    LabelSelector selector;
    if (o instanceof ReplicaSet rs) {
      selector = rs.specOrEmpty().selector().orElse(new LabelSelector(null, null));
    } else if (o instanceof Deployment d) {
      selector = d.specOrEmpty().selector().orElse(new LabelSelector(null, null));
    } else {
      throw KubectlException.error("cannot expose a " + o.kind());
    }
    if (!selector.matchExpressions().isEmpty()) {
      throw KubectlException.error("couldn't convert expressions - \"" + selector.matchExpressions() + "\" to map-based selector format");
    }
    return selector.matchLabels();
  }

  /** {@code PortsForObject} with {@code ProtocolsForObject}: port number to protocol, in order. */
  private static Map<String, String> protocolsOf(KubeObject o) {
    Map<String, String> ports = new LinkedHashMap<>();
    List<Container> containers = List.of();
    if (o instanceof Pod pod) {
      containers = pod.specOrEmpty().containers();
    } else if (o instanceof ReplicationController rc) {
      containers = rc.specOrEmpty().template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of());
    } else if (o instanceof ReplicaSet rs) {
      containers = rs.specOrEmpty().template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of());
    } else if (o instanceof Deployment d) {
      containers = d.specOrEmpty().template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of());
    } else if (o instanceof Service svc) {
      for (ServicePort p : svc.specOrEmpty().ports()) {
        ports.put(String.valueOf(p.port().orElse(0)), p.protocol().orElse("TCP"));
      }
      return ports;
    }
    for (Container c : containers) {
      for (ContainerPort p : c.ports()) {
        ports.put(String.valueOf(p.containerPort().orElse(0)), p.protocol().orElse("TCP"));
      }
    }
    return ports;
  }

  /** {@code key=value,key=value}. */
  private static Map<String, String> parsePairs(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw KubectlException.error("invalid label spec: " + part);
      }
      pairs.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return pairs;
  }
}
