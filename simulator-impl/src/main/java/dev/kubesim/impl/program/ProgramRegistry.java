package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.Programs;
import dev.kubesim.impl.program.images.AgnhostProgram;
import dev.kubesim.impl.program.images.ClientImages;
import dev.kubesim.impl.program.images.CoreDnsProgram;
import dev.kubesim.impl.program.images.EchoServerKicbaseProgram;
import dev.kubesim.impl.program.images.EchoserverProgram;
import dev.kubesim.impl.program.images.GuestbookFrontendProgram;
import dev.kubesim.impl.program.images.HelloAppProgram;
import dev.kubesim.impl.program.images.HttpEchoProgram;
import dev.kubesim.impl.program.images.ImageVersions;
import dev.kubesim.impl.program.images.BootcampProgram;
import dev.kubesim.impl.program.images.KubiaProgram;
import dev.kubesim.impl.program.images.MemcachedProgram;
import dev.kubesim.impl.program.images.MongoProgram;
import dev.kubesim.impl.program.images.MysqlProgram;
import dev.kubesim.impl.program.images.NginxProgram;
import dev.kubesim.impl.program.images.NodeHelloProgram;
import dev.kubesim.impl.program.images.PostgresProgram;
import dev.kubesim.impl.program.images.PythonProgram;
import dev.kubesim.impl.program.images.RabbitMqProgram;
import dev.kubesim.impl.program.images.RedisProgram;
import dev.kubesim.impl.program.images.UnknownImageProgram;
import dev.kubesim.impl.program.images.WhoamiProgram;
import dev.kubesim.impl.program.images.WordpressProgram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The images a cluster knows, by normalised repository name ({@code docker.io/library/nginx}), so
 * that every tag and digest of a known image runs its program. Built-ins: {@code luksa/kubia},
 * {@code luksa/kubia-unhealthy}, {@code nginx}, {@code httpd}, agnhost (from registry.k8s.io and the older
 * k8s.gcr.io / gcr.io names), {@code busybox}, {@code alpine}, {@code curlimages/curl}, {@code
 * tutum/dnsutils}, e2e {@code jessie-dnsutils}, {@code debian}, {@code ubuntu}, and the catalogue of
 * services with protocols of their own: {@code redis}, {@code memcached}, {@code postgres}, {@code
 * mysql}, {@code mariadb}, {@code mongo}, {@code rabbitmq}, {@code python}; and a few other names
 * of these images: {@code registry.k8s.io/busybox} (k8s.gcr.io), {@code radial/busyboxplus}, the
 * guestbook's {@code registry.k8s.io/redis} and its followers, and the mirrors of Docker Hub's
 * official images ({@code mirror.gcr.io/library/nginx}, {@code public.ecr.aws/docker/library/nginx}).
 * Anything else runs {@link UnknownImageProgram}.
 *
 * <p>One registry serves one cluster; it is not synchronised (the engine has one thread).
 */
public final class ProgramRegistry implements Programs {
  private final Map<String, Function<ImageReference, Program>> programs = new LinkedHashMap<>();
  private Program fallback = new UnknownImageProgram();
  /** The registrations that were kubesim's own, once sealed. */
  private Map<String, Function<ImageReference, Program>> builtins;
  private Program builtinFallback;

  /** An empty registry: every image runs the fallback. */
  public ProgramRegistry() {}

  public static ProgramRegistry withBuiltins() {
    ProgramRegistry r = new ProgramRegistry();
    Program kubia = KubiaProgram.healthy();
    r.register("luksa/kubia", kubia);
    r.register("luksa/kubia-unhealthy", KubiaProgram.unhealthy());
    r.register("gcr.io/google-samples/kubernetes-bootcamp", image -> new BootcampProgram(image.tag()));
    r.register("jocatalin/kubernetes-bootcamp", image -> new BootcampProgram(image.tag()));
    r.register("nginx", image -> new NginxProgram(image.tag()));
    // the Kubernetes test image the StatefulSet tutorial runs: nginx with its default site
    r.register("registry.k8s.io/nginx-slim", image -> NginxProgram.slim(image.tag()));
    r.register("httpd", image -> new dev.kubesim.impl.program.images.HttpdProgram(image.tag()));
    Program agnhost = new AgnhostProgram();
    r.register("registry.k8s.io/e2e-test-images/agnhost", agnhost);
    r.register("k8s.gcr.io/e2e-test-images/agnhost", agnhost);
    r.register("gcr.io/kubernetes-e2e-test-images/agnhost", agnhost);
    Program busybox = ClientImages.busybox();
    r.register("busybox", busybox);
    r.register("registry.k8s.io/busybox", busybox); // the probes tasks of kubernetes.io
    r.register("k8s.gcr.io/busybox", busybox);
    r.register("radial/busyboxplus", ClientImages.busyboxplus());
    r.register("alpine", ClientImages.alpine());
    r.register("curlimages/curl", ClientImages.curl());
    r.register("tutum/dnsutils", ClientImages.tutumDnsutils());
    Program jessie = ClientImages.jessieDnsutils();
    r.register("registry.k8s.io/e2e-test-images/jessie-dnsutils", jessie);
    r.register("k8s.gcr.io/e2e-test-images/jessie-dnsutils", jessie);
    r.register("gcr.io/kubernetes-e2e-test-images/jessie-dnsutils", jessie);
    Program debian = ClientImages.debian();
    r.register("debian", debian);
    r.register("ubuntu", debian);
    Program redis = new RedisProgram();
    r.register("redis", image -> new RedisProgram(image.tag()));
    // Kubernetes' guestbook example: its leader is registry.k8s.io/redis:e2e (k8s.gcr.io before),
    // its followers Google's samples built FROM redis.
    r.register("registry.k8s.io/redis", redis);
    r.register("k8s.gcr.io/redis", redis);
    // Its followers are built FROM redis with a /run.sh that follows the leader (the master before
    // the renaming), and its frontend is PHP reaching both through Predis.
    r.register("gcr.io/google_samples/gb-redisslave",
        RedisProgram.follower("3.2.9", "redis-master", "REDIS_MASTER_SERVICE_HOST", "--slaveof"));
    Program follower = RedisProgram.follower("6.2.17", "redis-leader", "REDIS_LEADER_SERVICE_HOST", "--replicaof");
    r.register("gcr.io/google_samples/gb-redis-follower", follower);
    r.register("gcr.io/google-samples/gb-redis-follower", follower);
    r.register("us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower", follower);
    // GKE's quickstart app and kubernetes.io's "Exposing an External IP Address" app
    for (String hello : List.of("gcr.io/google-samples/hello-app", "us-docker.pkg.dev/google-samples/containers/gke/hello-app")) {
      r.register(hello, image -> new HelloAppProgram(image.tag()));
    }
    r.register("gcr.io/google-samples/node-hello", NodeHelloProgram.program());
    // the echo servers of Ingress examples
    r.register("hashicorp/http-echo", image -> new HttpEchoProgram(image.tag()));
    r.register("traefik/whoami", new WhoamiProgram());
    r.register("containous/whoami", new WhoamiProgram());
    // minikube's getting-started echo server
    for (String echo : List.of("kicbase/echo-server", "jmalloc/echo-server")) {
      r.register(echo, new EchoServerKicbaseProgram());
    }
    // Kubernetes' echoserver under its registries' names (minikube's hello-minikube, the e2e image)
    for (String echo : List.of("registry.k8s.io/echoserver", "k8s.gcr.io/echoserver", "gcr.io/google_containers/echoserver",
        "registry.k8s.io/e2e-test-images/echoserver", "k8s.gcr.io/e2e-test-images/echoserver",
        "gcr.io/kubernetes-e2e-test-images/echoserver")) {
      r.register(echo, image -> new EchoserverProgram(image.tag()));
    }
    for (String frontend : List.of("gcr.io/google-samples/gb-frontend", "gcr.io/google_samples/gb-frontend",
        "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend")) {
      r.register(frontend, image -> new GuestbookFrontendProgram(image.tag()));
    }
    r.register("memcached", image -> new MemcachedProgram(image.tag()));
    r.register("postgres", image -> new PostgresProgram(image.tag()));
    r.register("mysql", image -> MysqlProgram.mysql(image.tag()));
    r.register("mariadb", image -> MysqlProgram.mariadb(image.tag()));
    r.register("mongo", new MongoProgram());
    r.register("wordpress", image -> new WordpressProgram(image.tag()));
    r.register("python", image -> new PythonProgram(image.tag()));
    r.register("rabbitmq", image -> new RabbitMqProgram(image.tag().orElse("").contains("management"), image.tag()));
    r.register("registry.k8s.io/coredns/coredns", image -> new CoreDnsProgram(image.tag()));
    r.register("registry.k8s.io/ingress-nginx/controller", image -> new dev.kubesim.impl.program.images.IngressNginxProgram(image.tag()));
    return r;
  }

  @Override
  public void register(String imageRepository, Program program) {
    Objects.requireNonNull(program, "program");
    register(imageRepository, image -> program);
  }

  /** Registers a program that depends on the tag or digest (nginx's version in its pages). */
  public void register(String imageRepository, Function<ImageReference, Program> factory) {
    Objects.requireNonNull(factory, "factory");
    programs.put(ImageReference.parse(imageRepository).name(), factory);
  }

  /** Marks the registrations so far as kubesim's own. */
  public void sealBuiltins() {
    builtins = Map.copyOf(programs);
    builtinFallback = fallback;
  }

  /** Whether an image runs one of kubesim's own programs (always, before {@link #sealBuiltins}). */
  public boolean isBuiltin(String image) {
    if (builtins == null) {
      return true;
    }
    String name = key(ImageReference.parse(image));
    Function<ImageReference, Program> now = programs.get(name);
    return now == null ? fallback == builtinFallback && !builtins.containsKey(name) : now == builtins.get(name);
  }

  /** Replaces the program of images nobody registered. */
  public void setFallback(Program program) {
    fallback = Objects.requireNonNull(program, "program");
  }

  @Override
  public Optional<Program> lookup(String image) {
    ImageReference ref = ImageReference.parse(image);
    return Optional.ofNullable(programs.get(key(ref))).map(f -> f.apply(ref));
  }

  /**
   * The name an image is registered under: its normalised repository, where the mirrors of Docker
   * Hub's official images ({@code mirror.gcr.io/library/X}, {@code public.ecr.aws/docker/library/X})
   * stand for the image they copy ({@code docker.io/library/X}).
   */
  private static String key(ImageReference ref) {
    String repository = ref.repository();
    if (ref.registry().equals("mirror.gcr.io") && repository.startsWith("library/")
        || ref.registry().equals("public.ecr.aws") && repository.startsWith("docker/library/")) {
      String official = repository.substring(repository.indexOf("library/"));
      if (official.indexOf('/', "library/".length()) < 0) {
        return ImageReference.DOCKER_HUB + "/" + official;
      }
    }
    return ref.name();
  }

  /**
   * Whether the registry has the image's tag, as far as kubesim can tell: a version tag of an image
   * with a version table ({@link ImageVersions}) that names a version never released is not there
   * ({@code nginx:1.161}); every other tag, every digest, and every image registered by the user or
   * unknown to kubesim is (a private image must run).
   *
   * @param image a valid image reference
   * @return whether pulling it finds the tag
   */
  public boolean hasTag(String image) {
    ImageReference ref = ImageReference.parse(image);
    if (ref.tag().isEmpty() || ref.digest().isPresent() || !isBuiltin(image)) {
      return true;
    }
    String name = key(ref);
    if (!programs.containsKey(name)) {
      return true;
    }
    return ImageVersions.of(name).map(v -> v.hasTag(ref.tag().get())).orElse(true);
  }

  @Override
  public Program resolve(String image) {
    return lookup(image).orElse(fallback);
  }
}
