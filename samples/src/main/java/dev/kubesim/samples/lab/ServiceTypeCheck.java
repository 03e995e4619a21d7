package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.ServiceView;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code service NS/NAME is TYPE [PORTS]}: the Service's kind and ports as {@code kubectl get svc}
 * shows them: TYPE is its TYPE column ({@code ClusterIP}, {@code NodePort}, {@code LoadBalancer},
 * {@code ExternalName}), or {@code headless} for a ClusterIP Service whose cluster IP is {@code
 * None}; PORTS, when given, its PORT(S) column ({@code 80:30123/TCP}, several joined by commas).
 * Unlike the endpoint checks, it holds whether or not pods are behind the Service.
 */
record ServiceTypeCheck(String text, String namespace, String name, String type, Optional<String> ports)
    implements LabCheck {
  static final String FORM = "service NS/NAME is ClusterIP|NodePort|LoadBalancer|ExternalName|headless [PORTS]";
  private static final String HEADLESS = "headless";
  private static final Pattern SYNTAX = Pattern.compile(
      "service ([^/\\s]+)/(\\S+) is (ClusterIP|NodePort|LoadBalancer|ExternalName|" + HEADLESS + ")(?: (\\S+))?");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new ServiceTypeCheck(text, m.group(1), m.group(2), m.group(3), Optional.ofNullable(m.group(4))))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    ServiceView svc;
    try {
      svc = context.cluster().service(namespace, name);
    } catch (KubeSimException e) {
      return CheckResult.of(this, false, "no service " + namespace + "/" + name);
    }
    String actualType = svc.type().equals("ClusterIP") && svc.clusterIP().equals("None") ? HEADLESS : svc.type();
    String actualPorts = portsColumn(svc);
    boolean holds = actualType.equals(type) && ports.map(actualPorts::equals).orElse(true);
    return CheckResult.of(this, holds, actualType + (actualPorts.isEmpty() ? "" : " " + actualPorts));
  }

  /** The PORT(S) column of {@code kubectl get svc}: {@code port[:nodePort]/protocol}, in spec order. */
  private static String portsColumn(ServiceView svc) {
    return svc.ports().stream()
        .map(p -> p.port() + (p.nodePort() == 0 ? "" : ":" + p.nodePort()) + "/" + p.protocol())
        .collect(Collectors.joining(","));
  }
}
