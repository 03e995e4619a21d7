package dev.kubesim.impl.controller;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.Map;

/**
 * The ServiceAccounts controller of kube-controller-manager ({@code pkg/controller/serviceaccount}):
 * every active namespace has a {@code default} ServiceAccount, made when the namespace appears and
 * made again when someone deletes it.
 */
public final class ServiceAccountsController {
  /** The account every pod runs as unless it names another. */
  public static final String DEFAULT_ACCOUNT = "default";
  static final String KIND = "ServiceAccount";

  private final ApiServer api;
  private final WorkQueue<String> queue;

  private ServiceAccountsController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "serviceaccount-controller", this::sync);
    api.store().watch("Namespace", this::onNamespace);
    api.store().watch(KIND, this::onServiceAccount);
    // The informer's first list: namespaces made before the controller started are synced too.
    api.list("Namespace", java.util.Optional.empty()).forEach(ns -> queue.add(ns.metadata().nameOrEmpty()));
  }

  /** Starts the controller; it hears of every namespace created from now on. */
  public static ServiceAccountsController start(ApiServer api) {
    return new ServiceAccountsController(api);
  }

  private void onNamespace(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      queue.add(e.object().metadata().nameOrEmpty());
    }
  }

  private void onServiceAccount(WatchEvent e) {
    if (e.type() == WatchEvent.Type.DELETED && e.object().metadata().nameOrEmpty().equals(DEFAULT_ACCOUNT)) {
      queue.add(e.object().metadata().namespace().orElse(""));
    }
  }

  private void sync(String namespace) {
    if (!Namespaces.isActive(api, namespace) || api.get(KIND, namespace, DEFAULT_ACCOUNT).isPresent()) {
      return;
    }
    ObjectMeta meta = ObjectMeta.builder().namespace(namespace).name(DEFAULT_ACCOUNT).build();
    try {
      api.create(new GenericObject("v1", KIND, meta, Map.of()));
    } catch (AlreadyExistsException | NotFoundException e) {
      // made meanwhile, or the namespace went: nothing left to do
    }
  }
}
