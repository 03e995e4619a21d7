package dev.kubesim.api.model;

import java.util.Optional;

/** {@code backend.service.port} of an Ingress: a port name or number. */
public record ServiceBackendPort(
    Optional<String> name,
    Optional<Integer> number) {
  public ServiceBackendPort {
    name = Values.opt(name);
    number = Values.opt(number);
  }
}
