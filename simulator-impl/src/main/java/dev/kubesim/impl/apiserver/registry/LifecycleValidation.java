package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core validation's {@code validateLifecycle} over the raw postStart/preStop handlers: one handler
 * each, its port or command, and sleep hooks within the termination grace period.
 */
final class LifecycleValidation {
  private LifecycleValidation() {}

  /** {@code validateLifecycle} over the raw postStart/preStop handlers. */
  static List<FieldError> validateLifecycle(Object lifecycle, Optional<Long> grace, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Object> l = Generic.map(lifecycle).orElse(Map.of());
    for (String hook : List.of("postStart", "preStop")) {
      Optional<Map<String, Object>> h = Generic.map(l, hook);
      if (h.isPresent()) {
        errs.addAll(validateRawHandler(h.get(), grace, path.child(hook)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateRawHandler(Map<String, Object> h, Optional<Long> grace, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    int handlers = 0;
    for (String kind : List.of("exec", "httpGet", "tcpSocket", "sleep")) {
      Optional<Map<String, Object>> action = Generic.map(h, kind);
      if (action.isEmpty()) {
        continue;
      }
      if (handlers++ > 0) {
        errs.add(FieldError.forbidden(path.child(kind), "may not specify more than 1 handler type"));
        continue;
      }
      Map<String, Object> a = action.get();
      FieldPath ap = path.child(kind);
      switch (kind) {
        case "exec" -> {
          if (Generic.list(a, "command").isEmpty()) {
            errs.add(FieldError.required(ap.child("command"), ""));
          }
        }
        case "httpGet" -> {
          if (Generic.str(a, "path").isEmpty()) {
            errs.add(FieldError.required(ap.child("path"), ""));
          }
          errs.addAll(rawPort(a.get("port"), ap.child("port")));
          String scheme = Generic.str(a, "scheme");
          if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
            errs.add(FieldError.notSupported(ap.child("scheme"), scheme, List.of("HTTP", "HTTPS")));
          }
        }
        case "tcpSocket" -> errs.addAll(rawPort(a.get("port"), ap.child("port")));
        default -> {
          long seconds = Generic.num(a, "seconds").orElse(0L);
          if (grace.isPresent() && (seconds < 0 || seconds > grace.get())) {
            errs.add(FieldError.invalid(ap, seconds,
                "must be non-negative and less than terminationGracePeriodSeconds (" + grace.get() + ")"));
          }
        }
      }
    }
    if (handlers == 0) {
      errs.add(FieldError.required(path, "must specify a handler type"));
    }
    return errs;
  }

  private static List<FieldError> rawPort(Object port, FieldPath path) {
    if (port instanceof String s) {
      return PortSyntax.validatePortNumOrName(s, path);
    }
    int n = port instanceof Number num ? num.intValue() : 0;
    return PortSyntax.validatePortNumOrName(n, path);
  }
}
