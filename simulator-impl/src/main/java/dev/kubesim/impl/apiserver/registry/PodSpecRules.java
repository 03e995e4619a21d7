package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.HTTPHeader;
import dev.kubesim.api.model.HostAlias;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.PodDNSConfig;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import dev.kubesim.impl.apiserver.validation.PortSyntax;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The pod spec rules shared by Pods and the pod templates of ReplicationControllers, ReplicaSets
 * and Deployments: core/v1 defaulting and core validation's {@code ValidatePodSpec}, {@code
 * ValidatePodTemplateSpec} and {@code ValidatePodSpecificAnnotations}, with the real field paths
 * (a template's errors are under {@code spec.template.spec...}) and the real order of errors.
 *
 * <p>Validation mirrors Kubernetes 1.33/1.34 with its default feature gates: relaxed environment
 * variable names and DNS search paths, zero-second sleep hooks allowed. Parts of the spec kubesim
 * keeps as raw JSON (affinity, topology spread, resource claims, security contexts beyond the user
 * and group ids) are stored as given and not validated.
 */
public final class PodSpecRules {
  /** The annotation that marks a mirror pod. */
  static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

  private static final String POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
  private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String APPARMOR_CONTAINER_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
  private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final int MAX_DNS_NAMESERVERS = 3;
  private static final int MAX_DNS_SEARCH_PATHS = 32;
  private static final int MAX_DNS_SEARCH_LIST_CHARS = 2048;
  private static final long MAX_INT32 = Integer.MAX_VALUE;
  private static final String NON_NEGATIVE = "must be greater than or equal to 0";

  private static final String DNS1123_SUBDOMAIN_UNDERSCORE_FMT =
      "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN_UNDERSCORE = Pattern.compile(DNS1123_SUBDOMAIN_UNDERSCORE_FMT);
  private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Set<String> ENV_FIELD_PATHS =
      Set.of(
          "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
          "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
  private static final Set<String> DOWNWARD_LABELS =
      Set.of(
          "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
          "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase",
          "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
  private static final List<String> RESOURCE_FIELD_PATHS =
      List.of("limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");
  private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_RESOURCES =
      Set.of(
          "cpu", "memory", "ephemeral-storage", "storage", "pods", "services", "replicationcontrollers",
          "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
          "services.loadbalancers", "requests.cpu", "requests.memory", "requests.storage",
          "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage");

  private PodSpecRules() {}

  // ---------------------------------------------------------------------------------------------
  // Defaulting

  /** Defaults a Pod's spec: {@code SetDefaults_Pod} and everything below it. */
  public static PodSpec defaultPodSpec(PodSpec spec) {
    return PodSpecDefaults.defaults(spec, true);
  }

  /** Defaults a pod template: the spec defaults without the pod-only ones. */
  public static PodTemplateSpec defaultTemplate(PodTemplateSpec template) {
    return PodSpecDefaults.template(template);
  }

  // ---------------------------------------------------------------------------------------------
  // Templates

  /**
   * {@code ValidatePodTemplateSpec}: template labels and annotations (at {@code
   * <path>.labels}/{@code <path>.annotations}, without {@code metadata}, as upstream reports
   * them), pod-specific annotations, the spec, and no ephemeral containers.
   */
  public static List<FieldError> validateTemplate(PodTemplateSpec template, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    PodSpec spec = template.specOrEmpty();
    errs.addAll(MetadataValidation.validateLabels(template.metadata().labels(), path.child("labels")));
    errs.addAll(MetadataValidation.validateAnnotations(template.metadata().annotations(), path.child("annotations")));
    errs.addAll(validatePodSpecificAnnotations(template.metadata().annotations(), spec, path.child("annotations")));
    errs.addAll(validatePodSpec(spec, path.child("spec"), false));
    if (!spec.ephemeralContainers().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
    }
    return errs;
  }

  /**
   * The rules a workload adds to its template ({@code ValidatePodTemplateSpecForRC}/{@code
   * ForReplicaSet} after the selector check): {@code restartPolicy} must be {@code Always} and no
   * {@code activeDeadlineSeconds}.
   */
  static List<FieldError> validateWorkloadTemplate(PodTemplateSpec template, FieldPath path, String kind) {
    List<FieldError> errs = new ArrayList<>(validateTemplate(template, path));
    PodSpec spec = template.specOrEmpty();
    String restart = spec.restartPolicy().orElse("");
    if (!restart.equals("Always")) {
      errs.add(FieldError.notSupported(path.child("spec", "restartPolicy"), restart, List.of("Always")));
    }
    if (spec.activeDeadlineSeconds().isPresent()) {
      errs.add(FieldError.forbidden(path.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in " + kind + " is not Supported"));
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------
  // Annotations

  /** {@code ValidatePodSpecificAnnotations}, {@code path} being the annotations' path. */
  public static List<FieldError> validatePodSpecificAnnotations(Map<String, String> annotations, PodSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (annotations.containsKey(MIRROR_POD_ANNOTATION) && spec.nodeName().orElse("").isEmpty()) {
      errs.add(FieldError.invalid(path.key(MIRROR_POD_ANNOTATION), annotations.get(MIRROR_POD_ANNOTATION),
          "must set spec.nodeName if mirror pod annotation is set"));
    }
    if (annotations.containsKey(POD_DELETION_COST)) {
      String cost = annotations.get(POD_DELETION_COST);
      try {
        Integer.parseInt(cost.strip());
      } catch (NumberFormatException e) {
        errs.add(FieldError.invalid(path.key(POD_DELETION_COST), cost, "must be a 32bit integer"));
      }
    }
    if (annotations.containsKey(SECCOMP_POD_ANNOTATION)) {
      errs.addAll(validateSeccompProfile(annotations.get(SECCOMP_POD_ANNOTATION), path.child(SECCOMP_POD_ANNOTATION)));
    }
    // Go walks the map in random order; sorted keys keep the error list stable.
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      if (e.getKey().startsWith(SECCOMP_CONTAINER_PREFIX)) {
        errs.addAll(validateSeccompProfile(e.getValue(), path.child(e.getKey())));
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      if (!e.getKey().startsWith(APPARMOR_CONTAINER_PREFIX)) {
        continue;
      }
      String container = e.getKey().substring(APPARMOR_CONTAINER_PREFIX.length());
      boolean found = allContainers(spec).stream().anyMatch(c -> c.name().orElse("").equals(container));
      if (!found) {
        errs.add(FieldError.invalid(path.key(e.getKey()), container, "container not found"));
      }
      String profile = e.getValue();
      if (!(profile.isEmpty() || profile.equals("runtime/default") || profile.equals("unconfined") || profile.startsWith("localhost/"))) {
        errs.add(FieldError.invalid(path.key(e.getKey()), profile, "invalid AppArmor profile name: " + quote(profile)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateSeccompProfile(String p, FieldPath path) {
    if (p.equals("runtime/default") || p.equals("docker/default") || p.equals("unconfined")) {
      return List.of();
    }
    if (p.startsWith("localhost/")) {
      return validateLocalDescendingPath(p.substring("localhost/".length()), path);
    }
    return List.of(FieldError.invalid(path, p, "must be a valid seccomp profile"));
  }

  // ---------------------------------------------------------------------------------------------
  // The spec

  /**
   * {@code ValidatePodSpec}. {@code isPod} is {@code opts.ResourceIsPod}: a Pod's host-network
   * ports must equal its container ports, a template's may be left 0.
   */
  public static List<FieldError> validatePodSpec(PodSpec spec, FieldPath path, boolean isPod) {
    List<FieldError> errs = new ArrayList<>();
    if (spec.terminationGracePeriodSeconds().isEmpty()) {
      errs.add(FieldError.required(path.child("terminationGracePeriodSeconds"), ""));
    }
    Optional<Long> gracePeriod = spec.terminationGracePeriodSeconds();
    Set<String> volumes = new HashSet<>();
    errs.addAll(validateVolumes(spec.volumes(), path.child("volumes"), volumes));
    errs.addAll(validateContainers(spec, volumes, gracePeriod, path.child("containers")));
    errs.addAll(validateInitContainers(spec, volumes, gracePeriod, path.child("initContainers")));
    errs.addAll(validateHostNetworkPorts(spec, path, isPod));
    errs.addAll(validateRestartPolicy(spec.restartPolicy().orElse(""), path.child("restartPolicy")));
    errs.addAll(validateDnsPolicy(spec.dnsPolicy().orElse(""), path.child("dnsPolicy")));
    errs.addAll(MetadataValidation.validateLabels(spec.nodeSelector(), path.child("nodeSelector")));
    errs.addAll(validatePodSecurityContext(spec, path.child("securityContext")));
    errs.addAll(validateDnsConfig(spec.dnsConfig(), spec.dnsPolicy().orElse(""), path.child("dnsConfig")));
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
      errs.addAll(validateTolerations(spec.tolerations(), path.child("tolerations")));
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

  /** {@code validateContainersOnlyForPod}: checks a Pod makes that a template is spared. */
  public static List<FieldError> validateContainersOnlyForPod(List<Container> containers, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      String image = containers.get(i).image().orElse("");
      if (!image.equals(image.strip())) {
        errs.add(FieldError.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace"));
      }
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------
  // Volumes

  private static List<FieldError> validateVolumes(List<Object> volumes, FieldPath path, Set<String> names) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> v = Generic.map(volumes.get(i)).orElse(Map.of());
      String name = Generic.str(v, "name");
      List<FieldError> el = new ArrayList<>();
      int sources = 0;
      for (String key : v.keySet()) {
        if (key.equals("name")) {
          continue;
        }
        if (sources++ > 0) {
          el.add(FieldError.forbidden(idx.child(key), "may not specify more than 1 volume type"));
        }
      }
      if (sources == 0) {
        el.add(FieldError.required(idx, "must specify a volume type"));
      }
      if (name.isEmpty()) {
        el.add(FieldError.required(idx.child("name"), ""));
      } else {
        el.addAll(FieldError.invalidEach(idx.child("name"), name, DnsNames.isDNS1123Label(name)));
      }
      if (names.contains(name)) {
        el.add(FieldError.duplicate(idx.child("name"), name));
      }
      // Only a valid volume can be mounted: an invalid one is reported and left out.
      if (el.isEmpty()) {
        names.add(name);
      } else {
        errs.addAll(el);
      }
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------
  // Containers

  private static List<FieldError> validateContainers(PodSpec spec, Set<String> volumes, Optional<Long> grace, FieldPath path) {
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
      c.lifecycle().ifPresent(l -> errs.addAll(validateLifecycle(l, grace, idx.child("lifecycle"))));
      errs.addAll(validateProbes(c, grace, idx));
      if (c.restartPolicy().isPresent()) {
        errs.add(FieldError.forbidden(idx.child("restartPolicy"), "may not be set for non-init containers"));
      }
    }
    errs.addAll(hostPortConflicts(containers, path));
    return errs;
  }

  private static List<FieldError> validateInitContainers(PodSpec spec, Set<String> volumes, Optional<Long> grace, FieldPath path) {
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
        c.lifecycle().ifPresent(l -> errs.addAll(validateLifecycle(l, grace, idx.child("lifecycle"))));
        errs.addAll(validateProbes(c, grace, idx));
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
    errs.addAll(validateEnv(c.env(), path.child("env")));
    errs.addAll(validateEnvFrom(c.envFrom(), path.child("envFrom")));
    errs.addAll(validateVolumeMounts(c.volumeMounts(), volumes, path.child("volumeMounts")));
    String pull = c.imagePullPolicy().orElse("");
    if (pull.isEmpty()) {
      errs.add(FieldError.required(path.child("imagePullPolicy"), ""));
    } else if (!PULL_POLICIES.contains(pull)) {
      errs.add(FieldError.notSupported(path.child("imagePullPolicy"), pull, PULL_POLICIES));
    }
    errs.addAll(validateResources(c.resources(), path.child("resources")));
    errs.addAll(validateContainerSecurityContext(c.securityContext(), path.child("securityContext")));
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

  // ---------------------------------------------------------------------------------------------
  // Environment

  private static List<FieldError> validateEnv(List<EnvVar> env, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      FieldPath idx = path.index(i);
      String name = e.name().orElse("");
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      } else {
        errs.addAll(FieldError.invalidEach(idx.child("name"), name, relaxedEnvVarName(name)));
      }
      errs.addAll(validateValueFrom(e, idx.child("valueFrom")));
    }
    return errs;
  }

  /** {@code IsRelaxedEnvVarName} (RelaxedEnvironmentVariableValidation is on in 1.33+). */
  private static List<String> relaxedEnvVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.isEmpty()) {
      errs.add("environment variable name " + ValidationMessages.emptyError());
    }
    for (int i = 0; i < value.length(); i++) {
      char r = value.charAt(i);
      if (r > 0x7f || r < 0x20 || r == 0x7f || r == '=') {
        errs.add("a valid environment variable name must consist only of printable ASCII characters other than '='");
        break;
      }
    }
    return errs;
  }

  private static List<FieldError> validateValueFrom(EnvVar e, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<Map<String, Object>> from = e.valueFrom().flatMap(Generic::map);
    if (e.valueFrom().isEmpty()) {
      return errs;
    }
    Map<String, Object> f = from.orElse(Map.of());
    int sources = 0;
    Optional<Map<String, Object>> fieldRef = Generic.map(f, "fieldRef");
    if (fieldRef.isPresent()) {
      sources++;
      errs.addAll(validateFieldRef(fieldRef.get(), path.child("fieldRef")));
    }
    Optional<Map<String, Object>> resourceRef = Generic.map(f, "resourceFieldRef");
    if (resourceRef.isPresent()) {
      sources++;
      String resource = Generic.str(resourceRef.get(), "resource");
      FieldPath rp = path.child("resourceFieldRef");
      if (resource.isEmpty()) {
        errs.add(FieldError.required(rp.child("resource"), ""));
      } else if (!RESOURCE_FIELD_PATHS.contains(resource)
          && !resource.startsWith("requests.hugepages-")
          && !resource.startsWith("limits.hugepages-")) {
        errs.add(FieldError.notSupported(rp.child("resource"), resource, RESOURCE_FIELD_PATHS));
      }
    }
    for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
      Optional<Map<String, Object>> ref = Generic.map(f, kind);
      if (ref.isPresent()) {
        sources++;
        errs.addAll(validateKeySelector(ref.get(), path.child(kind)));
      }
    }
    if (sources == 0) {
      errs.add(FieldError.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    } else if (!e.value().orElse("").isEmpty()) {
      errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
    } else if (sources > 1) {
      errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
    }
    return errs;
  }

  /** {@code validateObjectFieldSelector} for env vars. */
  private static List<FieldError> validateFieldRef(Map<String, Object> ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String apiVersion = Generic.str(ref, "apiVersion");
    String fieldPath = Generic.str(ref, "fieldPath");
    if (apiVersion.isEmpty()) {
      errs.add(FieldError.required(path.child("apiVersion"), ""));
      return errs;
    }
    if (fieldPath.isEmpty()) {
      errs.add(FieldError.required(path.child("fieldPath"), ""));
      return errs;
    }
    // podshelper.ConvertDownwardAPIFieldLabel
    String error = null;
    String[] subscripted = splitSubscript(fieldPath);
    String converted = fieldPath;
    if (!apiVersion.equals("v1")) {
      error = "unsupported pod version: " + apiVersion;
    } else if (subscripted != null) {
      if (!subscripted[0].equals("metadata.annotations") && !subscripted[0].equals("metadata.labels")) {
        error = "field label does not support subscript: " + fieldPath;
      }
    } else if (fieldPath.equals("spec.host")) {
      converted = "spec.nodeName";
    } else if (!DOWNWARD_LABELS.contains(fieldPath)) {
      error = "field label not supported: " + fieldPath;
    }
    if (error != null) {
      errs.add(FieldError.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: " + error));
      return errs;
    }
    if (subscripted != null) {
      String key = subscripted[0].equals("metadata.annotations") ? subscripted[1].toLowerCase(java.util.Locale.ROOT) : subscripted[1];
      errs.addAll(FieldError.invalidEach(path, key, LabelNames.isQualifiedName(key)));
    } else if (!ENV_FIELD_PATHS.contains(converted)) {
      errs.add(FieldError.notSupported(path.child("fieldPath"), converted, ENV_FIELD_PATHS.stream().sorted().toList()));
    }
    return errs;
  }

  /** {@code fieldpath.SplitMaybeSubscriptedPath}: {@code metadata.labels['app']} to path and key. */
  private static String[] splitSubscript(String fieldPath) {
    if (!fieldPath.endsWith("']")) {
      return null;
    }
    String s = fieldPath.substring(0, fieldPath.length() - 2);
    int open = s.indexOf("['");
    if (open < 0) {
      return null;
    }
    return new String[] {s.substring(0, open), s.substring(open + 2)};
  }

  private static List<FieldError> validateKeySelector(Map<String, Object> ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String name = Generic.str(ref, "name");
    errs.addAll(FieldError.invalidEach(path.child("name"), name, DnsNames.isDNS1123Subdomain(name)));
    String key = Generic.str(ref, "key");
    if (key.isEmpty()) {
      errs.add(FieldError.required(path.child("key"), ""));
    } else {
      errs.addAll(FieldError.invalidEach(path.child("key"), key, configMapKey(key)));
    }
    return errs;
  }

  /** {@code IsConfigMapKey}. */
  private static List<String> configMapKey(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(ValidationMessages.maxLenError(DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errs.add(ValidationMessages.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
          "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"));
    }
    if (value.equals(".")) {
      errs.add("must not be '.'");
    } else if (value.equals("..")) {
      errs.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }

  private static List<FieldError> validateEnvFrom(List<Object> envFrom, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < envFrom.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> ev = Generic.map(envFrom.get(i)).orElse(Map.of());
      String prefix = Generic.str(ev, "prefix");
      if (!prefix.isEmpty()) {
        errs.addAll(FieldError.invalidEach(idx.child("prefix"), prefix, relaxedEnvVarName(prefix)));
      }
      int sources = 0;
      for (String kind : List.of("configMapRef", "secretRef")) {
        Optional<Map<String, Object>> ref = Generic.map(ev, kind);
        if (ref.isPresent()) {
          sources++;
          String name = Generic.str(ref.get(), "name");
          if (name.isEmpty()) {
            errs.add(FieldError.required(idx.child(kind, "name"), ""));
          } else {
            errs.addAll(FieldError.invalidEach(idx.child(kind, "name"), name, DnsNames.isDNS1123Subdomain(name)));
          }
        }
      }
      if (sources == 0) {
        errs.add(FieldError.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
      } else if (sources > 1) {
        errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
      }
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------
  // Volume mounts

  private static List<FieldError> validateVolumeMounts(List<Object> mounts, Set<String> volumes, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> m = Generic.map(mounts.get(i)).orElse(Map.of());
      String name = Generic.str(m, "name");
      String mountPath = Generic.str(m, "mountPath");
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      }
      if (!volumes.contains(name)) {
        errs.add(FieldError.notFound(idx.child("name"), name));
      }
      if (mountPath.isEmpty()) {
        errs.add(FieldError.required(idx.child("mountPath"), ""));
      }
      if (!mountPoints.add(mountPath)) {
        errs.add(FieldError.invalid(idx.child("mountPath"), mountPath, "must be unique"));
      }
      String subPath = Generic.str(m, "subPath");
      String subPathExpr = Generic.str(m, "subPathExpr");
      // Upstream reports these at volumeMounts.subPath, without the index.
      if (!subPath.isEmpty()) {
        errs.addAll(validateLocalDescendingPath(subPath, path.child("subPath")));
      }
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          errs.add(FieldError.invalid(idx.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"));
        }
        errs.addAll(validateLocalDescendingPath(subPathExpr, path.child("subPathExpr")));
      }
    }
    return errs;
  }

  private static List<FieldError> validateLocalDescendingPath(String target, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (target.startsWith("/")) {
      errs.add(FieldError.invalid(path, target, "must be a relative path"));
    }
    for (String part : target.split("/", -1)) {
      if (part.equals("..")) {
        errs.add(FieldError.invalid(path, target, "must not contain '..'"));
        break;
      }
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------
  // Resources and security contexts

  /** {@code ValidateContainerResourceRequirements} for the limits and requests maps. */
  private static List<FieldError> validateResources(Optional<Object> resources, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Object> r = resources.flatMap(Generic::map).orElse(Map.of());
    Map<String, Object> limits = new TreeMap<>(Generic.map(r, "limits").orElse(Map.of()));
    Map<String, Object> requests = new TreeMap<>(Generic.map(r, "requests").orElse(Map.of()));
    FieldPath limPath = path.child("limits");
    FieldPath reqPath = path.child("requests");
    for (Map.Entry<String, Object> e : limits.entrySet()) {
      FieldPath fp = limPath.key(e.getKey());
      errs.addAll(validateContainerResourceName(e.getKey(), fp));
      errs.addAll(validateQuantity(e.getKey(), e.getValue(), fp));
    }
    for (Map.Entry<String, Object> e : requests.entrySet()) {
      String name = e.getKey();
      FieldPath fp = reqPath.key(name);
      errs.addAll(validateContainerResourceName(name, fp));
      errs.addAll(validateQuantity(name, e.getValue(), fp));
      Optional<BigDecimal> request = Quantity.parse(e.getValue());
      if (limits.containsKey(name)) {
        Optional<BigDecimal> limit = Quantity.parse(limits.get(name));
        if (request.isPresent() && limit.isPresent()) {
          int cmp = request.get().compareTo(limit.get());
          String shown = String.valueOf(e.getValue());
          if (cmp != 0 && !overcommitAllowed(name)) {
            errs.add(FieldError.invalid(reqPath, shown, "must be equal to " + name + " limit of " + limits.get(name)));
          } else if (cmp > 0) {
            errs.add(FieldError.invalid(reqPath, shown, "must be less than or equal to " + name + " limit of " + limits.get(name)));
          }
        }
      } else if (!overcommitAllowed(name)) {
        errs.add(FieldError.required(limPath, "Limit must be set for non overcommitable resources"));
      }
    }
    return errs;
  }

  private static boolean isNativeResource(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  private static boolean overcommitAllowed(String name) {
    return isNativeResource(name) && !name.startsWith("hugepages-");
  }

  private static List<FieldError> validateContainerResourceName(String name, FieldPath path) {
    List<FieldError> errs = new ArrayList<>(FieldError.invalidEach(path, name, LabelNames.isQualifiedName(name)));
    if (!errs.isEmpty()) {
      return errs;
    }
    if (!name.contains("/")) {
      if (!STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
      }
      if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
      }
    }
    return errs;
  }

  /** {@code ValidateResourceQuantityValue}: non-negative, whole for integer resources. */
  static List<FieldError> validateQuantity(String resource, Object raw, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<BigDecimal> q = Quantity.parse(raw);
    String shown = String.valueOf(raw);
    if (q.isEmpty()) {
      // Upstream refuses such a value while decoding; here it surfaces as a field error.
      errs.add(FieldError.invalid(path, shown,
          "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
      return errs;
    }
    if (q.get().signum() < 0) {
      errs.add(FieldError.invalid(path, shown, NON_NEGATIVE));
    }
    boolean integerResource = resource.equals("pods") || !isNativeResource(resource);
    if (integerResource && q.get().stripTrailingZeros().scale() > 0) {
      errs.add(FieldError.invalid(path, shown, "must be an integer"));
    }
    return errs;
  }

  private static List<FieldError> validatePodSecurityContext(PodSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Object> sc = spec.securityContext().orElse(null);
    if (sc == null) {
      return errs;
    }
    errs.addAll(idRange(sc, "fsGroup", path));
    errs.addAll(idRange(sc, "runAsUser", path));
    errs.addAll(idRange(sc, "runAsGroup", path));
    List<?> groups = Generic.list(sc, "supplementalGroups");
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g) instanceof Number n && (n.longValue() < 0 || n.longValue() > MAX_INT32)) {
        errs.add(FieldError.invalid(path.child("supplementalGroups").index(g), n.longValue(),
            ValidationMessages.inclusiveRangeError(0, MAX_INT32)));
      }
    }
    // The internal type keeps shareProcessNamespace and hostPID in the security context, hence the path.
    if (spec.shareProcessNamespace().orElse(false) && spec.hostPID().orElse(false)) {
      errs.add(FieldError.invalid(path.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
    }
    return errs;
  }

  private static List<FieldError> validateContainerSecurityContext(Optional<Object> securityContext, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<Map<String, Object>> sc = securityContext.flatMap(Generic::map);
    if (sc.isEmpty()) {
      return errs;
    }
    errs.addAll(idRange(sc.get(), "runAsUser", path));
    errs.addAll(idRange(sc.get(), "runAsGroup", path));
    return errs;
  }

  /** {@code IsValidUserID}/{@code IsValidGroupID}: 0 to 2147483647. */
  private static List<FieldError> idRange(Map<String, Object> m, String key, FieldPath path) {
    return Generic.num(m, key)
        .filter(v -> v < 0 || v > MAX_INT32)
        .map(v -> List.of(FieldError.invalid(path.child(key), v, ValidationMessages.inclusiveRangeError(0, MAX_INT32))))
        .orElse(List.of());
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

  // ---------------------------------------------------------------------------------------------
  // Probes and handlers

  private static List<FieldError> validateProbes(Container c, Optional<Long> grace, FieldPath idx) {
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

  /** {@code validateLifecycle} over the raw postStart/preStop handlers. */
  private static List<FieldError> validateLifecycle(Object lifecycle, Optional<Long> grace, FieldPath path) {
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

  private static List<FieldError> nonNegative(long value, FieldPath path) {
    return value < 0 ? List.of(FieldError.invalid(path, value, NON_NEGATIVE)) : List.of();
  }

  // ---------------------------------------------------------------------------------------------
  // Pod-level policies

  private static List<FieldError> validateRestartPolicy(String policy, FieldPath path) {
    if (policy.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!RESTART_POLICIES.contains(policy)) {
      return List.of(FieldError.notSupported(path, policy, RESTART_POLICIES));
    }
    return List.of();
  }

  private static List<FieldError> validateDnsPolicy(String policy, FieldPath path) {
    if (policy.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!DNS_POLICIES.contains(policy)) {
      return List.of(FieldError.notSupported(path, policy, DNS_POLICIES));
    }
    return List.of();
  }

  /** {@code validatePodDNSConfig} with relaxed search-path validation (on since 1.33). */
  private static List<FieldError> validateDnsConfig(Optional<PodDNSConfig> config, String policy, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (policy.equals("None")) {
      if (config.isEmpty()) {
        errs.add(FieldError.required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
        return errs;
      }
      if (config.get().nameservers().isEmpty()) {
        errs.add(FieldError.required(path.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
        return errs;
      }
    }
    if (config.isEmpty()) {
      return errs;
    }
    PodDNSConfig c = config.get();
    if (c.nameservers().size() > MAX_DNS_NAMESERVERS) {
      errs.add(FieldError.invalid(path.child("nameservers"), c.nameservers(),
          "must not have more than " + MAX_DNS_NAMESERVERS + " nameservers"));
    }
    for (int i = 0; i < c.nameservers().size(); i++) {
      String ns = c.nameservers().get(i);
      errs.addAll(FieldError.invalidEach(path.child("nameservers").index(i), ns, IpSyntax.isValidIP(ns)));
    }
    if (c.searches().size() > MAX_DNS_SEARCH_PATHS) {
      errs.add(FieldError.invalid(path.child("searches"), c.searches(),
          "must not have more than " + MAX_DNS_SEARCH_PATHS + " search paths"));
    }
    if (String.join(" ", c.searches()).length() > MAX_DNS_SEARCH_LIST_CHARS) {
      errs.add(FieldError.invalid(path.child("searches"), c.searches(),
          "must not have more than " + MAX_DNS_SEARCH_LIST_CHARS + " characters (including spaces) in the search list"));
    }
    for (int i = 0; i < c.searches().size(); i++) {
      String search = c.searches().get(i);
      if (search.equals(".")) {
        continue;
      }
      if (search.endsWith(".")) {
        search = search.substring(0, search.length() - 1);
      }
      errs.addAll(FieldError.invalidEach(path.child("searches").index(i), search, dns1123SubdomainWithUnderscore(search)));
    }
    for (int i = 0; i < c.options().size(); i++) {
      if (c.options().get(i).name().orElse("").isEmpty()) {
        errs.add(FieldError.required(path.child("options").index(i), "must not be empty"));
      }
    }
    return errs;
  }

  /** {@code IsDNS1123SubdomainWithUnderscore}. */
  private static List<String> dns1123SubdomainWithUnderscore(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(ValidationMessages.maxLenError(DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN_UNDERSCORE.matcher(value).matches()) {
      errs.add(ValidationMessages.regexError(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', "
              + "and must start and end with an alphanumeric character",
          DNS1123_SUBDOMAIN_UNDERSCORE_FMT, "example.com"));
    }
    return errs;
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

  /** {@code ValidateTolerations} over the raw toleration maps. */
  static List<FieldError> validateTolerations(List<Object> tolerations, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < tolerations.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> t = Generic.map(tolerations.get(i)).orElse(Map.of());
      String key = Generic.str(t, "key");
      String operator = Generic.str(t, "operator");
      String value = Generic.str(t, "value");
      String effect = Generic.str(t, "effect");
      if (!key.isEmpty()) {
        errs.addAll(MetadataValidation.validateLabelName(key, idx.child("key")));
      }
      if (key.isEmpty() && !operator.equals("Exists")) {
        errs.add(FieldError.invalid(idx.child("operator"), operator,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
      }
      if (t.get("tolerationSeconds") != null && !effect.equals("NoExecute")) {
        errs.add(FieldError.invalid(idx.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      }
      switch (operator) {
        case "Equal", "" -> {
          List<String> msgs = LabelNames.isValidLabelValue(value);
          if (!msgs.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value, String.join(";", msgs)));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value, "value must be empty when `operator` is 'Exists'"));
          }
        }
        default -> errs.add(FieldError.notSupported(idx.child("operator"), operator, List.of("Equal", "Exists")));
      }
      if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
        errs.add(FieldError.notSupported(idx.child("effect"), effect, TAINT_EFFECTS));
      }
    }
    return errs;
  }

  /** {@code validateTaintEffect}; {@code allowEmpty} for tolerations, not for taints. */
  static List<FieldError> validateTaintEffect(String effect, boolean allowEmpty, FieldPath path) {
    if (!allowEmpty && effect.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!TAINT_EFFECTS.contains(effect)) {
      return List.of(FieldError.notSupported(path, effect, TAINT_EFFECTS));
    }
    return List.of();
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

  // ---------------------------------------------------------------------------------------------
  // QoS

  /** {@code qos.GetPodQOS}: Guaranteed, Burstable or BestEffort from the cpu and memory figures. */
  public static String qosClass(PodSpec spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    for (Container c : allContainers(spec)) {
      Map<String, Object> r = c.resources().flatMap(Generic::map).orElse(Map.of());
      sumPositive(Generic.map(r, "requests").orElse(Map.of()), requests);
      Set<String> found = sumPositive(Generic.map(r, "limits").orElse(Map.of()), limits);
      if (!found.containsAll(Set.of("cpu", "memory"))) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
        BigDecimal lim = limits.get(e.getKey());
        if (lim == null || lim.compareTo(e.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
  }

  private static Set<String> sumPositive(Map<String, Object> list, Map<String, BigDecimal> into) {
    Set<String> found = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : list.entrySet()) {
      if (!e.getKey().equals("cpu") && !e.getKey().equals("memory")) {
        continue;
      }
      Optional<BigDecimal> q = Quantity.parse(e.getValue());
      if (q.isPresent() && q.get().signum() > 0) {
        found.add(e.getKey());
        into.merge(e.getKey(), q.get(), BigDecimal::add);
      }
    }
    return found;
  }

  static List<Container> allContainers(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.containers());
    all.addAll(spec.initContainers());
    return all;
  }

  private static String quote(String s) {
    return dev.kubesim.impl.apiserver.validation.GoFormat.quote(s);
  }
}
