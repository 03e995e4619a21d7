package dev.kubesim.impl.controller;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root-CA certificate publisher of kube-controller-manager ({@code
 * pkg/controller/certificates/rootcacertpublisher}): every active namespace has a ConfigMap {@code
 * kube-root-ca.crt} holding the cluster's CA bundle under {@code ca.crt}, made when the namespace
 * appears, and put back when someone deletes or changes it.
 */
public final class RootCaCertPublisher {
  /** The ConfigMap's name, which the service-account token volume projects. */
  public static final String CONFIG_MAP = "kube-root-ca.crt";
  /** The key of the CA bundle in it. */
  public static final String CA_KEY = "ca.crt";
  static final String DESCRIPTION_ANNOTATION = "kubernetes.io/description";
  static final String DESCRIPTION = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal"
      + " endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across"
      + " distributions of Kubernetes clusters.";
  private static final String KIND = "ConfigMap";

  private final ApiServer api;
  private final String rootCa;
  private final WorkQueue<String> queue;

  private RootCaCertPublisher(ApiServer api, String rootCa) {
    this.api = api;
    this.rootCa = rootCa;
    this.queue = new WorkQueue<>(api.loop(), "root-ca-cert-publisher", this::sync);
    api.store().watch("Namespace", this::onNamespace);
    api.store().watch(KIND, this::onConfigMap);
    // The informer's first list: namespaces made before the controller started are synced too.
    api.list("Namespace", java.util.Optional.empty()).forEach(ns -> queue.add(ns.metadata().nameOrEmpty()));
  }

  /**
   * Starts the publisher.
   *
   * @param rootCa the cluster's CA bundle, in PEM
   */
  public static RootCaCertPublisher start(ApiServer api, String rootCa) {
    return new RootCaCertPublisher(api, rootCa);
  }

  private void onNamespace(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      queue.add(e.object().metadata().nameOrEmpty());
    }
  }

  private void onConfigMap(WatchEvent e) {
    if (e.type() != WatchEvent.Type.ADDED && e.object().metadata().nameOrEmpty().equals(CONFIG_MAP)) {
      queue.add(e.object().metadata().namespace().orElse(""));
    }
  }

  private void sync(String namespace) {
    if (!Namespaces.isActive(api, namespace)) {
      return;
    }
    Map<String, Object> data = Map.of(CA_KEY, rootCa);
    Optional<KubeObject> current = api.get(KIND, namespace, CONFIG_MAP);
    try {
      if (current.isEmpty()) {
        ObjectMeta meta = ObjectMeta.builder().namespace(namespace).name(CONFIG_MAP)
            .annotations(Map.of(DESCRIPTION_ANNOTATION, DESCRIPTION)).build();
        api.create(new GenericObject("v1", KIND, meta, Map.of("data", data)));
        return;
      }
      if (!(current.get() instanceof GenericObject cm)) {
        return;
      }
      boolean described = !cm.metadata().annotations().getOrDefault(DESCRIPTION_ANNOTATION, "").isEmpty();
      if (data.equals(cm.content().get("data")) && described) {
        return;
      }
      Map<String, String> annotations = new TreeMap<>(cm.metadata().annotations());
      annotations.put(DESCRIPTION_ANNOTATION, DESCRIPTION);
      Map<String, Object> content = new LinkedHashMap<>(cm.content());
      content.put("data", data);
      api.update(new GenericObject(cm.apiVersion(), KIND, cm.metadata().toBuilder().annotations(annotations).build(), content));
    } catch (AlreadyExistsException | NotFoundException e) {
      // made meanwhile, or the namespace or ConfigMap went: the watch brings the next change
    }
  }
}
