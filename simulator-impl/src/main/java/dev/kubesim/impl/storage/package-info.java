/**
 * Storage as kind runs it: the PersistentVolume controller of kube-controller-manager (binding,
 * phases, reclaim), the PVC and PV protection controllers, and the local-path provisioner behind
 * kind's default StorageClass {@code standard}. Uses {@code apiserver}, {@code sim}, {@code events}
 * and {@code labels} only; the node directories it makes and removes are reached through {@link
 * dev.kubesim.impl.storage.NodeDirectories}.
 */
package dev.kubesim.impl.storage;
