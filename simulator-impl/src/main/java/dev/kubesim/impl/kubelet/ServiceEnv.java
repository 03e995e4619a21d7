package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Docker-link variables of Services ({@code pkg/kubelet/envvars FromServices} and the kubelet's
 * {@code getServiceEnvVarMap}): for every Service with a ClusterIP in the pod's namespace (when
 * {@code enableServiceLinks}) and always for {@code default/kubernetes} (a {@code kubernetes}
 * Service of the pod's own namespace takes its place), {@code <P>_SERVICE_HOST}, {@code
 * <P>_SERVICE_PORT}, {@code <P>_SERVICE_PORT_<NAME>} per named port, {@code <P>_PORT} and per port
 * {@code <P>_PORT_<port>_<PROTO>} with {@code _PROTO}, {@code _PORT} and {@code _ADDR}.
 *
 * <p>The kubelet gathers them in a Go map, so their real order is random; here Services come in
 * name order, each Service's variables in {@code FromServices}' order.
 */
public final class ServiceEnv {
  /** The master Services whose variables every pod gets. */
  static final String MASTER_NAMESPACE = "default";
  static final String MASTER_SERVICE = "kubernetes";

  private ServiceEnv() {}

  /**
   * The variables for a container of a pod in {@code namespace}, from the Services that exist now.
   * Reads the namespace's Services and {@code default/kubernetes}, nothing else.
   */
  public static Map<String, String> forNamespace(ApiServer api, String namespace, boolean enableServiceLinks) {
    Map<String, Service> byName = new TreeMap<>();
    api.get(Service.KIND, MASTER_NAMESPACE, MASTER_SERVICE)
        .map(Service.class::cast)
        .filter(ServiceEnv::hasClusterIP)
        .ifPresent(s -> byName.put(MASTER_SERVICE, s));
    if (enableServiceLinks) {
      for (KubeObject o : api.list(Service.KIND, Optional.of(namespace))) {
        Service s = (Service) o;
        if (hasClusterIP(s)) {
          byName.put(s.metadata().nameOrEmpty(), s); // the namespace's own kubernetes Service wins
        }
      }
    }
    return fromServices(new ArrayList<>(byName.values()));
  }

  /** {@code FromServices}: the variables of these Services, in this order. */
  public static Map<String, String> fromServices(List<Service> services) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Service s : services) {
      ServiceSpec spec = s.specOrEmpty();
      if (!hasClusterIP(s) || spec.ports().isEmpty()) {
        continue;
      }
      String ip = spec.clusterIP().orElse("");
      String prefix = variableName(s.metadata().nameOrEmpty());
      env.put(prefix + "_SERVICE_HOST", ip);
      env.put(prefix + "_SERVICE_PORT", String.valueOf(spec.ports().get(0).port().orElse(0)));
      for (ServicePort p : spec.ports()) {
        p.name().filter(n -> !n.isEmpty())
            .ifPresent(n -> env.put(prefix + "_SERVICE_PORT_" + variableName(n), String.valueOf(p.port().orElse(0))));
      }
      linkVariables(env, prefix, ip, spec.ports());
    }
    return env;
  }

  /** {@code makeLinkVariables}: Docker's {@code <P>_PORT} for the first port, then each port's four. */
  private static void linkVariables(Map<String, String> env, String prefix, String ip, List<ServicePort> ports) {
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      String protocol = p.protocol().filter(x -> !x.isEmpty()).orElse("TCP");
      int port = p.port().orElse(0);
      String url = protocol.toLowerCase(Locale.ROOT) + "://" + joinHostPort(ip, port);
      if (i == 0) {
        env.put(prefix + "_PORT", url);
      }
      String portPrefix = prefix + "_PORT_" + port + "_" + protocol.toUpperCase(Locale.ROOT);
      env.put(portPrefix, url);
      env.put(portPrefix + "_PROTO", protocol.toLowerCase(Locale.ROOT));
      env.put(portPrefix + "_PORT", String.valueOf(port));
      env.put(portPrefix + "_ADDR", ip);
    }
  }

  /** {@code net.JoinHostPort}: an IPv6 address goes in brackets. */
  private static String joinHostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code makeEnvVariableName}: upper case, {@code -} becomes {@code _}. */
  static String variableName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code IsServiceIPSet}: a ClusterIP that is neither empty nor {@code None}. */
  static boolean hasClusterIP(Service s) {
    String ip = s.specOrEmpty().clusterIP().orElse("");
    return !ip.isEmpty() && !ip.equals("None");
  }
}
