package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API server's refusals as fabric8's {@link KubernetesClientException}: code, reason, message and causes. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8ErrorsTest {

  @Test
  void creatingAnExistingServiceIs409AlreadyExists() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.services().resource(Manifests.service("kubia")).create();
      KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
          () -> client.services().resource(Manifests.service("kubia")).create());
      assertThat(e.getCode()).isEqualTo(409);
      Status status = e.getStatus();
      assertThat(status.getReason()).isEqualTo("AlreadyExists");
      assertThat(status.getMessage()).isEqualTo("services \"kubia\" already exists");
      assertThat(status.getDetails().getName()).isEqualTo("kubia");
      assertThat(status.getDetails().getKind()).isEqualTo("services");
    }
  }

  @Test
  void anInvalidServiceIs422InvalidWithAFieldCause() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Service bad = new ServiceBuilder(Manifests.service("bad")).editSpec().editFirstPort().withPort(70000).endPort().endSpec()
          .build();
      KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
          () -> client.services().resource(bad).create());
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
      assertThat(e.getStatus().getMessage()).isEqualTo(
          "Service \"bad\" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive");
      assertThat(e.getStatus().getDetails().getCauses()).singleElement().satisfies(c -> {
        assertThat(c.getField()).isEqualTo("spec.ports[0].port");
        assertThat(c.getReason()).isEqualTo("FieldValueInvalid");
        assertThat(c.getMessage()).isEqualTo("Invalid value: 70000: must be between 1 and 65535, inclusive");
      });
      assertThat(client.services().withName("bad").get()).isNull();
    }
  }

  @Test
  void readingAMissingPodIsNullAndChangingItIs404NotFound() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      assertThat(client.pods().withName("missing").get()).isNull();
      KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
          () -> client.pods().withName("missing").edit(p -> p));
      assertThat(e.getCode()).isEqualTo(404);
      assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
      assertThat(e.getStatus().getMessage()).isEqualTo("pods \"missing\" not found");
    }
  }

  @Test
  void aStaleResourceVersionIs409Conflict() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Service created = client.services().resource(Manifests.service("kubia")).create();
      client.services().withName("kubia").edit(s -> new ServiceBuilder(s).editMetadata().addToLabels("v", "2").endMetadata().build());
      Service stale = new ServiceBuilder(created).editMetadata().addToLabels("v", "stale").endMetadata().build();
      KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
          () -> client.services().resource(stale).update());
      assertThat(e.getCode()).isEqualTo(409);
      assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
      assertThat(e.getStatus().getMessage()).isEqualTo(
          "Operation cannot be fulfilled on services \"kubia\": the object has been modified; please apply your changes to the latest version and try again");
    }
  }
}
