package dev.kubesim.impl.program;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** A runtime on a hand-driven virtual clock, and containers started on it. */
final class Fixture {
  static final String RESOLV_CONF = "search default.svc.cluster.local svc.cluster.local "
      + "cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n";

  final AtomicLong nanos = new AtomicLong();
  final ContainerRuntime runtime = ContainerRuntime.withBuiltins(nanos::get);

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  static ContainerPort port(int number) {
    return new ContainerPort(Optional.empty(), Optional.empty(), Optional.of(number),
        Optional.empty(), Optional.empty());
  }

  static Container container(String image, UnaryOperator<Container.Builder> spec) {
    return spec.apply(Container.builder().name("main").image(image)).build();
  }

  RunningContainer start(String image) {
    return start(image, b -> b);
  }

  RunningContainer start(String image, UnaryOperator<Container.Builder> spec) {
    return start("kubia-x7k2p", image, spec, Map.of());
  }

  RunningContainer start(String pod, String image, UnaryOperator<Container.Builder> spec,
      Map<String, String> env) {
    Map<String, String> kubeletEnv = new LinkedHashMap<>();
    kubeletEnv.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    kubeletEnv.put("KUBERNETES_SERVICE_PORT", "443");
    kubeletEnv.putAll(env);
    return runtime.start(ContainerConfig.builder(pod, "default", container(image, spec))
        .podIp("10.244.1.5")
        .env(kubeletEnv)
        .resolvConf(RESOLV_CONF)
        .build());
  }

  static List<String> argv(String... words) {
    return new ArrayList<>(List.of(words));
  }
}
