package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.nodeInfo} of a Node: the ids and versions the kubelet reports. */
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
   * @param machineID the {@code machineID} field; {@code null} for absent
   * @param systemUUID the {@code systemUUID} field; {@code null} for absent
   * @param bootID the {@code bootID} field; {@code null} for absent
   * @param kernelVersion the {@code kernelVersion} field; {@code null} for absent
   * @param osImage the {@code osImage} field; {@code null} for absent
   * @param containerRuntimeVersion the {@code containerRuntimeVersion} field; {@code null} for
   *     absent
   * @param kubeletVersion the {@code kubeletVersion} field; {@code null} for absent
   * @param kubeProxyVersion the {@code kubeProxyVersion} field; {@code null} for absent
   * @param operatingSystem the {@code operatingSystem} field; {@code null} for absent
   * @param architecture the {@code architecture} field; {@code null} for absent
   * @param swap the {@code swap} field; {@code null} for absent
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
