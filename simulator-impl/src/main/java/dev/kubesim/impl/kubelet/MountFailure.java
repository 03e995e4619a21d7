package dev.kubesim.impl.kubelet;

/** Why a volume could not be set up, in the volume plugin's words ({@code configmap "x" not found}). */
final class MountFailure extends Exception {
  MountFailure(String message) {
    super(message, null, false, false);
  }
}
