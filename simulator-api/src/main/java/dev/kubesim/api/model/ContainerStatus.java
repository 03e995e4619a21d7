package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status.containerStatuses[i]} (or init container statuses) of a Pod. */
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
