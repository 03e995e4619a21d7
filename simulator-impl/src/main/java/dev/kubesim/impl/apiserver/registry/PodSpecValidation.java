package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.HostAlias;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Core validation's {@code ValidatePodSpec}, shared by Pods and the pod templates of
 * ReplicationControllers, ReplicaSets and Deployments, with the real field paths (a template's
 * errors are under {@code spec.template.spec...}) and the real order of errors. The parts with a
 * job of their own (volumes, containers, DNS, security contexts, tolerations) live in their own
 * classes; this one walks the spec in upstream's order and checks the pod-level fields.
 *
 * <p>Validation mirrors Kubernetes 1.33/1.34 with its default feature gates: relaxed environment
 * variable names and DNS search paths, zero-second sleep hooks allowed. Parts of the spec kubesim
 * keeps as raw JSON (affinity, topology spread, resource claims, security contexts beyond the user
 * and group ids) are stored as given and not validated.
 */
final class PodSpecValidation {
  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  static final long MAX_INT32 = Integer.MAX_VALUE;
  static final String NON_NEGATIVE = "must be greater than or equal to 0";

  private PodSpecValidation() {}

  /**
   * {@code ValidatePodSpec}. {@code isPod} is {@code opts.ResourceIsPod}: a Pod's host-network
   * ports must equal its container ports, a template's may be left 0.
   */
  static List<FieldError> validatePodSpec(PodSpec spec, FieldPath path, boolean isPod) {
    List<FieldError> errs = new ArrayList<>();
    if (spec.terminationGracePeriodSeconds().isEmpty()) {
      errs.add(FieldError.required(path.child("terminationGracePeriodSeconds"), ""));
    }
    Optional<Long> gracePeriod = spec.terminationGracePeriodSeconds();
    Set<String> volumes = new HashSet<>();
    errs.addAll(VolumeValidation.validateVolumes(spec.volumes(), path.child("volumes"), volumes));
    errs.addAll(ContainerValidation.validateContainers(spec, volumes, gracePeriod, path.child("containers")));
    errs.addAll(ContainerValidation.validateInitContainers(spec, volumes, gracePeriod, path.child("initContainers")));
    errs.addAll(validateHostNetworkPorts(spec, path, isPod));
    errs.addAll(validateRestartPolicy(spec.restartPolicy().orElse(""), path.child("restartPolicy")));
    errs.addAll(PodDnsValidation.validateDnsPolicy(spec.dnsPolicy().orElse(""), path.child("dnsPolicy")));
    errs.addAll(MetadataValidation.validateLabels(spec.nodeSelector(), path.child("nodeSelector")));
    errs.addAll(SecurityContextValidation.validatePodSecurityContext(spec, path.child("securityContext")));
    errs.addAll(PodDnsValidation.validateDnsConfig(spec.dnsConfig(), spec.dnsPolicy().orElse(""), path.child("dnsConfig")));
    errs.addAll(validateReadinessGates(spec.readinessGates(), path.child("readinessGates")));
    errs.addAll(validateSchedulingGates(spec.schedulingGates(), path.child("schedulingGates")));
    errs.addAll(validateHostUsers(spec, path));
    String sa = spec.serviceAccountName().orElse("");
    if (!sa.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("serviceAccountName"), sa, DnsNames.isDNS1123Subdomain(sa)));
    }
    String nodeName = spec.nodeName().orElse("");
    if (!nodeName.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("nodeName"), nodeName, DnsNames.isDNS1123Subdomain(nodeName)));
    }
    spec.activeDeadlineSeconds().ifPresent(v -> {
      if (v < 1 || v > MAX_INT32) {
        errs.add(FieldError.invalid(path.child("activeDeadlineSeconds"), v, ValidationMessages.inclusiveRangeError(1, MAX_INT32)));
      }
    });
    String hostname = spec.hostname().orElse("");
    if (!hostname.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("hostname"), hostname, DnsNames.isDNS1123Label(hostname)));
    }
    String subdomain = spec.subdomain().orElse("");
    if (!subdomain.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("subdomain"), subdomain, DnsNames.isDNS1123Label(subdomain)));
    }
    if (!spec.tolerations().isEmpty()) {
      errs.addAll(TolerationValidation.validateTolerations(spec.tolerations(), path.child("tolerations")));
    }
    errs.addAll(validateHostAliases(spec.hostAliases(), path.child("hostAliases")));
    String priorityClass = spec.priorityClassName().orElse("");
    if (!priorityClass.isEmpty()) {
      errs.addAll(FieldError.invalidEach(path.child("priorityClassName"), priorityClass, DnsNames.isDNS1123Subdomain(priorityClass)));
    }
    spec.runtimeClassName().ifPresent(rc ->
        errs.addAll(FieldError.invalidEach(path.child("runtimeClassName"), rc, DnsNames.isDNS1123Subdomain(rc))));
    spec.preemptionPolicy().ifPresent(pp -> {
      if (pp.isEmpty()) {
        errs.add(FieldError.required(path.child("preemptionPolicy"), ""));
      } else if (!pp.equals("PreemptLowerPriority") && !pp.equals("Never")) {
        errs.add(FieldError.notSupported(path.child("preemptionPolicy"), pp, List.of("PreemptLowerPriority", "Never")));
      }
    });
    return errs;
  }

  /** {@code validatePodHostNetworkDeps}. */
  private static List<FieldError> validateHostNetworkPorts(PodSpec spec, FieldPath path, boolean isPod) {
    List<FieldError> errs = new ArrayList<>();
    if (!spec.hostNetwork().orElse(false)) {
      return errs;
    }
    for (int i = 0; i < spec.containers().size(); i++) {
      List<ContainerPort> ports = spec.containers().get(i).ports();
      for (int j = 0; j < ports.size(); j++) {
        int hp = ports.get(j).hostPort().orElse(0);
        int cp = ports.get(j).containerPort().orElse(0);
        if ((isPod || hp != 0) && hp != cp) {
          errs.add(FieldError.invalid(path.child("containers").index(i).child("ports").index(j).child("hostPort"), hp,
              "must match `containerPort` when `hostNetwork` is true"));
        }
      }
    }
    return errs;
  }

  private static List<FieldError> validateHostUsers(PodSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (spec.hostUsers().orElse(true)) {
      return errs;
    }
    // The capitalised HostPID/HostIPC are upstream's own paths.
    if (spec.hostNetwork().orElse(false)) {
      errs.add(FieldError.forbidden(path.child("hostNetwork"), "when `pod.Spec.HostUsers` is false"));
    }
    if (spec.hostPID().orElse(false)) {
      errs.add(FieldError.forbidden(path.child("HostPID"), "when `pod.Spec.HostUsers` is false"));
    }
    if (spec.hostIPC().orElse(false)) {
      errs.add(FieldError.forbidden(path.child("HostIPC"), "when `pod.Spec.HostUsers` is false"));
    }
    return errs;
  }

  private static List<FieldError> validateRestartPolicy(String policy, FieldPath path) {
    if (policy.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!RESTART_POLICIES.contains(policy)) {
      return List.of(FieldError.notSupported(path, policy, RESTART_POLICIES));
    }
    return List.of();
  }

  private static List<FieldError> validateReadinessGates(List<Object> gates, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < gates.size(); i++) {
      String type = Generic.map(gates.get(i)).map(g -> Generic.str(g, "conditionType")).orElse("");
      errs.addAll(FieldError.invalidEach(path.index(i).child("conditionType"), type, LabelNames.isQualifiedName(type)));
    }
    return errs;
  }

  private static List<FieldError> validateSchedulingGates(List<Object> gates, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < gates.size(); i++) {
      String name = Generic.map(gates.get(i)).map(g -> Generic.str(g, "name")).orElse("");
      errs.addAll(FieldError.invalidEach(path.index(i), name, LabelNames.isQualifiedName(name)));
      if (!seen.add(name)) {
        errs.add(FieldError.duplicate(path.index(i), name));
      }
    }
    return errs;
  }

  private static List<FieldError> validateHostAliases(List<HostAlias> aliases, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < aliases.size(); i++) {
      HostAlias a = aliases.get(i);
      String ip = a.ip().orElse("");
      errs.addAll(FieldError.invalidEach(path.index(i).child("ip"), ip, IpSyntax.isValidIP(ip)));
      for (int j = 0; j < a.hostnames().size(); j++) {
        String h = a.hostnames().get(j);
        errs.addAll(FieldError.invalidEach(path.index(i).child("hostnames").index(j), h, DnsNames.isDNS1123Subdomain(h)));
      }
    }
    return errs;
  }
}
