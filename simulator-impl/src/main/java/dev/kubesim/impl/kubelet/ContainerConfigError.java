package dev.kubesim.impl.kubelet;

/**
 * Why a container's configuration could not be generated ({@code CreateContainerConfigError}), in
 * the kubelet's words: {@code configmap "name" not found}, {@code couldn't find key K in ConfigMap
 * ns/name}.
 */
public final class ContainerConfigError extends Exception {
  ContainerConfigError(String message) {
    super(message, null, false, false);
  }
}
