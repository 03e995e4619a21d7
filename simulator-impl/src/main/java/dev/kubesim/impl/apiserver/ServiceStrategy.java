package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Kinds;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.api.model.SessionAffinityConfig;
import dev.kubesim.impl.apiserver.registry.IpRules;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import dev.kubesim.impl.apiserver.validation.NameValidator;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services as kube-apiserver treats them: {@code SetDefaults_Service}, ClusterIP and nodePort
 * allocation before validation (an allocation error comes alone), {@code ValidateService}, and on
 * update the allocated values carried over when the new manifest leaves them out.
 */
public final class ServiceStrategy extends Strategy<Service> {
  private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");
  private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
  private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
  private static final List<String> FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
  private static final int DEFAULT_AFFINITY_TIMEOUT = 10800;
  private static final int MAX_AFFINITY_TIMEOUT = 86400;

  private final ServiceAllocation allocation;

  public ServiceStrategy(ServiceAllocation allocation) {
    super(Service.class);
    this.allocation = allocation;
  }

  @Override
  public NameValidator nameValidator() {
    return NameValidator.DNS1035_LABEL;
  }

  @Override
  public Service defaults(Service service) {
    ServiceSpec spec = service.specOrEmpty();
    ServiceSpec.Builder b = spec.toBuilder();
    String affinity = spec.sessionAffinity().filter(s -> !s.isEmpty()).orElse("None");
    b.sessionAffinity(affinity);
    if (spec.clusterIP().filter(String::isEmpty).isPresent()) {
      b.clusterIP(null); // an empty string is the field left out (omitempty)
    }
    if (affinity.equals("None")) {
      b.sessionAffinityConfig(null);
    } else if (affinity.equals("ClientIP")
        && spec.sessionAffinityConfig().flatMap(SessionAffinityConfig::clientIP).flatMap(c -> c.timeoutSeconds()).isEmpty()) {
      b.sessionAffinityConfig(
          new SessionAffinityConfig(Optional.of(new SessionAffinityConfig.ClientIPConfig(Optional.of(DEFAULT_AFFINITY_TIMEOUT)))));
    }
    String type = spec.type().filter(s -> !s.isEmpty()).orElse("ClusterIP");
    b.type(type);
    List<ServicePort> ports = new ArrayList<>();
    for (ServicePort p : spec.ports()) {
      ServicePort q = p;
      if (q.protocol().filter(s -> !s.isEmpty()).isEmpty()) {
        q = q.withProtocol("TCP");
      }
      boolean unsetTarget =
          q.targetPort().isEmpty()
              || q.targetPort().get().equals(IntOrString.of(0))
              || q.targetPort().get().equals(IntOrString.of(""));
      if (unsetTarget) {
        q = q.withTargetPort(IntOrString.of(q.port().orElse(0)));
      }
      ports.add(q);
    }
    b.ports(ports);
    if (externallyAccessible(type, spec) && spec.externalTrafficPolicy().filter(s -> !s.isEmpty()).isEmpty()) {
      b.externalTrafficPolicy("Cluster");
    }
    if (spec.internalTrafficPolicy().isEmpty() && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
      b.internalTrafficPolicy("Cluster");
    }
    if (type.equals("LoadBalancer") && spec.allocateLoadBalancerNodePorts().isEmpty()) {
      b.allocateLoadBalancerNodePorts(true);
    }
    // The registry keeps clusterIP and clusterIPs[0] in step (PrepareForCreate's normalisation).
    if (spec.clusterIP().filter(s -> !s.isEmpty()).isPresent() && spec.clusterIPs().isEmpty()) {
      b.clusterIPs(List.of(spec.clusterIP().get()));
    } else if (spec.clusterIP().filter(s -> !s.isEmpty()).isEmpty() && !spec.clusterIPs().isEmpty()) {
      b.clusterIP(spec.clusterIPs().get(0));
    }
    return service.withSpec(b.build()).withStatus(service.status().orElse(null));
  }

  static boolean externallyAccessible(String type, ServiceSpec spec) {
    return type.equals("LoadBalancer") || type.equals("NodePort") || (type.equals("ClusterIP") && !spec.externalIPs().isEmpty());
  }

  /** PrepareForCreate: the status starts empty, which the API shows as {@code loadBalancer: {}}. */
  @Override
  public Service admit(Service service, ApiServer api) {
    return service.withStatus(new ServiceStatus(Optional.of(new ServiceStatus.LoadBalancerStatus(List.of()))));
  }

  @Override
  public Allocation<Service> allocate(Service service, Optional<Service> old) {
    return allocation.allocate(service, old);
  }

  @Override
  public void release(Service service) {
    allocation.release(service);
  }

  @Override
  public Service prepareForUpdate(Service service, Service old) {
    service = TypeDependentFields.drop(service.withStatus(old.status().orElse(null)), old);
    ServiceSpec spec = service.specOrEmpty();
    ServiceSpec was = old.specOrEmpty();
    ServiceSpec.Builder b = spec.toBuilder();
    boolean sameFamilyOfTypes = !spec.typeOrDefault().equals("ExternalName") && !was.typeOrDefault().equals("ExternalName");
    if (sameFamilyOfTypes && spec.clusterIP().isEmpty() && spec.clusterIPs().isEmpty()) {
      b.clusterIP(was.clusterIP().orElse(null)).clusterIPs(was.clusterIPs());
    }
    if (sameFamilyOfTypes && spec.ipFamilies().isEmpty()) {
      b.ipFamilies(was.ipFamilies());
    }
    if (sameFamilyOfTypes && spec.ipFamilyPolicy().isEmpty()) {
      was.ipFamilyPolicy().ifPresent(b::ipFamilyPolicy);
    }
    if (needsNodePorts(spec)) {
      List<ServicePort> ports = new ArrayList<>();
      for (ServicePort p : spec.ports()) {
        ServicePort q = p;
        if (p.nodePort().isEmpty()) {
          for (ServicePort o : was.ports()) {
            if (o.port().equals(p.port()) && o.protocol().equals(p.protocol()) && o.nodePort().isPresent()) {
              q = p.withNodePort(o.nodePort().get());
            }
          }
        }
        ports.add(q);
      }
      b.ports(ports);
    }
    if (spec.healthCheckNodePort().isEmpty() && needsHealthCheck(spec)) {
      was.healthCheckNodePort().ifPresent(b::healthCheckNodePort);
    }
    return service.withSpec(b.build());
  }

  static boolean needsNodePorts(ServiceSpec spec) {
    String type = spec.typeOrDefault();
    return type.equals("NodePort") || (type.equals("LoadBalancer") && spec.allocateLoadBalancerNodePorts().orElse(true));
  }

  static boolean needsHealthCheck(ServiceSpec spec) {
    return spec.typeOrDefault().equals("LoadBalancer") && spec.externalTrafficPolicy().filter("Local"::equals).isPresent();
  }

  /** {@code ValidateServiceUpdate}: what may not change comes first, then the create rules. */
  @Override
  public List<FieldError> validateUpdate(Service service, Service old) {
    List<FieldError> errors = new ArrayList<>(validateImmutable(service, old));
    errors.addAll(validate(service));
    if (service.specOrEmpty().loadBalancerIP().equals(old.specOrEmpty().loadBalancerIP())) {
      // an address stored before it was validated may stay as it is (ratcheting)
      errors.removeIf(e -> e.field().equals("spec.loadBalancerIP"));
    }
    return errors;
  }

  @Override
  protected List<FieldError> validateImmutable(Service service, Service old) {
    ServiceSpec spec = service.specOrEmpty();
    ServiceSpec was = old.specOrEmpty();
    List<FieldError> errors = new ArrayList<>();
    boolean fromOrToExternalName = spec.typeOrDefault().equals("ExternalName") || was.typeOrDefault().equals("ExternalName");
    if (was.typeOrDefault().equals("LoadBalancer") && spec.typeOrDefault().equals("LoadBalancer")
        && !was.loadBalancerClass().equals(spec.loadBalancerClass())) {
      // validateLoadBalancerClassField: the class picks the controller, so it is fixed for a LoadBalancer's life.
      errors.add(FieldError.invalid(FieldPath.root("spec", "loadBalancerClass"), spec.loadBalancerClass().orElse(null),
          "may not change once set"));
    }
    if (needsHealthCheck(was) && needsHealthCheck(spec) && !was.healthCheckNodePort().equals(spec.healthCheckNodePort())) {
      // validateServiceExternalTrafficFieldsUpdate: kept while the Service needs one.
      errors.add(FieldError.forbidden(FieldPath.root("spec", "healthCheckNodePort"), "field is immutable"));
    }
    if (!fromOrToExternalName && !(spec.isHeadless() && was.isHeadless())) {
      // validateUpgradeDowngradeClusterIPs: each kept address must stay; the error shows the whole new list.
      int kept = Math.min(was.clusterIPs().size(), spec.clusterIPs().size());
      for (int i = 0; i < kept; i++) {
        if (!was.clusterIPs().get(i).equals(spec.clusterIPs().get(i))) {
          errors.add(FieldError.invalid(FieldPath.root("spec", "clusterIPs").index(i), spec.clusterIPs(), "may not change once set"));
        }
      }
    }
    return errors;
  }

  @Override
  public List<FieldError> validate(Service service) {
    ServiceSpec spec = service.specOrEmpty();
    FieldPath specPath = FieldPath.root("spec");
    List<FieldError> errors = new ArrayList<>();
    String type = spec.type().orElse("");
    boolean headless = spec.isHeadless();
    if (spec.ports().isEmpty() && !headless && !type.equals("ExternalName")) {
      errors.add(FieldError.required(specPath.child("ports"), ""));
    }
    switch (type) {
      case "LoadBalancer", "NodePort" -> {
        if (headless) {
          errors.add(FieldError.invalid(specPath.child("clusterIPs").index(0), spec.clusterIPs().isEmpty() ? "None" : spec.clusterIPs().get(0),
              "may not be set to 'None' for " + type + " services"));
        }
      }
      case "ExternalName" -> {
        if (!spec.clusterIPs().isEmpty()) {
          errors.add(FieldError.forbidden(specPath.child("clusterIPs"), "may not be set for ExternalName services"));
        }
        if (!spec.ipFamilies().isEmpty()) {
          errors.add(FieldError.forbidden(specPath.child("ipFamilies"), "may not be set for ExternalName services"));
        }
        if (spec.ipFamilyPolicy().isPresent()) {
          errors.add(FieldError.forbidden(specPath.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
        }
        String cname = spec.externalName().orElse("");
        if (cname.endsWith(".")) {
          cname = cname.substring(0, cname.length() - 1);
        }
        if (cname.isEmpty()) {
          errors.add(FieldError.required(specPath.child("externalName"), ""));
        } else {
          errors.addAll(FieldError.invalidEach(specPath.child("externalName"), cname, DnsNames.isDNS1123Subdomain(cname)));
        }
      }
      default -> {}
    }
    Set<String> portNames = new HashSet<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      errors.addAll(validatePort(spec.ports().get(i), spec.ports().size() > 1, portNames, specPath.child("ports").index(i)));
    }
    errors.addAll(MetadataValidation.validateLabels(spec.selector(), specPath.child("selector")));
    String affinity = spec.sessionAffinity().orElse("");
    if (affinity.isEmpty()) {
      errors.add(FieldError.required(specPath.child("sessionAffinity"), ""));
    } else if (!AFFINITIES.contains(affinity)) {
      errors.add(FieldError.notSupported(specPath.child("sessionAffinity"), affinity, AFFINITIES));
    }
    if (affinity.equals("ClientIP")) {
      errors.addAll(validateClientIPConfig(spec.sessionAffinityConfig(), specPath.child("sessionAffinityConfig")));
    } else if (affinity.equals("None") && spec.sessionAffinityConfig().isPresent()) {
      errors.add(FieldError.forbidden(specPath.child("sessionAffinityConfig"), "must not be set when session affinity is None"));
    }
    errors.addAll(validateClusterIPs(spec, type));
    for (int i = 0; i < spec.externalIPs().size(); i++) {
      String ip = spec.externalIPs().get(i);
      FieldPath ipPath = specPath.child("externalIPs").index(i);
      List<String> syntax = IpSyntax.isValidIP(ip);
      // Well-formed addresses must not be special (ValidateNonSpecialIP), as for endpoints.
      errors.addAll(syntax.isEmpty() ? IpRules.validateEndpointIp(ip, ipPath) : FieldError.invalidEach(ipPath, ip, syntax));
    }
    String loadBalancerIP = spec.loadBalancerIP().orElse("");
    if (!loadBalancerIP.isEmpty()) {
      // IsValidIPForLegacyField, as v1.34 validates the field (StrictIPCIDRValidation off)
      errors.addAll(FieldError.invalidEach(specPath.child("loadBalancerIP"), loadBalancerIP, IpSyntax.isValidIP(loadBalancerIP)));
    }
    if (type.isEmpty()) {
      errors.add(FieldError.required(specPath.child("type"), ""));
    } else if (!TYPES.contains(type)) {
      errors.add(FieldError.notSupported(specPath.child("type"), type, TYPES));
    }
    if (type.equals("ClusterIP")) {
      for (int i = 0; i < spec.ports().size(); i++) {
        if (spec.ports().get(i).nodePort().filter(n -> n != 0).isPresent()) {
          errors.add(FieldError.forbidden(specPath.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
        }
      }
    }
    Set<String> nodePorts = new HashSet<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      ServicePort p = spec.ports().get(i);
      int nodePort = p.nodePort().orElse(0);
      if (nodePort != 0 && !nodePorts.add(p.protocol().orElse("") + "/" + nodePort)) {
        errors.add(FieldError.duplicate(specPath.child("ports").index(i).child("nodePort"), nodePort));
      }
    }
    Set<String> portKeys = new HashSet<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      ServicePort p = spec.ports().get(i);
      if (!portKeys.add(p.protocol().orElse("") + "/" + p.port().orElse(0))) {
        errors.add(FieldError.duplicate(specPath.child("ports").index(i), new PortKey(p.protocol().orElse(""), p.port().orElse(0))));
      }
    }
    if (!spec.loadBalancerSourceRanges().isEmpty()) {
      // The field path's capital L is the API server's own.
      FieldPath rangesPath = specPath.child("LoadBalancerSourceRanges");
      if (!type.equals("LoadBalancer")) {
        errors.add(FieldError.forbidden(rangesPath, "may only be used when `type` is 'LoadBalancer'"));
      }
      for (int i = 0; i < spec.loadBalancerSourceRanges().size(); i++) {
        String value = spec.loadBalancerSourceRanges().get(i).trim();
        errors.addAll(FieldError.invalidEach(rangesPath.index(i), value, IpSyntax.isValidCIDR(value)));
      }
    }
    if (type.equals("LoadBalancer")) {
      spec.loadBalancerClass().ifPresent(c ->
          errors.addAll(FieldError.invalidEach(specPath.child("loadBalancerClass"), c, LabelNames.isQualifiedName(c))));
    } else if (spec.loadBalancerClass().isPresent()) {
      errors.add(FieldError.forbidden(specPath.child("loadBalancerClass"), "may only be used when `type` is 'LoadBalancer'"));
    }
    if (spec.allocateLoadBalancerNodePorts().isPresent() && !type.equals("LoadBalancer")) {
      errors.add(FieldError.forbidden(specPath.child("allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'"));
    }
    if (type.equals("LoadBalancer") && spec.allocateLoadBalancerNodePorts().isEmpty()) {
      errors.add(FieldError.required(FieldPath.root("allocateLoadBalancerNodePorts"), ""));
    }
    errors.addAll(validateTrafficPolicies(spec, type));
    return errors;
  }

  /** The duplicate-port value as the API server prints the internal ServicePort struct it keys on. */
  private record PortKey(String protocol, int port) {
    @Override
    public String toString() {
      return "core.ServicePort{Name:\"\", Protocol:\"" + protocol + "\", AppProtocol:(*string)(nil), Port:" + port
          + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
    }
  }

  private static List<FieldError> validatePort(ServicePort p, boolean requireName, Set<String> names, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    String name = p.name().orElse("");
    if (requireName && name.isEmpty()) {
      errors.add(FieldError.required(path.child("name"), ""));
    } else if (!name.isEmpty()) {
      errors.addAll(FieldError.invalidEach(path.child("name"), name, DnsNames.isDNS1123Label(name)));
      if (!names.add(name)) {
        errors.add(FieldError.duplicate(path.child("name"), name));
      }
    }
    int port = p.port().orElse(0);
    errors.addAll(FieldError.invalidEach(path.child("port"), port, PortSyntax.isValidPortNum(port)));
    String protocol = p.protocol().orElse("");
    if (protocol.isEmpty()) {
      errors.add(FieldError.required(path.child("protocol"), ""));
    } else if (!PROTOCOLS.contains(protocol)) {
      errors.add(FieldError.notSupported(path.child("protocol"), protocol, PROTOCOLS));
    }
    IntOrString target = p.targetPort().orElse(IntOrString.of(0));
    if (target.isInt()) {
      errors.addAll(PortSyntax.validatePortNumOrName(target.intValue().getAsInt(), path.child("targetPort")));
    } else {
      errors.addAll(PortSyntax.validatePortNumOrName(target.stringValue(), path.child("targetPort")));
    }
    p.appProtocol().ifPresent(ap -> errors.addAll(FieldError.invalidEach(path.child("appProtocol"), ap, LabelNames.isQualifiedName(ap))));
    return errors;
  }

  private static List<FieldError> validateClientIPConfig(Optional<SessionAffinityConfig> config, FieldPath path) {
    String when = "when session affinity type is ClientIP";
    if (config.isEmpty()) {
      return List.of(FieldError.required(path, when));
    }
    if (config.get().clientIP().isEmpty()) {
      return List.of(FieldError.required(path.child("clientIP"), when));
    }
    Optional<Integer> timeout = config.get().clientIP().get().timeoutSeconds();
    FieldPath timeoutPath = path.child("clientIP", "timeoutSeconds");
    if (timeout.isEmpty()) {
      return List.of(FieldError.required(timeoutPath, when));
    }
    if (timeout.get() <= 0 || timeout.get() > MAX_AFFINITY_TIMEOUT) {
      return List.of(FieldError.invalid(timeoutPath, timeout.get(), "must be greater than 0 and less than " + MAX_AFFINITY_TIMEOUT));
    }
    return List.of();
  }

  private static List<FieldError> validateClusterIPs(ServiceSpec spec, String type) {
    List<FieldError> errors = new ArrayList<>();
    if (type.equals("ExternalName")) {
      return errors;
    }
    FieldPath ipsPath = FieldPath.root("spec", "clusterIPs");
    String clusterIP = spec.clusterIP().orElse("");
    List<String> ips = spec.clusterIPs();
    if (!clusterIP.isEmpty()) {
      if (ips.isEmpty()) {
        errors.add(FieldError.required(ipsPath, ""));
      } else if (!ips.get(0).equals(clusterIP)) {
        errors.add(FieldError.invalid(ipsPath, ips, "first value must match `clusterIP`"));
      }
    } else if (!ips.isEmpty()) {
      errors.add(FieldError.invalid(ipsPath, ips, "must be empty when `clusterIP` is not specified"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < spec.ipFamilies().size(); i++) {
      String family = spec.ipFamilies().get(i);
      if (!FAMILIES.contains(family)) {
        errors.add(FieldError.notSupported(FieldPath.root("spec", "ipFamilies").index(i), family, FAMILIES));
      }
      if (!seen.add(family)) {
        errors.add(FieldError.duplicate(FieldPath.root("spec", "ipFamilies").index(i), family));
      }
    }
    spec.ipFamilyPolicy()
        .filter(p -> !FAMILY_POLICIES.contains(p))
        .ifPresent(p -> errors.add(FieldError.notSupported(FieldPath.root("spec", "ipFamilyPolicy"), p, FAMILY_POLICIES)));
    boolean invalidIPs = false;
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i);
      if (i == 0 && ip.equals("None")) {
        if (ips.size() > 1) {
          invalidIPs = true;
          errors.add(FieldError.invalid(ipsPath, ips, "'None' must be the first and only value"));
        }
        continue;
      }
      List<String> msgs = IpSyntax.isValidIP(ip);
      if (!msgs.isEmpty()) {
        invalidIPs = true;
        errors.addAll(FieldError.invalidEach(ipsPath.index(i), ip, msgs));
      }
    }
    if (ips.size() > 2) {
      errors.add(FieldError.invalid(ipsPath, ips, "may only hold up to 2 values"));
    }
    if (invalidIPs) {
      return errors;
    }
    if (ips.size() > 1 && ips.get(0).contains(":") == ips.get(1).contains(":")) {
      errors.add(FieldError.invalid(ipsPath, ips, "may specify no more than one IP for each IP family"));
    }
    if (!spec.isHeadless()) {
      for (int i = 0; i < ips.size() && i < spec.ipFamilies().size(); i++) {
        boolean v6 = ips.get(i).contains(":");
        String family = spec.ipFamilies().get(i);
        if (family.equals("IPv4") && v6) {
          errors.add(FieldError.invalid(ipsPath.index(i), ips.get(i), "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`"));
        } else if (family.equals("IPv6") && !v6) {
          errors.add(FieldError.invalid(ipsPath.index(i), ips.get(i), "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`"));
        }
      }
    }
    return errors;
  }

  private static List<FieldError> validateTrafficPolicies(ServiceSpec spec, String type) {
    List<FieldError> errors = new ArrayList<>();
    FieldPath specPath = FieldPath.root("spec");
    Optional<String> etp = spec.externalTrafficPolicy().filter(s -> !s.isEmpty());
    if (!externallyAccessible(type, spec)) {
      etp.ifPresent(v -> errors.add(FieldError.invalid(specPath.child("externalTrafficPolicy"), v, "may only be set for externally-accessible services")));
    } else if (etp.isEmpty()) {
      errors.add(FieldError.required(specPath.child("externalTrafficPolicy"), ""));
    } else if (!TRAFFIC_POLICIES.contains(etp.get())) {
      errors.add(FieldError.notSupported(specPath.child("externalTrafficPolicy"), etp.get(), TRAFFIC_POLICIES));
    }
    int hc = spec.healthCheckNodePort().orElse(0);
    if (!(type.equals("LoadBalancer") && etp.filter("Local"::equals).isPresent())) {
      if (hc != 0) {
        errors.add(FieldError.invalid(specPath.child("healthCheckNodePort"), hc,
            "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
      }
    } else if (hc == 0) {
      errors.add(FieldError.required(specPath.child("healthCheckNodePort"), ""));
    } else {
      errors.addAll(FieldError.invalidEach(specPath.child("healthCheckNodePort"), hc, PortSyntax.isValidPortNum(hc)));
    }
    if (spec.internalTrafficPolicy().isEmpty()) {
      if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
        errors.add(FieldError.required(specPath.child("internalTrafficPolicy"), ""));
      }
    } else if (!TRAFFIC_POLICIES.contains(spec.internalTrafficPolicy().get())) {
      errors.add(FieldError.notSupported(specPath.child("internalTrafficPolicy"), spec.internalTrafficPolicy().get(), TRAFFIC_POLICIES));
    }
    return errors;
  }

  /** The API server's Invalid error for a Service, with one cause. */
  static InvalidObjectException invalid(Service service, FieldError error) {
    return ApiServer.invalid(Kinds.byKind("Service").orElseThrow(), service.metadata().nameOrEmpty(), ImmutableList.of(error));
  }

  /** The API server's Invalid error for a Service, with every cause found. */
  static InvalidObjectException invalid(Service service, List<FieldError> errors) {
    return ApiServer.invalid(Kinds.byKind("Service").orElseThrow(), service.metadata().nameOrEmpty(), ImmutableList.copyOf(errors));
  }

  /** The selector of a Service, or empty. */
  static Map<String, String> selector(Service s) {
    return s.specOrEmpty().selector();
  }
}
