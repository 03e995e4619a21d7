package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...}: the pod the argument names (a Service's,
 * Deployment's... first pod, as {@code exec} picks it), a Service's ports translated to the
 * container ports they target, and a listener on the terminal host's local port per pair that
 * forwards each connection to the pod through the kubelet. kubectl then runs until interrupted:
 * typed at the terminal it holds it (Ctrl-C ends it), and with {@code &} it forwards in the
 * background while later lines run ({@code curl localhost:8080}).
 */
final class PortForwardCommand implements Command {
  /** Where the ports kubectl takes for {@code :REMOTE} begin, counting up as the kernel's ephemeral ports do. */
  private static final int FIRST_EPHEMERAL = 38_000;

  @Override
  public String name() {
    return "port-forward";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("address"), Flag.value("pod-running-timeout"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> args = ctx.args().positional();
    if (args.size() < 2) {
      throw KubectlException.usage("TYPE/NAME and list of ports are required for port-forward", "port-forward");
    }
    Pod pod = PodTarget.resolve(ctx, args.get(0));
    Optional<Service> service = service(ctx, args.get(0));
    List<int[]> pairs = new ArrayList<>();
    for (String spec : args.subList(1, args.size())) {
      pairs.add(pair(spec, service, pod));
    }
    String phase = PodStates.phase(pod);
    if (!phase.equals("Running")) {
      throw KubectlException.error("unable to forward port because pod is not running. Current status=" + phase);
    }
    String address = ctx.args().string("address").orElse("localhost");
    List<Runnable> stops = new ArrayList<>();
    StringBuilder said = new StringBuilder();
    int ephemeral = FIRST_EPHEMERAL;
    for (int[] p : pairs) {
      int local = p[0];
      Optional<Runnable> stop;
      if (local == 0) {
        do {
          local = ephemeral++;
          stop = ctx.cluster().forwardFromHost(pod, local, p[1]);
        } while (stop.isEmpty());
      } else {
        stop = ctx.cluster().forwardFromHost(pod, local, p[1]);
      }
      if (stop.isEmpty()) {
        stops.forEach(Runnable::run);
        // portforward.go: each address's listener error, then the ports none of which could listen
        List<String> errors = new ArrayList<>();
        for (String listen : listenAddresses(address)) {
          errors.add("unable to create listener: Error listen " + (listen.startsWith("[") ? "tcp6 " : "tcp4 ") + listen + ":"
              + local + ": bind: address already in use");
        }
        ctx.out().err("Unable to listen on port " + local + ": Listeners failed to create with the following errors: ["
            + String.join(" ", errors) + "]\n");
        throw KubectlException.error("unable to listen on any of the requested ports: [{" + p[0] + " " + p[1] + "}]");
      }
      stops.add(stop.get());
      for (String listen : listenAddresses(address)) {
        said.append("Forwarding from ").append(listen).append(':').append(local).append(" -> ").append(p[1]).append('\n');
      }
    }
    ctx.out().out(said.toString());
    ctx.out().hold(() -> stops.forEach(Runnable::run));
  }

  private static List<String> listenAddresses(String address) {
    List<String> out = new ArrayList<>();
    for (String a : address.split(",")) {
      switch (a.strip()) {
        case "localhost" -> {
          out.add("127.0.0.1");
          out.add("[::1]");
        }
        default -> out.add(a.strip());
      }
    }
    return out;
  }

  private static Optional<Service> service(CommandContext ctx, String argument) {
    int slash = argument.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String type = argument.substring(0, slash);
    boolean isService = ResourceTypes.resolve(ctx.api().kinds(), type).filter(k -> k.kind().equals(Service.KIND)).isPresent();
    return isService
        ? ctx.api().get(Service.KIND, ctx.namespace(), argument.substring(slash + 1)).map(Service.class::cast)
        : Optional.empty();
  }

  /** {@code [LOCAL:]REMOTE} as the pod's local and container ports (0 for a local port to pick). */
  private static int[] pair(String spec, Optional<Service> service, Pod pod) {
    int colon = spec.indexOf(':');
    String local = colon < 0 ? spec : spec.substring(0, colon);
    String given = local; // as typed, for the parse error
    String remote = colon < 0 ? spec : spec.substring(colon + 1);
    int remoteNumber;
    if (service.isPresent()) {
      Service svc = service.get();
      int servicePort = number(remote).orElseGet(() -> svc.specOrEmpty().ports().stream()
          .filter(p -> p.name().filter(remote::equals).isPresent())
          .map(p -> p.port().orElse(0)).findFirst()
          .orElseThrow(() -> KubectlException.error("Service '" + svc.metadata().nameOrEmpty()
              + "' does not have a named port '" + remote + "'")));
      if (local.equals(remote)) {
        local = Integer.toString(servicePort);
      }
      remoteNumber = targetPort(svc, servicePort, pod);
    } else {
      remoteNumber = number(remote).orElseGet(() -> namedPort(pod, remote));
      if (local.equals(remote)) {
        local = Integer.toString(remoteNumber);
      }
    }
    int localNumber = local.isEmpty() ? 0 : number(local).orElseThrow(() -> KubectlException.error(
        "Error parsing local port '" + given + "': strconv.ParseUint: parsing \"" + given + "\": invalid syntax"));
    return new int[] {localNumber, remoteNumber};
  }

  private static int targetPort(Service svc, int servicePort, Pod pod) {
    ServicePort port = svc.specOrEmpty().ports().stream()
        .filter(p -> p.port().orElse(0) == servicePort)
        .findFirst()
        .orElseThrow(() -> KubectlException.error("Service " + svc.metadata().nameOrEmpty()
            + " does not have a service port " + servicePort));
    Optional<IntOrString> target = port.targetPort();
    if (target.isEmpty() || (target.get().isInt() && target.get().intValue().orElse(0) == 0)) {
      return servicePort;
    }
    return target.get().isInt() ? target.get().intValue().getAsInt() : namedPort(pod, target.get().stringValue());
  }

  private static int namedPort(Pod pod, String name) {
    for (Container c : pod.specOrEmpty().containers()) {
      for (ContainerPort p : c.ports()) {
        if (p.name().filter(name::equals).isPresent() && p.containerPort().isPresent()) {
          return p.containerPort().get();
        }
      }
    }
    throw KubectlException.error("Pod '" + pod.metadata().nameOrEmpty() + "' does not have a named port '" + name + "'");
  }

  private static Optional<Integer> number(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(text));
  }
}
