package dev.kubesim.impl.cluster;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.ingress.IngressController;
import dev.kubesim.impl.ingress.IngressNginx;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.program.ProgramRegistry;
import dev.kubesim.impl.program.images.IngressNginxProgram;
import java.util.Optional;

/**
 * The {@code ingress-nginx} add-on: starts the controller (so that it sees its own objects arrive)
 * and creates the add-on's manifest — namespace, IngressClass {@code nginx}, the controller
 * Deployment and its LoadBalancer Service.
 */
final class IngressNginxAddon {
  private IngressNginxAddon() {}

  /** Installs the add-on into the cluster behind {@code api}, starting {@code ingress}'s controller. */
  static void install(ApiServer api, IngressNginx ingress) {
    ingress.start();
    for (KubeObject o : Addons.objects("ingress-nginx.yaml")) {
      api.create(o);
    }
  }

  /**
   * Gives the controller image's nginx, in every pod that runs it, the cluster's ingress-nginx:
   * its routing and its connections over the cluster's network.
   */
  static void serveImage(ContainerRuntime runtime, IngressNginx ingress) {
    Optional<IngressNginxProgram.Frontend> frontend = Optional.of(ingress::serve);
    for (String image : IngressController.IMAGES) {
      if (runtime.programs() instanceof ProgramRegistry registry) {
        registry.register(image, ref -> new IngressNginxProgram(ref.tag(), frontend));
      } else {
        runtime.programs().register(image, new IngressNginxProgram(Optional.empty(), frontend));
      }
    }
  }
}
