package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.program.Program;
import dev.kubesim.impl.program.images.UnknownImageProgram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in images and commands are made at first use, and behave as if registered up front. */
class RegistriesTest {
  /** Every name kubesim's own images are known by, as users write them. */
  private static final List<String> BUILTIN_IMAGES = List.of("luksa/kubia", "luksa/kubia-unhealthy",
      "gcr.io/google-samples/kubernetes-bootcamp", "jocatalin/kubernetes-bootcamp", "nginx", "registry.k8s.io/nginx-slim",
      "httpd", "registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost",
      "gcr.io/kubernetes-e2e-test-images/agnhost", "busybox", "registry.k8s.io/busybox", "k8s.gcr.io/busybox",
      "gcr.io/google-containers/busybox", "gcr.io/google_containers/busybox", "registry.k8s.io/serve_hostname",
      "k8s.gcr.io/serve_hostname", "gcr.io/google_containers/serve_hostname",
      "radial/busyboxplus", "alpine", "bash", "perl", "registry.k8s.io/hpa-example", "gcr.io/google-samples/hello-go-gke",
      "gcr.io/google-samples/hello-frontend", "curlimages/curl", "tutum/dnsutils", "registry.k8s.io/e2e-test-images/jessie-dnsutils",
      "k8s.gcr.io/e2e-test-images/jessie-dnsutils", "gcr.io/kubernetes-e2e-test-images/jessie-dnsutils", "debian", "ubuntu",
      "redis", "registry.k8s.io/redis", "k8s.gcr.io/redis", "gcr.io/google_samples/gb-redisslave",
      "gcr.io/google_samples/gb-redis-follower", "gcr.io/google-samples/gb-redis-follower",
      "us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower", "gcr.io/google-samples/hello-app",
      "us-docker.pkg.dev/google-samples/containers/gke/hello-app", "gcr.io/google-samples/node-hello",
      "hashicorp/http-echo", "traefik/whoami", "containous/whoami", "kicbase/echo-server", "jmalloc/echo-server",
      "registry.k8s.io/echoserver", "k8s.gcr.io/echoserver", "gcr.io/google_containers/echoserver",
      "registry.k8s.io/e2e-test-images/echoserver", "k8s.gcr.io/e2e-test-images/echoserver",
      "gcr.io/kubernetes-e2e-test-images/echoserver", "gcr.io/google-samples/gb-frontend",
      "gcr.io/google_samples/gb-frontend", "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend", "memcached",
      "postgres", "mysql", "mariadb", "mongo", "wordpress", "python", "rabbitmq", "registry.k8s.io/coredns/coredns",
      "registry.k8s.io/ingress-nginx/controller", "mirror.gcr.io/library/nginx", "public.ecr.aws/docker/library/nginx");

  @Test
  void everyBuiltInImageRunsItsOwnProgramUnderEachOfItsNames() {
    ProgramRegistry registry = ProgramRegistry.withBuiltins();
    registry.sealBuiltins();
    for (String image : BUILTIN_IMAGES) {
      assertThat(registry.lookup(image + ":1.0")).as(image).isPresent();
      assertThat(registry.resolve(image)).as(image).isNotInstanceOf(UnknownImageProgram.class);
      assertThat(registry.isBuiltin(image)).as(image).isTrue();
    }
    assertThat(registry.lookup("example.com/team/app")).isEmpty();
    assertThat(new ProgramRegistry().lookup("nginx")).as("an empty registry knows no image").isEmpty();
  }

  @Test
  void anImageRegisteredAfterTheBuiltInsAreSealedIsTheUsersAndReplacesTheBuiltIn() {
    ProgramRegistry registry = ProgramRegistry.withBuiltins();
    Program before = registry.resolve("nginx:1.27");
    registry.sealBuiltins();
    Program mine = registry.resolve("busybox");
    registry.register("nginx", mine);
    assertThat(registry.resolve("nginx:1.27")).isSameAs(mine).isNotSameAs(before);
    assertThat(registry.isBuiltin("nginx")).isFalse();
    assertThat(registry.isBuiltin("httpd")).isTrue();
    assertThat(registry.isBuiltin("example.com/team/app")).as("unknown images run the built-in fallback").isTrue();
  }

  @Test
  void lazilyRegisteredCommandsAreMadeOnceAtTheirFirstLookupAndKeepTheirPlace() {
    List<String> made = new ArrayList<>();
    CommandRegistry commands = new CommandRegistry().registerLazily(List.of("a", "b"), name -> {
      made.add(name);
      return CommandRegistry.withBuiltins().lookup("true").orElseThrow();
    });
    commands.register("c", CommandRegistry.withBuiltins().lookup("false").orElseThrow());
    long version = commands.version();
    assertThat(made).isEmpty();
    Command b = commands.lookup("b").orElseThrow();
    assertThat(commands.lookup("b")).containsSame(b);
    assertThat(made).containsExactly("b");
    assertThat(commands.names()).containsExactly("a", "b", "c");
    assertThat(commands.version()).as("making a command is not a registration").isEqualTo(version);
    Command replacement = CommandRegistry.withBuiltins().lookup("echo").orElseThrow();
    commands.register("a", replacement);
    assertThat(commands.lookup("a")).containsSame(replacement);
    assertThat(made).containsExactly("b");
  }

  @Test
  void theBasicCommandsAreAllThere() {
    CommandRegistry commands = CommandRegistry.withBuiltins();
    for (String name : commands.names()) {
      assertThat(commands.lookup(name)).as(name).isPresent();
    }
    assertThat(commands.names()).contains("sh", "bash", "ls", "cat", "sed", "awk", "python3", "[");
    assertThat(commands.hasUserCommands()).isFalse();
  }
}
