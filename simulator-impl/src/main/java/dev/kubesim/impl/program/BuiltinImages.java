package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Program;
import dev.kubesim.impl.program.images.AgnhostProgram;
import dev.kubesim.impl.program.images.BootcampProgram;
import dev.kubesim.impl.program.images.ClientImages;
import dev.kubesim.impl.program.images.CoreDnsProgram;
import dev.kubesim.impl.program.images.EchoServerKicbaseProgram;
import dev.kubesim.impl.program.images.EchoserverProgram;
import dev.kubesim.impl.program.images.GuestbookFrontendProgram;
import dev.kubesim.impl.program.images.HelloAppProgram;
import dev.kubesim.impl.program.images.HelloGoGkeProgram;
import dev.kubesim.impl.program.images.HttpEchoProgram;
import dev.kubesim.impl.program.images.HpaExampleProgram;
import dev.kubesim.impl.program.images.HttpdProgram;
import dev.kubesim.impl.program.images.IngressNginxProgram;
import dev.kubesim.impl.program.images.KubiaProgram;
import dev.kubesim.impl.program.images.MemcachedProgram;
import dev.kubesim.impl.program.images.MongoProgram;
import dev.kubesim.impl.program.images.MysqlProgram;
import dev.kubesim.impl.program.images.NginxProgram;
import dev.kubesim.impl.program.images.NodeHelloProgram;
import dev.kubesim.impl.program.images.PerlProgram;
import dev.kubesim.impl.program.images.PostgresProgram;
import dev.kubesim.impl.program.images.PythonProgram;
import dev.kubesim.impl.program.images.RabbitMqProgram;
import dev.kubesim.impl.program.images.RedisProgram;
import dev.kubesim.impl.program.images.WhoamiProgram;
import dev.kubesim.impl.program.images.WordpressProgram;
import java.util.function.Function;

/**
 * kubesim's own images, by normalised repository name ({@code docker.io/library/nginx}): the
 * program each runs, made from the image's reference (some print their tag). A table in code
 * rather than a map filled per cluster, so that a cluster loads only the programs its pods run.
 */
final class BuiltinImages {
  private BuiltinImages() {}

  /**
   * The program factory of a built-in image, or {@code null} when kubesim has none.
   *
   * @param name a normalised repository name, as {@link ImageReference#name()} gives it
   */
  static Function<ImageReference, Program> factory(String name) {
    switch (name) {
      case "docker.io/luksa/kubia":
        return fixed(KubiaProgram.healthy());
      case "docker.io/luksa/kubia-unhealthy":
        return fixed(KubiaProgram.unhealthy());
      case "gcr.io/google-samples/kubernetes-bootcamp", "docker.io/jocatalin/kubernetes-bootcamp":
        return image -> new BootcampProgram(image.tag());
      case "docker.io/library/nginx":
        return image -> new NginxProgram(image.tag());
      case "registry.k8s.io/nginx-slim":
        // the Kubernetes test image the StatefulSet tutorial runs: nginx with its default site
        return image -> NginxProgram.slim(image.tag());
      case "docker.io/library/httpd":
        return image -> new HttpdProgram(image.tag());
      case "registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost",
          "gcr.io/kubernetes-e2e-test-images/agnhost":
        return fixed(new AgnhostProgram());
      case "registry.k8s.io/serve_hostname", "k8s.gcr.io/serve_hostname", "gcr.io/google_containers/serve_hostname",
          "gcr.io/google-containers/serve_hostname":
        // kubernetes.io's "Debug Services"
        return fixed(AgnhostProgram.serveHostname());
      case "docker.io/library/busybox", "registry.k8s.io/busybox", "k8s.gcr.io/busybox", "gcr.io/google-containers/busybox",
          "gcr.io/google_containers/busybox":
        // Kubernetes' copies of busybox: the probes tasks of kubernetes.io, older tutorials
        return fixed(ClientImages.busybox());
      case "docker.io/radial/busyboxplus":
        return fixed(ClientImages.busyboxplus());
      case "docker.io/library/alpine":
        return fixed(ClientImages.alpine());
      case "docker.io/library/bash":
        return fixed(ClientImages.bash());
      case "docker.io/curlimages/curl":
        return fixed(ClientImages.curl());
      case "docker.io/tutum/dnsutils":
        return fixed(ClientImages.tutumDnsutils());
      case "registry.k8s.io/e2e-test-images/jessie-dnsutils", "k8s.gcr.io/e2e-test-images/jessie-dnsutils",
          "gcr.io/kubernetes-e2e-test-images/jessie-dnsutils":
        return fixed(ClientImages.jessieDnsutils());
      case "docker.io/library/debian", "docker.io/library/ubuntu":
        return fixed(ClientImages.debian());
      case "docker.io/library/redis":
        return image -> new RedisProgram(image.tag());
      case "registry.k8s.io/redis", "k8s.gcr.io/redis":
        // Kubernetes' guestbook example: its leader is registry.k8s.io/redis:e2e (k8s.gcr.io before)
        return fixed(new RedisProgram());
      case "gcr.io/google_samples/gb-redisslave":
        // the guestbook's followers, built FROM redis with a /run.sh that follows the leader (the
        // master before the renaming)
        return fixed(RedisProgram.follower("3.2.9", "redis-master", "REDIS_MASTER_SERVICE_HOST", "--slaveof"));
      case "gcr.io/google_samples/gb-redis-follower", "gcr.io/google-samples/gb-redis-follower",
          "us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower":
        return fixed(RedisProgram.follower("6.2.17", "redis-leader", "REDIS_LEADER_SERVICE_HOST", "--replicaof"));
      case "gcr.io/google-samples/hello-app":
        // GKE's quickstart app and kubernetes.io's "Exposing an External IP Address" app, first built on Alpine
        return image -> new HelloAppProgram(image.tag(), true);
      case "us-docker.pkg.dev/google-samples/containers/gke/hello-app":
        return image -> new HelloAppProgram(image.tag(), false);
      case "gcr.io/google-samples/hello-go-gke":
        // "Connect a Frontend to a Backend Using Services": the backend, and the nginx in front of it
        return fixed(HelloGoGkeProgram.program());
      case "gcr.io/google-samples/hello-frontend":
        return fixed(NginxProgram.helloFrontend());
      case "gcr.io/google-samples/node-hello":
        return fixed(NodeHelloProgram.program());
      case "docker.io/hashicorp/http-echo":
        // the echo servers of Ingress examples
        return image -> new HttpEchoProgram(image.tag());
      case "docker.io/traefik/whoami", "docker.io/containous/whoami":
        return fixed(new WhoamiProgram());
      case "docker.io/kicbase/echo-server", "docker.io/jmalloc/echo-server":
        // minikube's getting-started echo server
        return fixed(new EchoServerKicbaseProgram());
      case "registry.k8s.io/echoserver", "k8s.gcr.io/echoserver", "gcr.io/google_containers/echoserver",
          "registry.k8s.io/e2e-test-images/echoserver", "k8s.gcr.io/e2e-test-images/echoserver",
          "gcr.io/kubernetes-e2e-test-images/echoserver":
        // Kubernetes' echoserver under its registries' names (minikube's hello-minikube, the e2e image)
        return image -> new EchoserverProgram(image.tag());
      case "gcr.io/google-samples/gb-frontend", "gcr.io/google_samples/gb-frontend",
          "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend":
        // the guestbook's frontend: PHP reaching the leader and followers through Predis
        return image -> new GuestbookFrontendProgram(image.tag());
      case "registry.k8s.io/hpa-example", "k8s.gcr.io/hpa-example", "gcr.io/google_containers/hpa-example":
        // kubernetes.io's HorizontalPodAutoscaler walkthrough
        return fixed(new HpaExampleProgram());
      case "docker.io/library/memcached":
        return image -> new MemcachedProgram(image.tag());
      case "docker.io/library/postgres":
        return image -> new PostgresProgram(image.tag());
      case "docker.io/library/mysql":
        return image -> MysqlProgram.mysql(image.tag());
      case "docker.io/library/mariadb":
        return image -> MysqlProgram.mariadb(image.tag());
      case "docker.io/library/mongo":
        return fixed(new MongoProgram());
      case "docker.io/library/wordpress":
        return image -> new WordpressProgram(image.tag());
      case "docker.io/library/perl":
        return fixed(new PerlProgram());
      case "docker.io/library/python":
        return image -> new PythonProgram(image.tag());
      case "docker.io/library/rabbitmq":
        return image -> new RabbitMqProgram(image.tag().orElse("").contains("management"), image.tag());
      case "registry.k8s.io/coredns/coredns":
        return image -> new CoreDnsProgram(image.tag());
      case "registry.k8s.io/ingress-nginx/controller":
        return image -> new IngressNginxProgram(image.tag());
      default:
        return null;
    }
  }

  private static Function<ImageReference, Program> fixed(Program program) {
    return image -> program;
  }
}
