package dev.kubesim.impl.apiserver.registry;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The ServiceAccount admission plugin ({@code plugin/pkg/admission/serviceaccount}): a pod runs
 * as {@code default} unless it names an account; the account must exist; and unless the pod or
 * its account opts out ({@code automountServiceAccountToken: false}), every container mounts the
 * projected {@code kube-api-access-<suffix>} volume (a bound token, the cluster's CA bundle and the
 * namespace) read-only at {@value #MOUNT_PATH}. Mirror pods are left as they are.
 */
final class ServiceAccountAdmission {
  /** Where the token, {@code ca.crt} and {@code namespace} appear in every container. */
  static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  static final String DEFAULT_ACCOUNT = "default";
  private static final String VOLUME_PREFIX = "kube-api-access-";
  /** {@code serviceaccount.WarnOnlyBoundTokenExpirationSeconds}: an hour and seven seconds. */
  private static final int TOKEN_EXPIRATION_SECONDS = 3607;
  /** {@code ProjectedVolumeSourceDefaultMode}, 0644. */
  private static final int DEFAULT_MODE = 420;
  private static final int SUFFIX_LENGTH = 5;

  private final ApiServer api;
  private final SplittableRandom names;

  ServiceAccountAdmission(ApiServer api) {
    this.api = api;
    this.names = api.loop().random().stream("admission/serviceaccount");
  }

  /** The pod as the plugin admits it, or its refusal ({@code pods "p" is forbidden: ...}). */
  Pod admit(Pod pod) {
    if (pod.metadata().annotations().containsKey(PodAnnotationValidation.MIRROR_POD_ANNOTATION)) {
      return pod;
    }
    PodSpec spec = pod.specOrEmpty();
    String account = spec.serviceAccountName().filter(s -> !s.isEmpty()).orElse(DEFAULT_ACCOUNT);
    String namespace = pod.metadata().namespace().orElse("default");
    Optional<KubeObject> found = api.get("ServiceAccount", namespace, account);
    if (found.isEmpty() && !account.equals(DEFAULT_ACCOUNT)) {
      // The plugin waits a while for the controller to make "default", so only a named account is refused.
      throw new KubeSimException("Forbidden", 403, "pods " + GoFormat.quote(pod.metadata().nameOrEmpty())
          + " is forbidden: error looking up service account " + namespace + "/" + account
          + ": serviceaccount " + GoFormat.quote(account) + " not found");
    }
    PodSpec.Builder b = spec.toBuilder().serviceAccountName(account).serviceAccount(account);
    if (automount(spec, found)) {
      mountToken(spec, b);
    }
    return pod.withSpec(b.build());
  }

  /** {@code shouldAutomount}: the pod's own setting first, then the account's; on by default. */
  private static boolean automount(PodSpec spec, Optional<KubeObject> account) {
    if (spec.automountServiceAccountToken().isPresent()) {
      return spec.automountServiceAccountToken().get();
    }
    return account.filter(GenericObject.class::isInstance).map(a -> ((GenericObject) a).content().get("automountServiceAccountToken"))
        .map(v -> !Boolean.FALSE.equals(v)).orElse(true);
  }

  /**
   * {@code mountServiceAccountToken}: reuses a {@code kube-api-access-} volume the pod has (one
   * admitted before), else names a new one; every container without a mount at the path gets one.
   */
  private void mountToken(PodSpec spec, PodSpec.Builder b) {
    String volume = null;
    for (Object v : spec.volumes()) {
      String name = Generic.map(v).map(m -> Generic.str(m, "name")).orElse("");
      if (name.startsWith(VOLUME_PREFIX)) {
        volume = name;
        break;
      }
    }
    boolean hasVolume = volume != null;
    if (!hasVolume) {
      volume = VOLUME_PREFIX + suffix();
    }
    boolean[] needed = {false};
    b.initContainers(withMount(spec.initContainers(), volume, needed));
    b.containers(withMount(spec.containers(), volume, needed));
    if (!hasVolume && needed[0]) {
      List<Object> volumes = new ArrayList<>(spec.volumes());
      volumes.add(tokenVolume(volume));
      b.volumes(volumes);
    }
  }

  private static List<Container> withMount(List<Container> containers, String volume, boolean[] needed) {
    List<Container> out = new ArrayList<>();
    for (Container c : containers) {
      boolean mounted = c.volumeMounts().stream()
          .anyMatch(m -> Generic.map(m).map(x -> Generic.str(x, "mountPath")).orElse("").equals(MOUNT_PATH));
      if (mounted) {
        out.add(c);
        continue;
      }
      Map<String, Object> mount = new LinkedHashMap<>();
      mount.put("name", volume);
      mount.put("readOnly", true);
      mount.put("mountPath", MOUNT_PATH);
      List<Object> mounts = new ArrayList<>(c.volumeMounts());
      mounts.add(mount);
      out.add(c.toBuilder().volumeMounts(mounts).build());
      needed[0] = true;
    }
    return out;
  }

  /** {@code TokenVolumeSource}: the bound token, the CA bundle and the namespace, projected together. */
  private static Map<String, Object> tokenVolume(String name) {
    return ImmutableMap.of("name", name, "projected", TOKEN_PROJECTION);
  }

  /**
   * The projection of every admitted token volume. Immutable and shared: it is the same for every
   * pod, and a pod's volume that still holds this instance compares equal at once.
   */
  private static final Map<String, Object> TOKEN_PROJECTION = ImmutableMap.of(
      "sources", List.of(
          ImmutableMap.of("serviceAccountToken", ImmutableMap.of("expirationSeconds", TOKEN_EXPIRATION_SECONDS, "path", "token")),
          ImmutableMap.of("configMap", ImmutableMap.of("name", "kube-root-ca.crt",
              "items", List.of(ImmutableMap.of("key", "ca.crt", "path", "ca.crt")))),
          ImmutableMap.of("downwardAPI", ImmutableMap.of("items", List.of(ImmutableMap.of("path", "namespace",
              "fieldRef", ImmutableMap.of("apiVersion", "v1", "fieldPath", "metadata.namespace")))))),
      "defaultMode", DEFAULT_MODE);

  /**
   * On update: the token volume and its mounts that admission added and the new manifest leaves
   * out are kept, as a client's merge with the live pod keeps them.
   */
  static PodSpec keepTokenVolume(PodSpec spec, PodSpec old) {
    Optional<Object> oldVolume = old.volumes().stream().filter(v -> volumeName(v).startsWith(VOLUME_PREFIX)).findFirst();
    if (oldVolume.isEmpty() || spec.volumes().stream().anyMatch(v -> volumeName(v).startsWith(VOLUME_PREFIX))) {
      return spec;
    }
    List<Object> volumes = new ArrayList<>(spec.volumes());
    volumes.add(oldVolume.get());
    return spec.toBuilder().volumes(volumes)
        .containers(keepMounts(spec.containers(), old.containers()))
        .initContainers(keepMounts(spec.initContainers(), old.initContainers())).build();
  }

  private static List<Container> keepMounts(List<Container> containers, List<Container> old) {
    List<Container> out = new ArrayList<>();
    for (Container c : containers) {
      Optional<Object> mount = old.stream().filter(o -> o.name().equals(c.name())).findFirst()
          .flatMap(o -> o.volumeMounts().stream().filter(ServiceAccountAdmission::isTokenMount).findFirst());
      if (mount.isEmpty() || c.volumeMounts().stream().anyMatch(ServiceAccountAdmission::isTokenMount)) {
        out.add(c);
      } else {
        List<Object> mounts = new ArrayList<>(c.volumeMounts());
        mounts.add(mount.get());
        out.add(c.toBuilder().volumeMounts(mounts).build());
      }
    }
    return out;
  }

  private static boolean isTokenMount(Object mount) {
    return Generic.map(mount).map(m -> Generic.str(m, "mountPath")).orElse("").equals(MOUNT_PATH);
  }

  private static String volumeName(Object volume) {
    return Generic.map(volume).map(m -> Generic.str(m, "name")).orElse("");
  }

  /** A generated volume name: the prefix and five characters of the name alphabet. */
  private static final java.util.regex.Pattern GENERATED =
      java.util.regex.Pattern.compile(VOLUME_PREFIX + "[" + ApiServer.NAME_ALPHABET + "]{" + SUFFIX_LENGTH + "}");
  /** The name that stands for every generated one when a spec is validated. */
  private static final String CANONICAL = VOLUME_PREFIX + "token";

  /**
   * The spec with the one token volume this plugin generated (and the mounts of it) renamed to a
   * fixed name, so that the validation of pods from one template, which differ only in that
   * name, is computed once. The volume is valid whatever its suffix, so no error names it.
   */
  static PodSpec withCanonicalTokenVolume(PodSpec spec) {
    String generated = null;
    for (Object v : spec.volumes()) {
      String name = volumeName(v);
      if (GENERATED.matcher(name).matches()) {
        if (generated != null || !v.equals(tokenVolume(name))) {
          return spec;
        }
        generated = name;
      }
    }
    if (generated == null) {
      return spec;
    }
    String from = generated;
    List<Object> volumes = new ArrayList<>();
    for (Object v : spec.volumes()) {
      volumes.add(volumeName(v).equals(from) ? tokenVolume(CANONICAL) : v);
    }
    return spec.toBuilder().volumes(volumes)
        .containers(renameMounts(spec.containers(), from))
        .initContainers(renameMounts(spec.initContainers(), from)).build();
  }

  private static List<Container> renameMounts(List<Container> containers, String from) {
    List<Container> out = new ArrayList<>(containers.size());
    for (Container c : containers) {
      List<Object> mounts = new ArrayList<>(c.volumeMounts().size());
      boolean renamed = false;
      for (Object m : c.volumeMounts()) {
        Map<String, Object> mount = Generic.map(m).orElse(null);
        if (mount != null && from.equals(mount.get("name"))) {
          Map<String, Object> copy = new LinkedHashMap<>(mount);
          copy.put("name", CANONICAL);
          mounts.add(copy);
          renamed = true;
        } else {
          mounts.add(m);
        }
      }
      out.add(renamed ? c.toBuilder().volumeMounts(mounts).build() : c);
    }
    return out;
  }

  /** Five characters of the API server's name alphabet, as {@code SimpleNameGenerator} draws them. */
  private String suffix() {
    StringBuilder sb = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      sb.append(ApiServer.NAME_ALPHABET.charAt(names.nextInt(ApiServer.NAME_ALPHABET.length())));
    }
    return sb.toString();
  }
}
