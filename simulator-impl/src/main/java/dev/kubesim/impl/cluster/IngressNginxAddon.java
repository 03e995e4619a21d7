package dev.kubesim.impl.cluster;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.ingress.IngressController;

/**
 * The {@code ingress-nginx} add-on: starts the controller (so that it sees its own objects arrive)
 * and creates the add-on's manifest — namespace, IngressClass {@code nginx}, the controller
 * Deployment and its LoadBalancer Service.
 */
final class IngressNginxAddon {
  private IngressNginxAddon() {}

  static void install(ApiServer api) {
    IngressController.start(api);
    for (KubeObject o : SimCluster.decodeAll(ManifestReader.read("addon ingress-nginx", Addons.text("ingress-nginx.yaml")))) {
      api.create(o);
    }
  }
}
