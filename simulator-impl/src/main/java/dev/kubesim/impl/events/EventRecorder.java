package dev.kubesim.impl.events;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records core/v1 Events about objects, as client-go's event recorder does for a component: the
 * event is named {@code <object>.<hex timestamp>}, lives in the object's namespace and names the
 * object, the reason, the message and the reporting component. {@code kubectl describe} shows them.
 */
public final class EventRecorder {
  private final ApiServer api;
  private final String component;
  private final String host;
  private long sequence;

  /**
   * @param component the reporting component ({@code replication-controller}, {@code kubelet}, ...)
   * @param host the node the component runs on, or empty
   */
  public EventRecorder(ApiServer api, String component, String host) {
    this.api = api;
    this.component = component;
    this.host = host;
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
    Map<String, Object> involved = new LinkedHashMap<>();
    involved.put("kind", object.kind());
    involved.put("namespace", namespace);
    involved.put("name", m.nameOrEmpty());
    m.uid().ifPresent(uid -> involved.put("uid", uid));
    involved.put("apiVersion", object.apiVersion());
    m.resourceVersion().ifPresent(rv -> involved.put("resourceVersion", rv));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("component", component);
    if (!host.isEmpty()) {
      source.put("host", host);
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("involvedObject", involved);
    content.put("reason", reason);
    content.put("message", message);
    content.put("source", source);
    content.put("firstTimestamp", now);
    content.put("lastTimestamp", now);
    content.put("count", 1);
    content.put("type", type);
    content.put("reportingComponent", component);
    content.put("reportingInstance", host);
    api.create(new GenericObject("v1", "Event", ObjectMeta.named(namespace, name), content));
  }
}
