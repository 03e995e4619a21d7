package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Core validation's {@code validateContainers}, {@code validateInitContainers} and {@code
 * validateContainerCommon}: names, images, ports, policies and host-port conflicts of each
 * container, handing env, mounts, resources, probes and lifecycle hooks to their own validators.
 */
final class ContainerValidation {
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");

  private ContainerValidation() {}

  /** {@code validateContainersOnlyForPod}: checks a Pod makes that a template is spared. */
  static List<FieldError> validateContainersOnlyForPod(List<Container> containers, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      String image = containers.get(i).image().orElse("");
      if (!image.equals(image.strip())) {
        errs.add(FieldError.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace"));
      }
    }
    return errs;
  }

  static List<FieldError> validateContainers(PodSpec spec, Set<String> volumes, Optional<Long> grace, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    List<Container> containers = spec.containers();
    if (containers.isEmpty()) {
      errs.add(FieldError.required(path, ""));
      return errs;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      FieldPath idx = path.index(i);
      errs.addAll(validateContainerCommon(c, volumes, idx, spec.restartPolicy().orElse("")));
      String name = c.name().orElse("");
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(idx.child("name"), name));
      }
      c.lifecycle().ifPresent(l -> errs.addAll(LifecycleValidation.validateLifecycle(l, grace, idx.child("lifecycle"))));
      errs.addAll(ProbeValidation.validateProbes(c, grace, idx));
      if (c.restartPolicy().isPresent()) {
        errs.add(FieldError.forbidden(idx.child("restartPolicy"), "may not be set for non-init containers"));
      }
    }
    errs.addAll(hostPortConflicts(containers, path));
    return errs;
  }

  static List<FieldError> validateInitContainers(PodSpec spec, Set<String> volumes, Optional<Long> grace, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    spec.containers().forEach(c -> names.add(c.name().orElse("")));
    List<Container> inits = spec.initContainers();
    for (int i = 0; i < inits.size(); i++) {
      Container c = inits.get(i);
      FieldPath idx = path.index(i);
      errs.addAll(validateContainerCommon(c, volumes, idx, spec.restartPolicy().orElse("")));
      boolean restartAlways = false;
      if (c.restartPolicy().isPresent()) {
        String rp = c.restartPolicy().get();
        if (!rp.equals("Always")) {
          errs.add(FieldError.notSupported(idx.child("restartPolicy"), rp, List.of("Always")));
        }
        restartAlways = rp.equals("Always");
      }
      String name = c.name().orElse("");
      if (names.contains(name)) {
        errs.add(FieldError.duplicate(idx.child("name"), name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
      // Init containers run one at a time, so each is checked for host port conflicts alone.
      errs.addAll(hostPortConflicts(List.of(c), path));
      if (restartAlways) {
        c.lifecycle().ifPresent(l -> errs.addAll(LifecycleValidation.validateLifecycle(l, grace, idx.child("lifecycle"))));
        errs.addAll(ProbeValidation.validateProbes(c, grace, idx));
      } else {
        String msg = "may not be set for init containers without restartPolicy=Always";
        if (c.lifecycle().isPresent()) {
          errs.add(FieldError.forbidden(idx.child("lifecycle"), msg));
        }
        if (c.livenessProbe().isPresent()) {
          errs.add(FieldError.forbidden(idx.child("livenessProbe"), msg));
        }
        if (c.readinessProbe().isPresent()) {
          errs.add(FieldError.forbidden(idx.child("readinessProbe"), msg));
        }
        if (c.startupProbe().isPresent()) {
          errs.add(FieldError.forbidden(idx.child("startupProbe"), msg));
        }
      }
    }
    return errs;
  }

  /** {@code validateContainerCommon}: what every kind of container must satisfy. */
  private static List<FieldError> validateContainerCommon(Container c, Set<String> volumes, FieldPath path, String podRestartPolicy) {
    List<FieldError> errs = new ArrayList<>();
    String name = c.name().orElse("");
    if (name.isEmpty()) {
      errs.add(FieldError.required(path.child("name"), ""));
    } else {
      errs.addAll(FieldError.invalidEach(path.child("name"), name, DnsNames.isDNS1123Label(name)));
    }
    if (c.image().orElse("").isEmpty()) {
      errs.add(FieldError.required(path.child("image"), ""));
    }
    String tmp = c.terminationMessagePolicy().orElse("");
    if (tmp.isEmpty()) {
      errs.add(FieldError.required(path.child("terminationMessagePolicy"), ""));
    } else if (!TERMINATION_MESSAGE_POLICIES.contains(tmp)) {
      errs.add(FieldError.notSupported(path.child("terminationMessagePolicy"), tmp, TERMINATION_MESSAGE_POLICIES));
    }
    errs.addAll(validateContainerPorts(c.ports(), path.child("ports")));
    errs.addAll(EnvValidation.validateEnv(c.env(), path.child("env")));
    errs.addAll(EnvValidation.validateEnvFrom(c.envFrom(), path.child("envFrom")));
    errs.addAll(VolumeValidation.validateVolumeMounts(c.volumeMounts(), volumes, path.child("volumeMounts")));
    String pull = c.imagePullPolicy().orElse("");
    if (pull.isEmpty()) {
      errs.add(FieldError.required(path.child("imagePullPolicy"), ""));
    } else if (!PULL_POLICIES.contains(pull)) {
      errs.add(FieldError.notSupported(path.child("imagePullPolicy"), pull, PULL_POLICIES));
    }
    errs.addAll(ResourceValidation.validateResources(c.resources(), path.child("resources")));
    errs.addAll(SecurityContextValidation.validateContainerSecurityContext(c.securityContext(), path.child("securityContext")));
    return errs;
  }

  private static List<FieldError> validateContainerPorts(List<ContainerPort> ports, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort p = ports.get(i);
      FieldPath idx = path.index(i);
      String name = p.name().orElse("");
      if (!name.isEmpty()) {
        List<String> msgs = PortSyntax.isValidPortName(name);
        if (!msgs.isEmpty()) {
          errs.addAll(FieldError.invalidEach(idx.child("name"), name, msgs));
        } else if (!names.add(name)) {
          errs.add(FieldError.duplicate(idx.child("name"), name));
        }
      }
      int containerPort = p.containerPort().orElse(0);
      if (containerPort == 0) {
        errs.add(FieldError.required(idx.child("containerPort"), ""));
      } else {
        errs.addAll(FieldError.invalidEach(idx.child("containerPort"), containerPort, PortSyntax.isValidPortNum(containerPort)));
      }
      int hostPort = p.hostPort().orElse(0);
      if (hostPort != 0) {
        errs.addAll(FieldError.invalidEach(idx.child("hostPort"), hostPort, PortSyntax.isValidPortNum(hostPort)));
      }
      String protocol = p.protocol().orElse("");
      if (protocol.isEmpty()) {
        errs.add(FieldError.required(idx.child("protocol"), ""));
      } else if (!PROTOCOLS.contains(protocol)) {
        errs.add(FieldError.notSupported(idx.child("protocol"), protocol, PROTOCOLS));
      }
    }
    return errs;
  }

  /** {@code AccumulateUniqueHostPorts}: one host port per protocol and host IP. */
  private static List<FieldError> hostPortConflicts(List<Container> containers, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int ci = 0; ci < containers.size(); ci++) {
      List<ContainerPort> ports = containers.get(ci).ports();
      for (int pi = 0; pi < ports.size(); pi++) {
        ContainerPort p = ports.get(pi);
        int hostPort = p.hostPort().orElse(0);
        if (hostPort == 0) {
          continue;
        }
        String key = p.protocol().orElse("") + "/" + p.hostIP().orElse("") + "/" + hostPort;
        if (!seen.add(key)) {
          errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key));
        }
      }
    }
    return errs;
  }

  static List<Container> allContainers(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.containers());
    all.addAll(spec.initContainers());
    return all;
  }
}
