package dev.kubesim.impl.events;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;

/**
 * Records core/v1 Events about objects, as client-go's event recorder does for a component: the
 * event is named {@code <object>.<hex timestamp>}, lives in the object's namespace and names the
 * object, the reason, the message and the reporting component. {@code kubectl describe} shows them.
 *
 * <p>An event the API server rejects is dropped, as the recorder's sink drops it ({@code Server
 * rejected event ... (will not retry!)} in the component's log): a Pod named with 237 to 253
 * characters has events whose names exceed 253, and its lifecycle goes on without them.
 */
public final class EventRecorder {
  private final ApiServer api;
  private final String component;
  private final String host;
  /** The {@code source} of every event this recorder writes, shared by them. */
  private final ImmutableMap<String, Object> source;
  private long sequence;

  /**
   * @param component the reporting component ({@code replication-controller}, {@code kubelet}, ...)
   * @param host the node the component runs on, or empty
   */
  public EventRecorder(ApiServer api, String component, String host) {
    this.api = api;
    this.component = component;
    this.host = host;
    this.source = host.isEmpty()
        ? ImmutableMap.of("component", component)
        : ImmutableMap.of("component", component, "host", host);
  }

  /** A {@code Normal} event. */
  public void normal(KubeObject object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  /** A {@code Warning} event. */
  public void warning(KubeObject object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  private void record(KubeObject object, String type, String reason, String message) {
    ObjectMeta m = object.metadata();
    String namespace = m.namespace().orElse("default");
    String now = api.loop().clock().timestamp();
    // Real names use wall-clock nanoseconds; virtual time plus a counter keeps them unique and stable.
    long stamp = api.loop().clock().instant().getEpochSecond() * 1_000_000_000L + api.loop().clock().nanos() % 1_000_000_000L;
    String name = m.nameOrEmpty() + "." + Long.toHexString(stamp + sequence++);
    // Immutable maps from the start: the stored object keeps them as they are, with no copy.
    ImmutableMap.Builder<String, Object> involved = ImmutableMap.builderWithExpectedSize(6);
    involved.put("kind", object.kind());
    involved.put("namespace", namespace);
    involved.put("name", m.nameOrEmpty());
    m.uid().ifPresent(uid -> involved.put("uid", uid));
    involved.put("apiVersion", object.apiVersion());
    m.resourceVersion().ifPresent(rv -> involved.put("resourceVersion", rv));
    ImmutableMap<String, Object> content = ImmutableMap.<String, Object>builderWithExpectedSize(12)
        .put("involvedObject", involved.buildOrThrow())
        .put("reason", reason)
        .put("message", message)
        .put("source", source)
        .put("firstTimestamp", now)
        .put("lastTimestamp", now)
        .put("count", 1)
        .put("type", type)
        .put("reportingComponent", component)
        .put("reportingInstance", host)
        .buildOrThrow();
    try {
      api.create(new GenericObject("v1", "Event", ObjectMeta.named(namespace, name), content));
    } catch (KubeSimException rejected) {
      // recordToSink: an invalid or conflicting event is not retried; the component carries on.
    }
  }
}
