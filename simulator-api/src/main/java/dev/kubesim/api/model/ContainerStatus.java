package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status.containerStatuses[i]} (or init container statuses) of a Pod.
 *
 * @param name the container's name
 * @param state {@code waiting}, {@code running} or {@code terminated}, with details
 * @param lastState the state the container was in before its last restart
 * @param ready whether the readiness probe passes (true without a probe once running)
 * @param restartCount how many times the kubelet restarted the container
 * @param image the image, as the runtime names it
 * @param imageID the image's digest
 * @param containerID the runtime's id of the container ({@code containerd://...})
 * @param started whether the startup probe passed (true without one once running)
 */
public record ContainerStatus(
    Optional<String> name,
    Optional<ContainerState> state,
    Optional<ContainerState> lastState,
    Optional<Boolean> ready,
    Optional<Integer> restartCount,
    Optional<String> image,
    Optional<String> imageID,
    Optional<String> containerID,
    Optional<Boolean> started,
    Map<String, String> allocatedResources,
    Optional<Object> resources,
    List<Object> volumeMounts,
    Optional<Object> user,
    List<Object> allocatedResourcesStatus,
    Optional<String> stopSignal) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the container's name
   * @param state {@code waiting}, {@code running} or {@code terminated}, with details
   * @param lastState the state the container was in before its last restart
   * @param ready whether the readiness probe passes (true without a probe once running)
   * @param restartCount how many times the kubelet restarted the container
   * @param image the image, as the runtime names it
   * @param imageID the image's digest
   * @param containerID the runtime's id of the container ({@code containerd://...})
   * @param started whether the startup probe passed (true without one once running)
   * @param allocatedResources the {@code allocatedResources} field; {@code null} for none
   * @param resources the {@code resources} field; {@code null} for absent
   * @param volumeMounts the {@code volumeMounts} field; {@code null} for none
   * @param user the {@code user} field; {@code null} for absent
   * @param allocatedResourcesStatus the {@code allocatedResourcesStatus} field; {@code null} for
   *     none
   * @param stopSignal the {@code stopSignal} field; {@code null} for absent
   */
  public ContainerStatus {
    name = Values.opt(name);
    state = Values.opt(state);
    lastState = Values.opt(lastState);
    ready = Values.opt(ready);
    restartCount = Values.opt(restartCount);
    image = Values.opt(image);
    imageID = Values.opt(imageID);
    containerID = Values.opt(containerID);
    started = Values.opt(started);
    allocatedResources = Values.map(allocatedResources);
    resources = Values.opt(resources);
    volumeMounts = Values.list(volumeMounts);
    user = Values.opt(user);
    allocatedResourcesStatus = Values.list(allocatedResourcesStatus);
    stopSignal = Values.opt(stopSignal);
  }
}
