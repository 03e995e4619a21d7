package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code status.nodeInfo} of a Node: the ids and versions the kubelet reports.
 *
 * @param machineID {@code /etc/machine-id}
 * @param systemUUID the machine's UUID
 * @param bootID changes at every boot
 * @param kernelVersion {@code uname -r}
 * @param osImage the operating system ({@code Ubuntu 22.04.4 LTS})
 * @param containerRuntimeVersion {@code containerd://1.7.x}
 * @param kubeletVersion the kubelet's version
 * @param kubeProxyVersion deprecated
 * @param operatingSystem {@code linux}
 * @param architecture {@code amd64}, {@code arm64}
 * @param swap swap's capacity, as written
 */
public record NodeSystemInfo(
    Optional<String> machineID,
    Optional<String> systemUUID,
    Optional<String> bootID,
    Optional<String> kernelVersion,
    Optional<String> osImage,
    Optional<String> containerRuntimeVersion,
    Optional<String> kubeletVersion,
    Optional<String> kubeProxyVersion,
    Optional<String> operatingSystem,
    Optional<String> architecture,
    Optional<Object> swap) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param machineID {@code /etc/machine-id}
   * @param systemUUID the machine's UUID
   * @param bootID changes at every boot
   * @param kernelVersion {@code uname -r}
   * @param osImage the operating system ({@code Ubuntu 22.04.4 LTS})
   * @param containerRuntimeVersion {@code containerd://1.7.x}
   * @param kubeletVersion the kubelet's version
   * @param kubeProxyVersion deprecated
   * @param operatingSystem {@code linux}
   * @param architecture {@code amd64}, {@code arm64}
   * @param swap swap's capacity, as written
   */
  public NodeSystemInfo {
    machineID = Values.opt(machineID);
    systemUUID = Values.opt(systemUUID);
    bootID = Values.opt(bootID);
    kernelVersion = Values.opt(kernelVersion);
    osImage = Values.opt(osImage);
    containerRuntimeVersion = Values.opt(containerRuntimeVersion);
    kubeletVersion = Values.opt(kubeletVersion);
    kubeProxyVersion = Values.opt(kubeProxyVersion);
    operatingSystem = Values.opt(operatingSystem);
    architecture = Values.opt(architecture);
    swap = Values.opt(swap);
  }
}
