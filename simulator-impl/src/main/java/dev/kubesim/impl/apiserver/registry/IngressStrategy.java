package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressClass;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.IngressTLS;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ServiceBackendPort;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingresses ({@code pkg/registry/networking/ingress}, {@code networking.k8s.io/v1}): the
 * DefaultIngressClass admission plugin, {@code ValidateIngressCreate} (including the class
 * annotation that may not accompany {@code ingressClassName}) and {@code ValidateIngressUpdate};
 * the status is cleared on create and kept on update.
 */
public final class IngressStrategy extends Strategy<Ingress> {
  /** The deprecated class annotation. */
  public static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
  /** The annotation that marks the default IngressClass. */
  public static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

  private static final List<String> PATH_TYPES = List.of("Exact", "ImplementationSpecific", "Prefix");
  private static final List<String> INVALID_PATH_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
  private static final List<String> INVALID_PATH_SUFFIXES = List.of("/..", "/.");

  /** The Ingress rules. */
  public IngressStrategy() {
    super(Ingress.class);
  }

  /**
   * DefaultIngressClass (create only): an Ingress with neither {@code ingressClassName} nor the
   * class annotation gets the class marked default; with several, the newest (then the first by
   * name). Then {@code PrepareForCreate} drops the status.
   */
  @Override
  public Ingress admit(Ingress ingress, ApiServer api) {
    Ingress out = ingress.withStatus(null);
    IngressSpec spec = ingress.specOrEmpty();
    if (spec.ingressClassName().isPresent() || ingress.metadata().annotations().containsKey(CLASS_ANNOTATION)) {
      return out;
    }
    Optional<IngressClass> def = api.list(IngressClass.KIND, Optional.empty()).stream()
        .filter(IngressStrategy::isDefaultClass)
        .map(IngressClass.class::cast)
        .min(Comparator.comparing((IngressClass c) -> c.metadata().creationTimestamp().orElse(""), Comparator.reverseOrder())
            .thenComparing(c -> c.metadata().nameOrEmpty()));
    return def.map(c -> out.withSpec(spec.withIngressClassName(c.metadata().nameOrEmpty()))).orElse(out);
  }

  /** {@code WarningsOnCreate}/{@code WarningsOnUpdate}: the class annotation is deprecated. */
  @Override
  public List<String> warnings(Ingress ingress, Optional<Ingress> old) {
    if (ingress.metadata().annotations().containsKey(CLASS_ANNOTATION)) {
      return List.of("annotation \"" + CLASS_ANNOTATION + "\" is deprecated, please use 'spec.ingressClassName' instead");
    }
    return List.of();
  }

  @Override
  public List<FieldError> validate(Ingress ingress) {
    List<FieldError> errs = new ArrayList<>(validateSpec(ingress.specOrEmpty(), FieldPath.root("spec")));
    Map<String, String> annotations = ingress.metadata().annotations();
    if (annotations.containsKey(CLASS_ANNOTATION) && ingress.specOrEmpty().ingressClassName().isPresent()) {
      // Upstream's path is annotations.<key>, without metadata and without brackets.
      errs.add(FieldError.invalid(FieldPath.root("annotations").child(CLASS_ANNOTATION), annotations.get(CLASS_ANNOTATION),
          "can not be set when the class field is also set"));
    }
    return errs;
  }

  /** {@code ValidateIngressUpdate}: the spec rules only; the class annotation check is create-only. */
  @Override
  public List<FieldError> validateUpdate(Ingress ingress, Ingress old) {
    return validateSpec(ingress.specOrEmpty(), FieldPath.root("spec"));
  }

  /** {@code ValidateIngressSpec}. */
  private static List<FieldError> validateSpec(IngressSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (spec.rules().isEmpty() && spec.defaultBackend().isEmpty()) {
      errs.add(FieldError.invalid(path, null, "either `defaultBackend` or `rules` must be specified"));
    }
    spec.defaultBackend().ifPresent(b -> errs.addAll(validateBackend(b, path.child("defaultBackend"))));
    for (int i = 0; i < spec.rules().size(); i++) {
      errs.addAll(validateRule(spec.rules().get(i), path.child("rules").index(i)));
    }
    for (int t = 0; t < spec.tls().size(); t++) {
      IngressTLS tls = spec.tls().get(t);
      FieldPath tp = path.child("tls").index(t);
      for (int h = 0; h < tls.hosts().size(); h++) {
        String host = tls.hosts().get(h);
        List<String> msgs = host.contains("*") ? DnsNames.isWildcardDNS1123Subdomain(host) : DnsNames.isDNS1123Subdomain(host);
        errs.addAll(FieldError.invalidEach(tp.child("hosts").index(h), host, msgs));
      }
      String secret = tls.secretName().orElse("");
      if (!secret.isEmpty()) {
        errs.addAll(FieldError.invalidEach(tp.child("secretName"), secret, DnsNames.isDNS1123Subdomain(secret)));
      }
    }
    spec.ingressClassName().ifPresent(c ->
        errs.addAll(FieldError.invalidEach(path.child("ingressClassName"), c, DnsNames.isDNS1123Subdomain(c))));
    return errs;
  }

  private static List<FieldError> validateRule(IngressRule rule, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String host = rule.host().orElse("");
    if (!host.isEmpty()) {
      if (IpRules.isIp(host)) {
        errs.add(FieldError.invalid(path.child("host"), host, "must be a DNS name, not an IP address"));
      }
      List<String> msgs = host.contains("*") ? DnsNames.isWildcardDNS1123Subdomain(host) : DnsNames.isDNS1123Subdomain(host);
      errs.addAll(FieldError.invalidEach(path.child("host"), host, msgs));
    }
    rule.http().ifPresent(http -> {
      FieldPath hp = path.child("http");
      if (http.paths().isEmpty()) {
        errs.add(FieldError.required(hp.child("paths"), ""));
      }
      for (int i = 0; i < http.paths().size(); i++) {
        errs.addAll(validatePath(http.paths().get(i), hp.child("paths").index(i)));
      }
    });
    return errs;
  }

  /** {@code validateHTTPIngressPath}: without a pathType nothing else is checked. */
  private static List<FieldError> validatePath(HTTPIngressPath p, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (p.pathType().isEmpty()) {
      errs.add(FieldError.required(path.child("pathType"), "pathType must be specified"));
      return errs;
    }
    String value = p.path().orElse("");
    String type = p.pathType().get();
    switch (type) {
      case "Exact", "Prefix" -> {
        if (!value.startsWith("/")) {
          errs.add(FieldError.invalid(path.child("path"), value, "must be an absolute path"));
        }
        if (!value.isEmpty()) {
          for (String seq : INVALID_PATH_SEQUENCES) {
            if (value.contains(seq)) {
              errs.add(FieldError.invalid(path.child("path"), value, "must not contain '" + seq + "'"));
            }
          }
          for (String suffix : INVALID_PATH_SUFFIXES) {
            if (value.endsWith(suffix)) {
              errs.add(FieldError.invalid(path.child("path"), value, "cannot end with '" + suffix + "'"));
            }
          }
        }
      }
      case "ImplementationSpecific" -> {
        if (!value.isEmpty() && !value.startsWith("/")) {
          errs.add(FieldError.invalid(path.child("path"), value, "must be an absolute path"));
        }
      }
      default -> errs.add(FieldError.notSupported(path.child("pathType"), type, PATH_TYPES));
    }
    errs.addAll(validateBackend(p.backend().orElseGet(() -> new IngressBackend(null, null)), path.child("backend")));
    return errs;
  }

  /** {@code validateIngressBackend}: a service (name and one kind of port) or a resource. */
  private static List<FieldError> validateBackend(IngressBackend b, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    boolean hasResource = b.resource().isPresent();
    boolean hasService = b.service().isPresent();
    if (hasResource && hasService) {
      errs.add(FieldError.invalid(path, "", "cannot set both resource and service backends"));
      return errs;
    }
    if (hasResource) {
      errs.addAll(validateResourceRef(Generic.map(b.resource().get()).orElse(Map.of()), path.child("resource")));
      return errs;
    }
    if (!hasService) {
      errs.add(FieldError.invalid(path, "", "resource or service backend is required"));
      return errs;
    }
    IngressServiceBackend svc = b.service().get();
    String name = svc.name().orElse("");
    if (name.isEmpty()) {
      errs.add(FieldError.required(path.child("service", "name"), ""));
    } else {
      // RelaxedServiceNameValidation is off by default in 1.34: Service names are DNS-1035 labels.
      errs.addAll(FieldError.invalidEach(path.child("service", "name"), name, DnsNames.isDNS1035Label(name)));
    }
    ServiceBackendPort port = svc.port().orElseGet(() -> new ServiceBackendPort(null, null));
    String portName = port.name().orElse("");
    int number = port.number().orElse(0);
    if (!portName.isEmpty() && number != 0) {
      errs.add(FieldError.invalid(path, "", "cannot set both port name & port number"));
    } else if (!portName.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("service", "port", "name"), portName, PortSyntax.isValidPortName(portName)));
    } else if (number != 0) {
      errs.addAll(FieldError.invalidEach(path.child("service", "port", "number"), number, PortSyntax.isValidPortNum(number)));
    } else {
      errs.add(FieldError.required(path, "port name or number is required"));
    }
    return errs;
  }

  /** {@code validateIngressTypedLocalObjectReference}. */
  static List<FieldError> validateResourceRef(Map<String, Object> ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (ref.get("apiGroup") instanceof String group) {
      errs.addAll(FieldError.invalidEach(path.child("apiGroup"), group, DnsNames.isDNS1123Subdomain(group)));
    }
    for (String key : List.of("kind", "name")) {
      String v = Generic.str(ref, key);
      if (v.isEmpty()) {
        errs.add(FieldError.required(path.child(key), ""));
      } else {
        errs.addAll(FieldError.invalidEach(path.child(key), v, pathSegmentName(v)));
      }
    }
    return errs;
  }

  /** {@code IsPathSegmentName}: not {@code .} or {@code ..}, no {@code /} or {@code %}. */
  static List<String> pathSegmentName(String name) {
    List<String> errs = new ArrayList<>();
    for (String illegal : List.of(".", "..")) {
      if (name.equals(illegal)) {
        errs.add("may not be '" + illegal + "'");
      }
    }
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }

  /** {@code PrepareForUpdate}: the status is the controller's, kept on spec updates. */
  @Override
  public Ingress prepareForUpdate(Ingress ingress, Ingress old) {
    return ingress.withStatus(old.status().orElse(null));
  }

  /** Whether the object is an IngressClass marked as the default one. */
  static boolean isDefaultClass(KubeObject o) {
    return o instanceof IngressClass && "true".equals(o.metadata().annotations().get(DEFAULT_CLASS_ANNOTATION));
  }
}
