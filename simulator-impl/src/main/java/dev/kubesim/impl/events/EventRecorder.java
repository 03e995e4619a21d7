package dev.kubesim.impl.events;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records core/v1 Events about objects, as client-go's event recorder does for a component: the
 * event is named {@code <object>.<hex timestamp>}, lives in the object's namespace and names the
 * object, the reason, the message and the reporting component. Before it is written, the {@link
 * EventCorrelator} aggregates, counts and rate-limits it as client-go does: a repeat patches the
 * first event ({@code count}, {@code lastTimestamp}) instead of making a new one. {@code kubectl
 * describe} shows them.
 */
public final class EventRecorder {
  static final String KIND = "Event";

  private final ApiServer api;
  private final String component;
  private final String host;
  /** The {@code source} of every event this recorder writes, shared by them. */
  private final ImmutableMap<String, Object> source;
  private final EventCorrelator correlator = new EventCorrelator();
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

  /** The keys under which the correlator knows an event about an object. */
  record Keys(String aggregate, String event, String spam) {
    static Keys of(String component, String host, ImmutableMap<String, Object> involved, String type, String reason,
        String message) {
      String object = String.join("", str(involved, "kind"), str(involved, "namespace"), str(involved, "name"),
          str(involved, "uid"), str(involved, "apiVersion"));
      String origin = component + host;
      return new Keys(origin + object + type + reason + component + host,
          origin + str(involved, "kind") + str(involved, "namespace") + str(involved, "name") + str(involved, "fieldPath")
              + str(involved, "uid") + str(involved, "apiVersion") + type + reason + message,
          origin + object);
    }

    private static String str(Map<String, Object> m, String key) {
      Object v = m.get(key);
      return v == null ? "" : v.toString();
    }
  }

  private void record(KubeObject object, String type, String reason, String message) {
    ObjectMeta m = object.metadata();
    String namespace = m.namespace().orElse("default");
    String now = api.loop().clock().timestamp();
    long nanos = api.loop().clock().nanos();
    ImmutableMap<String, Object> involved = involved(object, namespace);
    Keys keys = Keys.of(component, host, involved, type, reason, message);
    String fresh = freshName(m.nameOrEmpty());
    EventCorrelator.Result r = correlator.correlate(keys.aggregate(), keys.event(), keys.spam(), message, nanos, now,
        fresh, fresh);
    if (r.skip()) {
      return;
    }
    write(namespace, involved, type, reason, r, now);
  }

  /** Real names use wall-clock nanoseconds; virtual time plus a counter keeps them unique and stable. */
  private String freshName(String objectName) {
    long stamp = api.loop().clock().instant().getEpochSecond() * 1_000_000_000L + api.loop().clock().nanos() % 1_000_000_000L;
    return objectName + "." + Long.toHexString(stamp + sequence++);
  }

  private static ImmutableMap<String, Object> involved(KubeObject object, String namespace) {
    ObjectMeta m = object.metadata();
    // Immutable maps from the start: the stored object keeps them as they are, with no copy.
    ImmutableMap.Builder<String, Object> involved = ImmutableMap.builderWithExpectedSize(6);
    involved.put("kind", object.kind());
    involved.put("namespace", namespace);
    involved.put("name", m.nameOrEmpty());
    m.uid().ifPresent(uid -> involved.put("uid", uid));
    involved.put("apiVersion", object.apiVersion());
    m.resourceVersion().ifPresent(rv -> involved.put("resourceVersion", rv));
    return involved.buildOrThrow();
  }

  /**
   * Writes what the correlator let through: a repeat patches the stored event's count, last
   * timestamp and message; a first occurrence, or a repeat whose event has expired meanwhile, is
   * created under the logger's name.
   */
  private void write(String namespace, ImmutableMap<String, Object> involved, String type, String reason,
      EventCorrelator.Result r, String now) {
    Optional<KubeObject> stored = r.count() > 1 ? api.get(KIND, namespace, r.name()) : Optional.empty();
    if (stored.isPresent() && stored.get() instanceof GenericObject existing) {
      Map<String, Object> content = new LinkedHashMap<>(existing.content());
      content.put("count", (int) r.count());
      content.put("lastTimestamp", now);
      content.put("message", r.message());
      api.write(new GenericObject(existing.apiVersion(), existing.kind(), existing.metadata(), ImmutableMap.copyOf(content)));
    } else {
      // The aggregator's combined event names no reporting controller or instance.
      ImmutableMap<String, Object> content = ImmutableMap.<String, Object>builderWithExpectedSize(12)
          .put("involvedObject", involved)
          .put("reason", reason)
          .put("message", r.message())
          .put("source", source)
          .put("firstTimestamp", r.firstTimestamp())
          .put("lastTimestamp", now)
          .put("count", (int) r.count())
          .put("type", type)
          .put("reportingComponent", r.combined() ? "" : component)
          .put("reportingInstance", r.combined() ? "" : host)
          .buildOrThrow();
      api.create(new GenericObject("v1", KIND, ObjectMeta.named(namespace, r.name()), content));
    }
    Keys written = Keys.of(component, host, involved, type, reason, r.message());
    correlator.written(written.event(), r.count(), r.firstTimestamp(), r.name());
  }
}
