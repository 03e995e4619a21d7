package dev.kubesim.impl.netpol;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.net.IpProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What policy enforcement needs of a pod on the pod network: its namespace, name and labels (for
 * selectors) and its named container ports (for named {@code ports}).
 */
record PodEntry(String namespace, String name, Map<String, String> labels, Map<String, Integer> namedPorts)
    implements NamedPorts {
  static PodEntry of(Pod pod) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<Container> containers = pod.spec().map(PodSpec::containers).orElse(List.of());
    for (Container c : containers) {
      for (ContainerPort p : c.ports()) {
        if (p.name().isPresent() && p.containerPort().isPresent()) {
          ports.putIfAbsent(key(p.name().get(), p.protocol().orElse("TCP")), p.containerPort().get());
        }
      }
    }
    return new PodEntry(pod.metadata().namespace().orElse(""), pod.metadata().nameOrEmpty(),
        ImmutableMap.copyOf(pod.metadata().labels()), ImmutableMap.copyOf(ports));
  }

  private static String key(String name, String protocol) {
    return name + "/" + protocol;
  }

  @Override
  public OptionalInt resolve(String name, IpProtocol protocol) {
    Integer port = namedPorts.get(key(name, protocol.name()));
    return port == null ? OptionalInt.empty() : OptionalInt.of(port);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
