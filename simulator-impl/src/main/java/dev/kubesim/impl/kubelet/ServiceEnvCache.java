package dev.kubesim.impl.kubelet;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The Service variables of each namespace ({@link ServiceEnv#forNamespace}), kept for all the
 * kubelets of a cluster as their shared Service informer would: worked out once, and again only
 * after a Service of that namespace (or {@code default/kubernetes}, which every pod sees) changed.
 * A container start then costs the same with one Service or ten thousand, and every container of
 * a namespace shares one map. Not thread-safe: it runs under the cluster's lock.
 */
final class ServiceEnvCache {
  private final ApiServer api;
  /** Namespace → variables, for pods with {@code enableServiceLinks} and without. */
  private final Map<String, ImmutableMap<String, String>> withLinks = new HashMap<>();
  private final Map<String, ImmutableMap<String, String>> withoutLinks = new HashMap<>();

  /**
   * The cache of a cluster's API server, watching Services from now on (before any container needs
   * their variables); made once per cluster by {@link KubeletDependencies}.
   */
  ServiceEnvCache(ApiServer api) {
    this.api = api;
    api.store().watch(Service.KIND, this::onService);
  }

  /** {@link ServiceEnv#forNamespace} as the store holds the Services now. */
  ImmutableMap<String, String> forNamespace(String namespace, boolean enableServiceLinks) {
    Map<String, ImmutableMap<String, String>> cache = enableServiceLinks ? withLinks : withoutLinks;
    ImmutableMap<String, String> env = cache.get(namespace);
    if (env == null) {
      env = ImmutableMap.copyOf(ServiceEnv.forNamespace(api, namespace, enableServiceLinks));
      cache.put(namespace, env);
    }
    return env;
  }

  private void onService(WatchEvent e) {
    var key = ObjectStore.keyOf(e.object());
    if (key.namespace().equals(ServiceEnv.MASTER_NAMESPACE) && key.name().equals(ServiceEnv.MASTER_SERVICE)) {
      withLinks.clear();
      withoutLinks.clear();
    } else {
      withLinks.remove(key.namespace());
      withoutLinks.remove(key.namespace());
    }
  }
}
