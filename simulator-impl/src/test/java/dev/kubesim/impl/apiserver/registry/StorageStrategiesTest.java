package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.GenericObject;
import org.junit.jupiter.api.Test;

/** StorageClasses, PersistentVolumeClaims and PersistentVolumes: defaults, admission and validation. */
class StorageStrategiesTest {
  private final Fixture f = new Fixture();

  private static String storageClass(String name, boolean isDefault) {
    return "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: " + name
        + (isDefault ? ", annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}" : "") + "}\nprovisioner: example.com/" + name + "\n";
  }

  private static String claim(String name, String classLine) {
    return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: " + name + "}\nspec:\n" + classLine
        + "  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n";
  }

  @Test
  void storageClassDefaultsToDeleteAndImmediate() {
    GenericObject sc = f.create(storageClass("plain", false));

    assertThat(at(sc, "reclaimPolicy").asText()).isEqualTo("Delete");
    assertThat(at(sc, "volumeBindingMode").asText()).isEqualTo("Immediate");
  }

  @Test
  void claimWithoutClassGetsTheNewestDefaultClass() {
    f.create(storageClass("old", true));
    f.api.loop().advance(java.time.Duration.ofSeconds(5));
    f.create(storageClass("new", true));
    f.create(storageClass("other", false));

    GenericObject pvc = f.create(claim("data", ""));

    assertThat(at(pvc, "spec.storageClassName").asText()).isEqualTo("new");
    assertThat(at(pvc, "spec.volumeMode").asText()).isEqualTo("Filesystem");
    assertThat(at(pvc, "status.phase").asText()).isEqualTo("Pending");
    assertThat(pvc.metadata().finalizers()).containsExactly("kubernetes.io/pvc-protection");
  }

  @Test
  void claimThatNamesTheEmptyClassKeepsIt() {
    f.create(storageClass("std", true));

    GenericObject pvc = f.create(claim("data", "  storageClassName: \"\"\n"));

    assertThat(at(pvc, "spec.storageClassName").asText()).isEmpty();
  }

  @Test
  void claimWithoutAccessModesOrRequestIsInvalid() {
    InvalidObjectException e = f.rejected("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bad}\nspec: {}\n");

    assertThat(e.getMessage()).isEqualTo("PersistentVolumeClaim \"bad\" is invalid: [spec.accessModes: Required value: at least 1"
        + " access mode is required, spec.resources[storage]: Required value]");
  }

  @Test
  void volumeDefaultsToRetainAndIsProtected() {
    GenericObject pv = f.create("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\n"
        + "spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/a}}\n");

    assertThat(at(pv, "spec.persistentVolumeReclaimPolicy").asText()).isEqualTo("Retain");
    assertThat(at(pv, "status.phase").asText()).isEqualTo("Pending");
    assertThat(pv.metadata().finalizers()).containsExactly("kubernetes.io/pv-protection");
  }

  @Test
  void volumeWithoutSourceOrCapacityIsInvalid() {
    InvalidObjectException e = f.rejected("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv2}\nspec: {accessModes: [ReadWriteOnce]}\n");

    assertThat(e.getMessage()).isEqualTo("PersistentVolume \"pv2\" is invalid: [spec.capacity: Required value,"
        + " spec: Required value: must specify a volume type]");
  }
}
