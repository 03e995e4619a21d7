package dev.kubesim.impl.controller;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.labels.LabelSelectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The informer side shared by the Endpoints and EndpointSlice controllers: which Services select
 * which pods, kept up to date from watch events, with both directions indexed by label so that a
 * pod change wakes only the Services that select the pod (before or after the change). One per
 * cluster, as kube-controller-manager's controllers share one informer factory: each watch event
 * updates the indexes once and then tells every subscribed controller, in subscription order.
 */
public final class ServicePods {
  private final ApiServer api;
  private final LabelIndex pods = new LabelIndex();
  /** Services indexed by their selectors' pairs: a pod's labels find the Services that may select it. */
  private final LabelIndex servicesBySelector = new LabelIndex();
  private final List<Consumer<ObjectKey>> subscribers = new ArrayList<>();

  /**
   * {@code onServiceChange} hears of each Service that changed or whose selected pods changed, after
   * the subscribers before it.
   */
  void subscribe(Consumer<ObjectKey> onServiceChange) {
    subscribers.add(onServiceChange);
  }

  private void tell(ObjectKey service) {
    for (Consumer<ObjectKey> s : subscribers) {
      s.accept(service);
    }
  }

  /**
   * The cluster's index, watching Services and pods from now on; made once by the wiring (before
   * the controllers that {@linkplain #subscribe subscribe} to it) and handed to each of them.
   */
  public ServicePods(ApiServer api) {
    this.api = api;
    api.store().watch(Service.KIND, e -> {
      Service svc = (Service) e.object();
      ObjectKey key = ObjectStore.keyOf(svc);
      e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED)
          .ifPresent(p -> servicesBySelector.remove(key, ((Service) p).specOrEmpty().selector()));
      if (e.type() != WatchEvent.Type.DELETED) {
        servicesBySelector.add(key, svc.specOrEmpty().selector());
      }
      tell(key);
    });
    api.store().watch(Pod.KIND, e -> {
      Pod pod = (Pod) e.object();
      ObjectKey key = ObjectStore.keyOf(pod);
      Optional<Pod> before = e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED).map(Pod.class::cast);
      boolean sameLabels = before.map(p -> p.metadata().labels().equals(pod.metadata().labels())).orElse(false)
          && e.type() == WatchEvent.Type.MODIFIED;
      if (!sameLabels) {
        before.ifPresent(p -> pods.remove(key, p.metadata().labels()));
        if (e.type() != WatchEvent.Type.DELETED) {
          pods.add(key, pod.metadata().labels());
        }
      }
      TreeSet<ObjectKey> wake = new TreeSet<>(selecting(key.namespace(), pod.metadata().labels()));
      if (!sameLabels) {
        before.ifPresent(p -> wake.addAll(selecting(key.namespace(), p.metadata().labels())));
      }
      for (Consumer<ObjectKey> s : subscribers) {
        wake.forEach(s);
      }
    });
  }

  /** Services of the namespace whose (non-empty) selector matches the labels. */
  private List<ObjectKey> selecting(String namespace, Map<String, String> labels) {
    if (servicesBySelector.hasNoPairs()) {
      return List.of(); // asked on every pod event: nothing to look up while no Service has a selector
    }
    List<ObjectKey> out = new ArrayList<>();
    Set<ObjectKey> seen = new HashSet<>(); // membership only; the order is the labels' and the index's
    for (Map.Entry<String, String> label : labels.entrySet()) {
      for (ObjectKey svcKey : servicesBySelector.withPair(namespace, label.getKey(), label.getValue())) {
        if (!seen.add(svcKey)) {
          continue;
        }
        api.get(Service.KIND, svcKey.namespace(), svcKey.name())
            .map(Service.class::cast)
            .filter(s -> !s.specOrEmpty().selector().isEmpty() && LabelSelectors.matches(s.specOrEmpty().selector(), labels))
            .ifPresent(s -> out.add(svcKey));
      }
    }
    return out;
  }

  /** The pods a Service's selector matches, in name order. */
  List<Pod> podsOf(Service svc) {
    Map<String, String> selector = svc.specOrEmpty().selector();
    String ns = svc.metadata().namespace().orElse("default");
    List<Pod> out = new ArrayList<>();
    for (ObjectKey key : pods.candidates(ns, selector)) {
      api.get(Pod.KIND, key.namespace(), key.name())
          .map(Pod.class::cast)
          .filter(p -> LabelSelectors.matches(selector, p.metadata().labels()))
          .ifPresent(out::add);
    }
    return out;
  }
}
