package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.HTTPHeader;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Core validation's {@code validateProbe} for a container's liveness, readiness and startup probes:
 * one handler, its HTTP or TCP port, non-negative timings and each kind's own restrictions.
 */
final class ProbeValidation {
  private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");

  private ProbeValidation() {}

  static List<FieldError> validateProbes(Container c, Optional<Long> grace, FieldPath idx) {
    List<FieldError> errs = new ArrayList<>();
    c.livenessProbe().ifPresent(p -> {
      FieldPath path = idx.child("livenessProbe");
      errs.addAll(validateProbe(p, grace, path));
      if (p.successThreshold().orElse(0) != 1) {
        errs.add(FieldError.invalid(path.child("successThreshold"), p.successThreshold().orElse(0), "must be 1"));
      }
    });
    c.readinessProbe().ifPresent(p -> {
      FieldPath path = idx.child("readinessProbe");
      errs.addAll(validateProbe(p, grace, path));
      p.terminationGracePeriodSeconds().ifPresent(t ->
          errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds"), t, "must not be set for readinessProbes")));
    });
    c.startupProbe().ifPresent(p -> {
      FieldPath path = idx.child("startupProbe");
      errs.addAll(validateProbe(p, grace, path));
      if (p.successThreshold().orElse(0) != 1) {
        errs.add(FieldError.invalid(path.child("successThreshold"), p.successThreshold().orElse(0), "must be 1"));
      }
    });
    return errs;
  }

  private static List<FieldError> validateProbe(Probe p, Optional<Long> grace, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    int handlers = 0;
    if (p.exec().isPresent()) {
      handlers++;
      if (p.exec().get().command().isEmpty()) {
        errs.add(FieldError.required(path.child("exec", "command"), ""));
      }
    }
    if (p.httpGet().isPresent()) {
      if (handlers++ > 0) {
        errs.add(FieldError.forbidden(path.child("httpGet"), "may not specify more than 1 handler type"));
      } else {
        errs.addAll(validateHttpGet(p.httpGet().get(), path.child("httpGet")));
      }
    }
    if (p.tcpSocket().isPresent()) {
      if (handlers++ > 0) {
        errs.add(FieldError.forbidden(path.child("tcpSocket"), "may not specify more than 1 handler type"));
      } else {
        errs.addAll(portNumOrName(p.tcpSocket().get().port(), path.child("tcpSocket", "port")));
      }
    }
    if (p.grpc().isPresent()) {
      if (handlers++ > 0) {
        errs.add(FieldError.forbidden(path.child("grpc"), "may not specify more than 1 handler type"));
      } else {
        long port = p.grpc().flatMap(Generic::map).flatMap(g -> Generic.num(g, "port")).orElse(0L);
        errs.addAll(FieldError.invalidEach(path.child("grpc", "port"), port, PortSyntax.isValidPortNum((int) port)));
      }
    }
    if (handlers == 0) {
      errs.add(FieldError.required(path, "must specify a handler type"));
    }
    errs.addAll(nonNegative(p.initialDelaySeconds().orElse(0), path.child("initialDelaySeconds")));
    errs.addAll(nonNegative(p.timeoutSeconds().orElse(0), path.child("timeoutSeconds")));
    errs.addAll(nonNegative(p.periodSeconds().orElse(0), path.child("periodSeconds")));
    errs.addAll(nonNegative(p.successThreshold().orElse(0), path.child("successThreshold")));
    errs.addAll(nonNegative(p.failureThreshold().orElse(0), path.child("failureThreshold")));
    p.terminationGracePeriodSeconds().filter(t -> t <= 0).ifPresent(t ->
        errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds"), t, "must be greater than 0")));
    return errs;
  }

  private static List<FieldError> validateHttpGet(HTTPGetAction h, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (h.path().orElse("").isEmpty()) {
      errs.add(FieldError.required(path.child("path"), ""));
    }
    errs.addAll(portNumOrName(h.port(), path.child("port")));
    String scheme = h.scheme().orElse("");
    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
      errs.add(FieldError.notSupported(path.child("scheme"), scheme, List.of("HTTP", "HTTPS")));
    }
    for (HTTPHeader header : h.httpHeaders()) {
      String name = header.name().orElse("");
      if (!HTTP_HEADER_NAME.matcher(name).matches()) {
        // Upstream reports header names at httpHeaders, without the index.
        errs.add(FieldError.invalid(path.child("httpHeaders"), name,
            ValidationMessages.regexError(
                "a valid HTTP header must consist of alphanumeric characters or '-'", "[-A-Za-z0-9]+", "X-Header-Name")));
      }
    }
    return errs;
  }

  /** {@code ValidatePortNumOrName}; an absent port is the int-or-string zero value, the number 0. */
  private static List<FieldError> portNumOrName(Optional<IntOrString> port, FieldPath path) {
    IntOrString p = port.orElse(IntOrString.of(0));
    if (p.isInt()) {
      return PortSyntax.validatePortNumOrName(p.intValue().getAsInt(), path);
    }
    return PortSyntax.validatePortNumOrName(p.stringValue(), path);
  }

  private static List<FieldError> nonNegative(long value, FieldPath path) {
    return value < 0 ? List.of(FieldError.invalid(path, value, PodSpecValidation.NON_NEGATIVE)) : List.of();
  }
}
