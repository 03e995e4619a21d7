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
