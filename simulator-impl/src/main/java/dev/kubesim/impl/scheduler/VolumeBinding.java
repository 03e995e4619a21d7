package dev.kubesim.impl.scheduler;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's VolumeBinding plugin ({@code pkg/scheduler/framework/plugins/volumebinding}):
 * PreFilter reads the pod's claims (a missing or deleted one, or an unbound claim of an Immediate
 * class, makes the pod unschedulable); Filter keeps the nodes that a bound claim's volume is pinned
 * to, and for an unbound claim of a WaitForFirstConsumer class the nodes where a free volume fits
 * or the class's provisioner can make one; PreBind hands the choice to the PersistentVolume
 * controller (a chosen static volume's claimRef, or the claim's {@code selected-node} annotation)
 * and the pod is bound once every claim is.
 */
final class VolumeBinding {
  static final String NODE_CONFLICT = "node(s) had volume node affinity conflict";
  static final String BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
  static final String UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";

  /** The pod's claims as PreFilter sorts them, or why the pod cannot be scheduled at all. */
  record Claims(List<GenericObject> bound, List<GenericObject> delayed, Optional<String> error) {
    boolean none() {
      return bound.isEmpty() && delayed.isEmpty();
    }
  }

  private final ApiServer api;

  VolumeBinding(ApiServer api) {
    this.api = api;
  }

  /** PreFilter: {@code persistentvolumeclaim "x" not found}, {@code ... is being deleted}, unbound Immediate claims. */
  Claims preFilter(Pod pod) {
    List<GenericObject> bound = new ArrayList<>();
    List<GenericObject> delayed = new ArrayList<>();
    boolean unboundImmediate = false;
    String ns = pod.metadata().namespace().orElse("default");
    for (String name : StorageObjects.claimNames(pod)) {
      Optional<GenericObject> claim = api.get(StorageObjects.PVC, ns, name).map(GenericObject.class::cast);
      if (claim.isEmpty()) {
        return new Claims(List.of(), List.of(), Optional.of("persistentvolumeclaim \"" + name + "\" not found"));
      }
      GenericObject c = claim.get();
      if (StorageObjects.phase(c).equals("Lost")) {
        return new Claims(List.of(), List.of(), Optional.of("persistentvolumeclaim \"" + name
            + "\" bound to non-existent persistentvolume \"" + StorageObjects.volumeName(c) + "\""));
      }
      if (c.metadata().deletionTimestamp().isPresent()) {
        return new Claims(List.of(), List.of(), Optional.of("persistentvolumeclaim \"" + name + "\" is being deleted"));
      }
      if (isBound(c)) {
        bound.add(c);
      } else if (delayedBinding(c)) {
        delayed.add(c);
      } else {
        unboundImmediate = true;
      }
    }
    return new Claims(bound, delayed, unboundImmediate ? Optional.of(UNBOUND_IMMEDIATE) : Optional.empty());
  }

  /** {@code IsPVCBound}-like: the claim names its volume and the controller has completed the bind. */
  private static boolean isBound(GenericObject claim) {
    return !StorageObjects.volumeName(claim).isEmpty() && "yes".equals(claim.metadata().annotations().get("pv.kubernetes.io/bind-completed"));
  }

  private boolean delayedBinding(GenericObject claim) {
    String className = StorageObjects.claimClass(claim);
    return !className.isEmpty() && api.get(StorageObjects.STORAGE_CLASS, "", className)
        .map(sc -> "WaitForFirstConsumer".equals(((GenericObject) sc).content().get("volumeBindingMode"))).orElse(false);
  }

  /** Filter: why the node cannot take the pod's volumes, or empty when it can. */
  Optional<String> filter(Claims claims, Node node) {
    for (GenericObject claim : claims.bound()) {
      Optional<KubeObject> pv = api.get(StorageObjects.PV, "", StorageObjects.volumeName(claim));
      if (pv.isEmpty() || !VolumeNodeAffinity.fits(StorageObjects.section((GenericObject) pv.get(), "spec"), node)) {
        return Optional.of(NODE_CONFLICT);
      }
    }
    List<String> taken = new ArrayList<>();
    for (GenericObject claim : claims.delayed()) {
      String selected = claim.metadata().annotations().getOrDefault(StorageObjects.SELECTED_NODE, "");
      if (!selected.isEmpty() && !selected.equals(node.metadata().nameOrEmpty())) {
        return Optional.of(BIND_CONFLICT); // PreBind chose another node already
      }
      Optional<GenericObject> pv = staticVolume(claim, node, taken);
      if (pv.isPresent()) {
        taken.add(pv.get().metadata().nameOrEmpty());
      } else if (!canProvision(claim)) {
        return Optional.of(BIND_CONFLICT);
      }
    }
    return Optional.empty();
  }

  /** {@code findMatchingVolumes}: the smallest free volume of the claim's class that fits it and the node. */
  private Optional<GenericObject> staticVolume(GenericObject claim, Node node, List<String> taken) {
    BigDecimal requested = StorageObjects.requestedStorage(claim).map(StorageObjects::quantity).orElse(BigDecimal.ZERO);
    return api.list(StorageObjects.PV, Optional.empty()).stream()
        .map(GenericObject.class::cast)
        .filter(pv -> StorageObjects.claimRef(pv).isEmpty() || StorageObjects.claimRefIs(pv, claim))
        .filter(pv -> pv.metadata().deletionTimestamp().isEmpty() && !taken.contains(pv.metadata().nameOrEmpty()))
        .filter(pv -> StorageObjects.phase(pv).equals("Available"))
        .filter(pv -> StorageObjects.volumeClass(pv).equals(StorageObjects.claimClass(claim)))
        .filter(pv -> StorageObjects.accessModes(pv).containsAll(StorageObjects.accessModes(claim)))
        .filter(pv -> StorageObjects.capacity(pv).map(StorageObjects::quantity).orElse(BigDecimal.ZERO).compareTo(requested) >= 0)
        .filter(pv -> VolumeNodeAffinity.fits(StorageObjects.section(pv, "spec"), node))
        .min(Comparator.comparing((GenericObject pv) -> StorageObjects.capacity(pv).map(StorageObjects::quantity).orElse(BigDecimal.ZERO))
            .thenComparing(pv -> pv.metadata().nameOrEmpty()));
  }

  /** {@code checkVolumeProvisions}: the class has a provisioner that makes volumes. */
  private boolean canProvision(GenericObject claim) {
    return api.get(StorageObjects.STORAGE_CLASS, "", StorageObjects.claimClass(claim))
        .map(sc -> String.valueOf(((GenericObject) sc).content().get("provisioner")))
        .filter(p -> !p.equals("kubernetes.io/no-provisioner"))
        .isPresent();
  }

  /**
   * PreBind ({@code BindPodVolumes}): a free static volume that fits gets the claim in its
   * claimRef; any other claim gets the node in its {@code selected-node} annotation. The PV
   * controller and the provisioner do the rest; the pod waits for its claims to be bound.
   */
  void preBind(Claims claims, Node node) {
    List<String> taken = new ArrayList<>();
    for (GenericObject claim : claims.delayed()) {
      Optional<GenericObject> pv = staticVolume(claim, node, taken);
      if (pv.isPresent()) {
        taken.add(pv.get().metadata().nameOrEmpty());
        if (StorageObjects.claimRef(pv.get()).isEmpty()) {
          GenericObject chosen = StorageObjects.withAnnotation(pv.get(), "pv.kubernetes.io/bound-by-controller", "yes");
          api.write(StorageObjects.withField(chosen, "spec", "claimRef", StorageObjects.referenceTo(claim)));
        }
      } else if (!node.metadata().nameOrEmpty().equals(claim.metadata().annotations().get(StorageObjects.SELECTED_NODE))) {
        api.write(StorageObjects.withAnnotation(claim, StorageObjects.SELECTED_NODE, node.metadata().nameOrEmpty()));
      }
    }
  }
}
