package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ServiceAccount admission plugin on pod create (seed 1). */
class ServiceAccountAdmissionTest {
  private static final String MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";
  private final Fixture f = new Fixture();

  private static String volumeName(PodSpec spec) {
    return (String) ((Map<?, ?>) spec.volumes().get(0)).get("name");
  }

  @Test
  void podWithoutAnAccountRunsAsDefaultAndEveryContainerMountsTheTokenVolumeReadOnly() {
    Pod pod = f.create("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: [{name: init, image: busybox}],"
        + " containers: [{name: a, image: nginx}, {name: b, image: nginx}]}}");
    PodSpec spec = pod.specOrEmpty();
    assertThat(spec.serviceAccountName()).contains("default");
    assertThat(spec.serviceAccount()).contains("default");
    assertThat(spec.volumes()).hasSize(1);
    String volume = volumeName(spec);
    assertThat(volume).matches("kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}");
    Map<String, Object> mount = Map.of("name", volume, "readOnly", true, "mountPath", MOUNT);
    for (Container c : List.of(spec.initContainers().get(0), spec.containers().get(0), spec.containers().get(1))) {
      assertThat(c.volumeMounts()).containsExactly(mount);
    }
    Map<?, ?> projected = (Map<?, ?>) ((Map<?, ?>) spec.volumes().get(0)).get("projected");
    assertThat(projected.get("defaultMode")).isEqualTo(420);
    assertThat(projected.get("sources")).isEqualTo(List.of(
        Map.of("serviceAccountToken", Map.of("expirationSeconds", 3607, "path", "token")),
        Map.of("configMap", Map.of("name", "kube-root-ca.crt", "items", List.of(Map.of("key", "ca.crt", "path", "ca.crt")))),
        Map.of("downwardAPI", Map.of("items", List.of(Map.of("path", "namespace",
            "fieldRef", Map.of("apiVersion", "v1", "fieldPath", "metadata.namespace")))))));
  }

  @Test
  void automountServiceAccountTokenFalseOnThePodOrItsAccountMountsNothing() {
    Pod own = f.create("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {automountServiceAccountToken: false,"
        + " containers: [{name: a, image: nginx}]}}");
    assertThat(own.specOrEmpty().volumes()).isEmpty();
    assertThat(own.specOrEmpty().containers().get(0).volumeMounts()).isEmpty();
    f.create("{apiVersion: v1, kind: ServiceAccount, metadata: {name: quiet}, automountServiceAccountToken: false}");
    Pod viaAccount = f.create("{apiVersion: v1, kind: Pod, metadata: {name: q}, spec: {serviceAccountName: quiet,"
        + " containers: [{name: a, image: nginx}]}}");
    assertThat(viaAccount.specOrEmpty().volumes()).isEmpty();
    Pod overridden = f.create("{apiVersion: v1, kind: Pod, metadata: {name: r}, spec: {serviceAccountName: quiet,"
        + " automountServiceAccountToken: true, containers: [{name: a, image: nginx}]}}");
    assertThat(overridden.specOrEmpty().volumes()).hasSize(1);
  }

  @Test
  void aContainerWithItsOwnMountAtThePathKeepsIt() {
    Pod pod = f.create("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {volumes: [{name: mine, emptyDir: {}}],"
        + " containers: [{name: a, image: nginx, volumeMounts: [{name: mine, mountPath: " + MOUNT + "}]},"
        + " {name: b, image: nginx}]}}");
    PodSpec spec = pod.specOrEmpty();
    assertThat(spec.volumes()).hasSize(2);
    assertThat(spec.containers().get(0).volumeMounts()).containsExactly(Map.of("name", "mine", "mountPath", MOUNT));
    assertThat(spec.containers().get(1).volumeMounts()).hasSize(1);
  }

  @Test
  void aPodNamingAMissingAccountIsForbidden() {
    KubeSimException e = catchThrowableOfType(() -> f.create("{apiVersion: v1, kind: Pod, metadata: {name: x},"
        + " spec: {serviceAccountName: x, containers: [{name: a, image: nginx}]}}"), KubeSimException.class);
    assertThat(e.reason()).isEqualTo("Forbidden");
    assertThat(e.code()).isEqualTo(403);
    assertThat(e).hasMessage("pods \"x\" is forbidden: error looking up service account default/x: serviceaccount \"x\" not found");
  }

  @Test
  void anUpdateFromTheManifestKeepsTheTokenVolumeAdmissionAdded() {
    String manifest = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: %s}]}}";
    Pod created = f.create(manifest.formatted("nginx"));
    Pod updated = f.update(manifest.formatted("nginx:1.27"));
    assertThat(updated.specOrEmpty().volumes()).isEqualTo(created.specOrEmpty().volumes());
    assertThat(updated.specOrEmpty().containers().get(0).volumeMounts())
        .isEqualTo(created.specOrEmpty().containers().get(0).volumeMounts());
  }

  @Test
  void podsOfOneTemplateValidateAsOneSpecWhateverTheirVolumeSuffix() {
    Pod a = f.create("{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: nginx}]}}");
    Pod b = f.create("{apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {containers: [{name: c, image: nginx}]}}");
    assertThat(volumeName(a.specOrEmpty())).isNotEqualTo(volumeName(b.specOrEmpty()));
    PodSpec canonicalA = ServiceAccountAdmission.withCanonicalTokenVolume(a.specOrEmpty());
    assertThat(canonicalA).isEqualTo(ServiceAccountAdmission.withCanonicalTokenVolume(b.specOrEmpty()));
    assertThat(volumeName(canonicalA)).isEqualTo("kube-api-access-token");
    assertThat(canonicalA.containers().get(0).volumeMounts())
        .containsExactly(Map.of("name", "kube-api-access-token", "readOnly", true, "mountPath", MOUNT));
  }

  @Test
  void aUserVolumeThatOnlyLooksGeneratedIsValidatedAsWritten() {
    Pod pod = f.create("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {automountServiceAccountToken: false,"
        + " volumes: [{name: kube-api-access-bcdfg, emptyDir: {}}], containers: [{name: c, image: nginx}]}}");
    assertThat(ServiceAccountAdmission.withCanonicalTokenVolume(pod.specOrEmpty())).isEqualTo(pod.specOrEmpty());
  }
}
