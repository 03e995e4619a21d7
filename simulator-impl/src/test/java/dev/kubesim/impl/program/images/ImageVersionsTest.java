package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.program.ProgramRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The version tables of the images kubesim knows: which tags the registry has, and which version a tag runs. */
class ImageVersionsTest {
  private final ProgramRegistry programs = ProgramRegistry.withBuiltins();

  @ParameterizedTest
  @ValueSource(strings = {"nginx:1.161", "nginx:1.91", "nginx:2", "nginx:1.14.9", "nginx:1.161-alpine", "redis:99",
      "redis:6.1", "redis:9.0", "busybox:1.99", "busybox:1.20", "postgres:19", "postgres:8", "mysql:7.0",
      "mariadb:12.0", "mongo:9", "memcached:1.7", "rabbitmq:5.0", "python:4.0", "python:3.16", "alpine:4.0",
      "debian:14", "ubuntu:99.04", "httpd:2.6", "luksa/kubia:v4", "luksa/kubia:1", "curlimages/curl:9.0.0",
      "registry.k8s.io/e2e-test-images/agnhost:2.99", "mirror.gcr.io/library/nginx:1.161", "nginx:v1.14.2"})
  void versionsThatWereNeverReleasedAreNotInTheRegistry(String image) {
    assertThat(programs.hasTag(image)).as(image).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nginx:1.14.2", "nginx:1.14", "nginx:1", "nginx:1.25-alpine", "nginx:stable", "nginx:latest",
      "nginx", "nginx:1.7.9", "nginx:1.29.3", "nginx:stable-alpine", "redis:7.2.4-alpine", "redis:6.0.5", "redis:8",
      "busybox:1.28", "busybox:1.36.1-glibc", "postgres:16.4", "postgres:9.6", "mysql:8.0.36", "mariadb:10.11",
      "mongo:7", "memcached:1.6.21-alpine", "rabbitmq:3.13-management", "python:3.12-slim", "alpine:3.20",
      "debian:12", "debian:bookworm-slim", "ubuntu:22.04", "httpd:2.4", "luksa/kubia:v2", "luksa/kubia",
      "curlimages/curl:8.10.1", "registry.k8s.io/e2e-test-images/agnhost:2.39", "redis:8.8.0", "redis:8.4",
      "busybox:1.38.0", "mysql:9.5", "python:3.15-slim", "curlimages/curl:8.20.0", "registry.k8s.io/redis:e2e",
      "gcr.io/google_samples/gb-redisslave:v1", "example.com/private/app:99.1", "myorg/app:1.161",
      "nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000",
      "nginx:1.161@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
  void releasedVersionsWordsUnknownImagesAndDigestsAreThere(String image) {
    assertThat(programs.hasTag(image)).as(image).isTrue();
  }

  @Test
  void anImageTheUserRegisteredIsTheirsWhateverItsTag() {
    programs.sealBuiltins();
    programs.register("nginx", dev.kubesim.api.program.Program.builder().build());
    assertThat(programs.hasTag("nginx:1.161")).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "docker.io/library/nginx, 1.14.2, 1.14.2",
      "docker.io/library/nginx, 1.14, 1.14.2",
      "docker.io/library/nginx, 1.14-alpine, 1.14.2",
      "docker.io/library/nginx, 1.14.2-alpine, 1.14.2",
      "docker.io/library/nginx, stable, DEFAULT",
      "docker.io/library/nginx, latest, DEFAULT",
      "docker.io/library/redis, 6.0, 6.0.20",
      "docker.io/library/redis, 6.0.5, 6.0.5",
      "docker.io/library/redis, 7.2.4-alpine3.19, 7.2.4",
      "docker.io/library/redis, 8, 8.2.1",
      "docker.io/library/redis, v2, DEFAULT",
      "docker.io/library/postgres, 16.4, 16.4",
      "docker.io/library/postgres, 15, 15.14",
      "docker.io/library/postgres, 9.6, 9.6.24",
      "docker.io/library/debian, 12, 12.11",
      "docker.io/library/ubuntu, 22.04, 22.04",
      "docker.io/library/python, 3.11-slim, 3.11.13",
      "docker.io/library/nginx, 3.1, DEFAULT",
      "docker.io/somebody/app, 1.2.3, 1.2.3",
      "docker.io/somebody/app, 1.2, DEFAULT"})
  void aTagRunsItsVersionOrItsSeriesNewestRelease(String image, String tag, String expected) {
    String version = ImageVersions.version(image, Optional.of(tag), "DEFAULT");
    assertThat(version).isEqualTo(expected);
  }

  @Test
  void theSeriesOfTheDefaultRunsTheDefault() {
    assertThat(ImageVersions.version("docker.io/library/postgres", Optional.of("16"), "16.4")).isEqualTo("16.4");
    assertThat(ImageVersions.version("docker.io/library/redis", Optional.of("7"), "7.2.4")).isEqualTo("7.2.4");
    assertThat(ImageVersions.version("docker.io/library/redis", Optional.of("7.4"), "7.2.4")).isEqualTo("7.4.5");
    assertThat(ImageVersions.version("docker.io/library/postgres", Optional.of("16.10"), "16.4")).isEqualTo("16.10");
  }

  @Test
  void noTagIsTheDefault() {
    assertThat(ImageVersions.version("docker.io/library/redis", Optional.empty(), "7.2.4")).isEqualTo("7.2.4");
  }

  @Test
  void everyTableIsOfAnImageKubesimRuns() {
    for (String image : ImageVersions.images()) {
      assertThat(programs.lookup(image)).as(image).isPresent();
      assertThat(ImageVersions.of(image).orElseThrow().image()).isEqualTo(image);
    }
    assertThat(ImageVersions.of("docker.io/library/nginx").orElseThrow().newest(TagVersion.parse("1").orElseThrow()))
        .contains("1.29.1");
  }
}
