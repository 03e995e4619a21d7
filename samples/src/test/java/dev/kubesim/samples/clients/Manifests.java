package dev.kubesim.samples.clients;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** The objects the client tests create, built with fabric8's builders as its users build them. */
final class Manifests {
  private Manifests() {}

  /** A Deployment of {@code replicas} kubia pods labelled {@code app=NAME}, with a readiness probe. */
  static Deployment kubia(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
        .withNewSpec()
          .withReplicas(replicas)
          .withNewSelector().addToMatchLabels("app", name).endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", name).endMetadata()
            .withNewSpec()
              .addNewContainer()
                .withName("kubia").withImage("luksa/kubia")
                .addNewPort().withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/").withPort(new IntOrString(8080)).endHttpGet()
                  .withPeriodSeconds(1).endReadinessProbe()
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** A ClusterIP Service on port 80 in front of {@code app=NAME}'s port 8080. */
  static Service service(String name) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
        .withNewSpec()
          .addToSelector("app", name)
          .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString(8080)).endPort()
        .endSpec()
        .build();
  }
}
