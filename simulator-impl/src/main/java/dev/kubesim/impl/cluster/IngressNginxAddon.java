package dev.kubesim.impl.cluster;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.ingress.IngressController;
import dev.kubesim.impl.ingress.NetworkProxy;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.program.ProgramRegistry;
import dev.kubesim.impl.program.images.IngressNginxProgram;
import java.util.Optional;

/**
 * The {@code ingress-nginx} add-on: starts the controller (so that it sees its own objects arrive),
 * gives the controller image's nginx this cluster's routing and network ({@link NetworkProxy}), and
 * creates the add-on's manifest — namespace, IngressClass {@code nginx}, the controller Deployment
 * and its LoadBalancer Service.
 */
final class IngressNginxAddon {
  static final String IMAGE = "registry.k8s.io/ingress-nginx/controller";

  private IngressNginxAddon() {}

  /**
   * Installs the add-on into the cluster behind {@code api}: its nginx runs in {@code runtime} on
   * {@code network}; returns the controller it started.
   */
  static IngressController install(ApiServer api, Network network, ContainerRuntime runtime) {
    IngressController controller = IngressController.start(api);
    NetworkProxy proxy = new NetworkProxy(controller.nginx(), network);
    Optional<IngressNginxProgram.Frontend> frontend = Optional.of(proxy::serve);
    if (runtime.programs() instanceof ProgramRegistry registry) {
      registry.register(IMAGE, image -> new IngressNginxProgram(image.tag(), frontend));
    } else {
      runtime.programs().register(IMAGE, new IngressNginxProgram(Optional.empty(), frontend));
    }
    for (KubeObject o : Addons.objects("ingress-nginx.yaml")) {
      api.create(o);
    }
    return controller;
  }
}
