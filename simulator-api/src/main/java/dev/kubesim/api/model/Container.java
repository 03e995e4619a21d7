package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code spec.containers[i]} (or {@code initContainers[i]}) of a Pod.
 *
 * @param name unique within the pod
 * @param image the image reference ({@code luksa/kubia}, {@code nginx:1.25})
 * @param command replaces the image's ENTRYPOINT
 * @param args replaces the image's CMD
 * @param workingDir replaces the image's working directory
 * @param ports the ports the container declares (informational in Kubernetes; named ones can be a
 *     Service's {@code targetPort})
 * @param envFrom sources of environment variables, as written
 * @param env environment variables, in order; {@code $(VAR)} references expand
 * @param resources requests and limits, as written
 * @param restartPolicy {@code Always} for a sidecar init container
 * @param volumeMounts where the pod's volumes appear in the container
 * @param livenessProbe restarts the container when it fails
 * @param readinessProbe removes the pod from Services' endpoints while it fails
 * @param startupProbe holds the other probes back until it succeeds
 * @param lifecycle postStart and preStop hooks, as written
 * @param imagePullPolicy {@code Always}, {@code IfNotPresent} or {@code Never}; defaulted from the
 *     tag
 * @param stdin whether the container has a standard input
 * @param tty whether the container has a terminal
 */
public record Container(
    Optional<String> name,
    Optional<String> image,
    List<String> command,
    List<String> args,
    Optional<String> workingDir,
    List<ContainerPort> ports,
    List<Object> envFrom,
    List<EnvVar> env,
    Optional<Object> resources,
    List<Object> resizePolicy,
    Optional<String> restartPolicy,
    List<Object> restartPolicyRules,
    List<Object> volumeMounts,
    List<Object> volumeDevices,
    Optional<Probe> livenessProbe,
    Optional<Probe> readinessProbe,
    Optional<Probe> startupProbe,
    Optional<Object> lifecycle,
    Optional<String> terminationMessagePath,
    Optional<String> terminationMessagePolicy,
    Optional<String> imagePullPolicy,
    Optional<Object> securityContext,
    Optional<Boolean> stdin,
    Optional<Boolean> stdinOnce,
    Optional<Boolean> tty) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name unique within the pod
   * @param image the image reference ({@code luksa/kubia}, {@code nginx:1.25})
   * @param command replaces the image's ENTRYPOINT
   * @param args replaces the image's CMD
   * @param workingDir replaces the image's working directory
   * @param ports the ports the container declares (informational in Kubernetes; named ones can be a
   *     Service's {@code targetPort})
   * @param envFrom sources of environment variables, as written
   * @param env environment variables, in order; {@code $(VAR)} references expand
   * @param resources requests and limits, as written
   * @param resizePolicy the {@code resizePolicy} field; {@code null} for none
   * @param restartPolicy {@code Always} for a sidecar init container
   * @param restartPolicyRules the {@code restartPolicyRules} field; {@code null} for none
   * @param volumeMounts where the pod's volumes appear in the container
   * @param volumeDevices the {@code volumeDevices} field; {@code null} for none
   * @param livenessProbe restarts the container when it fails
   * @param readinessProbe removes the pod from Services' endpoints while it fails
   * @param startupProbe holds the other probes back until it succeeds
   * @param lifecycle postStart and preStop hooks, as written
   * @param terminationMessagePath the {@code terminationMessagePath} field; {@code null} for absent
   * @param terminationMessagePolicy the {@code terminationMessagePolicy} field; {@code null} for
   *     absent
   * @param imagePullPolicy {@code Always}, {@code IfNotPresent} or {@code Never}; defaulted from
   *     the tag
   * @param securityContext the {@code securityContext} field; {@code null} for absent
   * @param stdin whether the container has a standard input
   * @param stdinOnce the {@code stdinOnce} field; {@code null} for absent
   * @param tty whether the container has a terminal
   */
  public Container {
    name = Values.opt(name);
    image = Values.opt(image);
    command = Values.list(command);
    args = Values.list(args);
    workingDir = Values.opt(workingDir);
    ports = Values.list(ports);
    envFrom = Values.list(envFrom);
    env = Values.list(env);
    resources = Values.opt(resources);
    resizePolicy = Values.list(resizePolicy);
    restartPolicy = Values.opt(restartPolicy);
    restartPolicyRules = Values.list(restartPolicyRules);
    volumeMounts = Values.list(volumeMounts);
    volumeDevices = Values.list(volumeDevices);
    livenessProbe = Values.opt(livenessProbe);
    readinessProbe = Values.opt(readinessProbe);
    startupProbe = Values.opt(startupProbe);
    lifecycle = Values.opt(lifecycle);
    terminationMessagePath = Values.opt(terminationMessagePath);
    terminationMessagePolicy = Values.opt(terminationMessagePolicy);
    imagePullPolicy = Values.opt(imagePullPolicy);
    securityContext = Values.opt(securityContext);
    stdin = Values.opt(stdin);
    stdinOnce = Values.opt(stdinOnce);
    tty = Values.opt(tty);
  }

  /**
   * A builder that starts from this {@code Container}'s fields, for a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder that starts with every field absent or empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder of {@link Container}, starting from nothing or from a copy. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private Optional<String> image = Optional.empty();
    private List<String> command;
    private List<String> args;
    private Optional<String> workingDir = Optional.empty();
    private List<ContainerPort> ports;
    private List<Object> envFrom;
    private List<EnvVar> env;
    private Optional<Object> resources = Optional.empty();
    private List<Object> resizePolicy;
    private Optional<String> restartPolicy = Optional.empty();
    private List<Object> restartPolicyRules;
    private List<Object> volumeMounts;
    private List<Object> volumeDevices;
    private Optional<Probe> livenessProbe = Optional.empty();
    private Optional<Probe> readinessProbe = Optional.empty();
    private Optional<Probe> startupProbe = Optional.empty();
    private Optional<Object> lifecycle = Optional.empty();
    private Optional<String> terminationMessagePath = Optional.empty();
    private Optional<String> terminationMessagePolicy = Optional.empty();
    private Optional<String> imagePullPolicy = Optional.empty();
    private Optional<Object> securityContext = Optional.empty();
    private Optional<Boolean> stdin = Optional.empty();
    private Optional<Boolean> stdinOnce = Optional.empty();
    private Optional<Boolean> tty = Optional.empty();

    private Builder(Container from) {
      if (from != null) {
        name = from.name;
        image = from.image;
        command = from.command;
        args = from.args;
        workingDir = from.workingDir;
        ports = from.ports;
        envFrom = from.envFrom;
        env = from.env;
        resources = from.resources;
        resizePolicy = from.resizePolicy;
        restartPolicy = from.restartPolicy;
        restartPolicyRules = from.restartPolicyRules;
        volumeMounts = from.volumeMounts;
        volumeDevices = from.volumeDevices;
        livenessProbe = from.livenessProbe;
        readinessProbe = from.readinessProbe;
        startupProbe = from.startupProbe;
        lifecycle = from.lifecycle;
        terminationMessagePath = from.terminationMessagePath;
        terminationMessagePolicy = from.terminationMessagePolicy;
        imagePullPolicy = from.imagePullPolicy;
        securityContext = from.securityContext;
        stdin = from.stdin;
        stdinOnce = from.stdinOnce;
        tty = from.tty;
      }
    }

    /**
     * Sets {@link Container#name()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder name(String v) { name = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#image()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder image(String v) { image = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#command()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder command(List<String> v) { command = v; return this; }
    /**
     * Sets {@link Container#args()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder args(List<String> v) { args = v; return this; }
    /**
     * Sets {@link Container#workingDir()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder workingDir(String v) { workingDir = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#ports()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder ports(List<ContainerPort> v) { ports = v; return this; }
    /**
     * Sets {@link Container#envFrom()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder envFrom(List<Object> v) { envFrom = v; return this; }
    /**
     * Sets {@link Container#env()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder env(List<EnvVar> v) { env = v; return this; }
    /**
     * Sets {@link Container#resources()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder resources(Object v) { resources = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#resizePolicy()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder resizePolicy(List<Object> v) { resizePolicy = v; return this; }
    /**
     * Sets {@link Container#restartPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder restartPolicy(String v) { restartPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#restartPolicyRules()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder restartPolicyRules(List<Object> v) { restartPolicyRules = v; return this; }
    /**
     * Sets {@link Container#volumeMounts()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder volumeMounts(List<Object> v) { volumeMounts = v; return this; }
    /**
     * Sets {@link Container#volumeDevices()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder volumeDevices(List<Object> v) { volumeDevices = v; return this; }
    /**
     * Sets {@link Container#livenessProbe()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder livenessProbe(Probe v) { livenessProbe = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#readinessProbe()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder readinessProbe(Probe v) { readinessProbe = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#startupProbe()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder startupProbe(Probe v) { startupProbe = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#lifecycle()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder lifecycle(Object v) { lifecycle = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#terminationMessagePath()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder terminationMessagePath(String v) { terminationMessagePath = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#terminationMessagePolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder terminationMessagePolicy(String v) { terminationMessagePolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#imagePullPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder imagePullPolicy(String v) { imagePullPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#securityContext()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder securityContext(Object v) { securityContext = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#stdin()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder stdin(Boolean v) { stdin = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#stdinOnce()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder stdinOnce(Boolean v) { stdinOnce = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Container#tty()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder tty(Boolean v) { tty = Optional.ofNullable(v); return this; }

    /**
     * Builds the {@code Container} from the fields set so far.
     *
     * @return a new {@code Container}
     */
    public Container build() {
      return new Container(
          name,
          image,
          command,
          args,
          workingDir,
          ports,
          envFrom,
          env,
          resources,
          resizePolicy,
          restartPolicy,
          restartPolicyRules,
          volumeMounts,
          volumeDevices,
          livenessProbe,
          readinessProbe,
          startupProbe,
          lifecycle,
          terminationMessagePath,
          terminationMessagePolicy,
          imagePullPolicy,
          securityContext,
          stdin,
          stdinOnce,
          tty);
    }
  }
}
