package dev.kubesim.api.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void dockerHubNamesAreNormalised() {
    ImageReference nginx = ImageReference.parse("nginx");
    assertThat(nginx.name()).isEqualTo("docker.io/library/nginx");
    assertThat(nginx.tag()).isEmpty();
    assertThat(nginx.familiarName()).isEqualTo("nginx");
    assertThat(nginx.statusImage()).isEqualTo("docker.io/library/nginx:latest");
    ImageReference kubia = ImageReference.parse("luksa/kubia:v2");
    assertThat(kubia).isEqualTo(
        new ImageReference("docker.io", "luksa/kubia", Optional.of("v2"), Optional.empty()));
    assertThat(ImageReference.parse("docker.io/luksa/kubia:latest").statusImage())
        .isEqualTo("docker.io/luksa/kubia:latest");
  }

  @Test
  void registriesTagsAndDigestsAreSeparated() {
    ImageReference agnhost = ImageReference.parse("registry.k8s.io/e2e-test-images/agnhost:2.39");
    assertThat(agnhost.registry()).isEqualTo("registry.k8s.io");
    assertThat(agnhost.repository()).isEqualTo("e2e-test-images/agnhost");
    assertThat(agnhost.tag()).contains("2.39");
    ImageReference local = ImageReference.parse("localhost:5000/x/y:tag");
    assertThat(local.registry()).isEqualTo("localhost:5000");
    assertThat(local.repository()).isEqualTo("x/y");
    ImageReference pinned = ImageReference.parse("nginx@" + DIGEST);
    assertThat(pinned.digest()).contains(DIGEST);
    assertThat(pinned.tag()).isEmpty();
    assertThat(pinned.statusImage()).isEqualTo("docker.io/library/nginx@" + DIGEST);
    assertThat(ImageReference.parse("nginx:1.27@" + DIGEST).toString())
        .isEqualTo("docker.io/library/nginx:1.27@" + DIGEST);
  }

  @Test
  void anyTagOfAnImageHasTheSameName() {
    assertThat(ImageReference.parse("luksa/kubia").name())
        .isEqualTo(ImageReference.parse("docker.io/luksa/kubia:latest").name())
        .isEqualTo(ImageReference.parse("index.docker.io/luksa/kubia@" + DIGEST).name());
  }

  @Test
  void invalidReferencesAreRejectedWithTheRuntimesWords() {
    assertThatThrownBy(() -> ImageReference.parse("Nginx"))
        .hasMessage("couldn't parse image name \"Nginx\": invalid reference format: repository "
            + "name (library/Nginx) must be lowercase");
    assertThatThrownBy(() -> ImageReference.parse("nginx:"))
        .hasMessage("couldn't parse image name \"nginx:\": invalid reference format");
    // the repository's case is checked first, as ParseNormalizedNamed does: the tag is not looked at
    assertThatThrownBy(() -> ImageReference.parse("Nginx:"))
        .hasMessage("couldn't parse image name \"Nginx:\": invalid reference format: repository "
            + "name (library/Nginx) must be lowercase");
    assertThatThrownBy(() -> ImageReference.parse("example.com/Me/App:1"))
        .hasMessage("couldn't parse image name \"example.com/Me/App:1\": invalid reference format: repository "
            + "name (Me/App) must be lowercase");
    assertThatThrownBy(() -> ImageReference.parse("foo bar"))
        .hasMessage("couldn't parse image name \"foo bar\": invalid reference format");
    String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> ImageReference.parse(id))
        .hasMessage("couldn't parse image name \"" + id + "\": invalid repository name (" + id
            + "), cannot specify 64-byte hexadecimal strings");
    assertThat(ImageReference.isValid("nginx@sha256:abc")).isFalse();
    assertThat(ImageReference.isValid("")).isFalse();
    assertThat(ImageReference.tryParse("a//b")).isEmpty();
  }
}
