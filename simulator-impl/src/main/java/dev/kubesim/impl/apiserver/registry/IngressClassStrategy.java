package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.IngressClass;
import dev.kubesim.api.model.IngressClassSpec;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.NameValidator;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IngressClasses ({@code pkg/registry/networking/ingressclass}, {@code networking.k8s.io/v1}): a
 * parameters reference defaults to cluster scope; {@code ValidateIngressClass} requires a
 * domain-prefixed controller, which can never change.
 */
public final class IngressClassStrategy extends Strategy<IngressClass> {
  private static final int MAX_CONTROLLER_LENGTH = 250;
  private static final String HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  private static final Pattern HTTP_PATH = Pattern.compile(HTTP_PATH_FMT);
  private static final List<String> SCOPES = List.of("Cluster", "Namespace");

  /** The IngressClass rules. */
  public IngressClassStrategy() {
    super(IngressClass.class);
  }

  /** {@code SetDefaults_IngressClass}: parameters without a scope are cluster-scoped. */
  @Override
  public IngressClass defaults(IngressClass ic) {
    IngressClassSpec spec = ic.specOrEmpty();
    Optional<Map<String, Object>> params = spec.parameters().flatMap(Generic::map);
    if (params.isEmpty() || params.get().get("scope") != null) {
      return ic;
    }
    Map<String, Object> p = Generic.copy(params.get());
    p.put("scope", "Cluster");
    return ic.withSpec(new IngressClassSpec(spec.controller(), Optional.of(p)));
  }

  @Override
  public List<FieldError> validate(IngressClass ic) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath path = FieldPath.root("spec");
    IngressClassSpec spec = ic.specOrEmpty();
    String controller = spec.controller().orElse("");
    FieldPath cp = path.child("controller");
    if (controller.isEmpty()) {
      errs.add(FieldError.required(cp, ""));
    } else {
      if (controller.length() > MAX_CONTROLLER_LENGTH) {
        errs.add(FieldError.tooLong(cp, "", MAX_CONTROLLER_LENGTH));
      }
      errs.addAll(domainPrefixedPath(controller, cp));
    }
    spec.parameters().flatMap(Generic::map).ifPresent(p -> errs.addAll(validateParameters(p, path.child("parameters"))));
    return errs;
  }

  /** {@code IsDomainPrefixedPath}: {@code acme.io/foo}, a subdomain then an HTTP path. */
  private static List<FieldError> domainPrefixedPath(String value, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      errs.add(FieldError.invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")"));
      return errs;
    }
    String host = value.substring(0, slash);
    errs.addAll(FieldError.invalidEach(path, host, DnsNames.isDNS1123Subdomain(host)));
    String rest = value.substring(slash + 1);
    if (!HTTP_PATH.matcher(rest).matches()) {
      errs.add(FieldError.invalid(path, rest, ValidationMessages.regexError("Invalid path", HTTP_PATH_FMT)));
    }
    return errs;
  }

  /** {@code validateIngressClassParametersReference}. */
  private static List<FieldError> validateParameters(Map<String, Object> p, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (p.get("apiGroup") instanceof String group) {
      errs.addAll(FieldError.invalidEach(path.child("apiGroup"), group, DnsNames.isDNS1123Subdomain(group)));
    }
    for (String key : List.of("kind", "name")) {
      String v = Generic.str(p, key);
      if (v.isEmpty()) {
        errs.add(FieldError.required(path.child(key), ""));
      } else {
        errs.addAll(FieldError.invalidEach(path.child(key), v, IngressStrategy.pathSegmentName(v)));
      }
    }
    if (p.get("scope") == null) {
      errs.add(FieldError.required(path.child("scope"), ""));
      return errs;
    }
    String scope = Generic.str(p, "scope");
    if (!SCOPES.contains(scope)) {
      errs.add(FieldError.notSupported(path.child("scope"), scope, SCOPES));
      return errs;
    }
    Object namespace = p.get("namespace");
    if (scope.equals("Namespace")) {
      if (namespace == null) {
        errs.add(FieldError.required(path.child("namespace"), "`parameters.scope` is set to 'Namespace'"));
      } else {
        String ns = String.valueOf(namespace);
        errs.addAll(FieldError.invalidEach(path.child("namespace"), ns, NameValidator.DNS_LABEL.validate(ns, false)));
      }
    }
    if (scope.equals("Cluster") && namespace != null) {
      errs.add(FieldError.forbidden(path.child("namespace"), "`parameters.scope` is set to 'Cluster'"));
    }
    return errs;
  }

  /** {@code ValidateIngressClassUpdate}: the immutable controller first, then the create rules. */
  @Override
  public List<FieldError> validateUpdate(IngressClass ic, IngressClass old) {
    List<FieldError> errs = new ArrayList<>(validateImmutable(ic, old));
    errs.addAll(validate(ic));
    return errs;
  }

  @Override
  protected List<FieldError> validateImmutable(IngressClass ic, IngressClass old) {
    String now = ic.specOrEmpty().controller().orElse("");
    if (now.equals(old.specOrEmpty().controller().orElse(""))) {
      return List.of();
    }
    return List.of(FieldError.invalid(FieldPath.root("spec", "controller"), now, Workloads.IMMUTABLE));
  }
}
