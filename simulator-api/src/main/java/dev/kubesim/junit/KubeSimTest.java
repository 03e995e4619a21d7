package dev.kubesim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a kubesim cluster built with these settings: its non-static
 * fields of type {@link dev.kubesim.api.Cluster} are set, and test and lifecycle methods take a
 * {@code Cluster} parameter, or a pod's name or {@link dev.kubesim.api.model.Pod} chosen by a
 * {@link PodSelector}.
 *
 * <pre>{@code
 * @KubeSimTest(seed = 42, manifests = "classpath:kubia.yaml")
 * class KubiaTest {
 *   Cluster cluster;
 *
 *   @Test
 *   void serviceAnswers(@PodSelector("app=kubia") String pod) {
 *     assertThat(cluster.exec(pod, "curl", "-s", "http://kubia").stdout()).startsWith("You've hit");
 *   }
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> The cluster follows JUnit's test instance lifecycle: with the default
 * ({@code @TestInstance(Lifecycle.PER_METHOD)}) every test method, and every invocation of a
 * parameterized or repeated test, gets a cluster of its own, built before its {@code @BeforeEach}
 * methods and closed after its {@code @AfterEach} methods; with {@code
 * @TestInstance(Lifecycle.PER_CLASS)} the test methods of the class share one cluster, built before
 * its {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods. A cluster is built
 * only when something asks for it (a field, a parameter).
 *
 * <p><b>Start.</b> The cluster is built with {@link #seed()}, {@link #nodes()}, {@link #addons()}
 * and {@link #kubeProxyMode()}, then each of {@link #manifests()} is applied in order, then (with
 * {@link #awaitReady()}) the cluster settles, so that the objects' pods exist and run before the
 * test starts.
 *
 * <p><b>Failures.</b> When a test or lifecycle method of the class fails, its exception gets a
 * suppressed {@link ClusterReport}: the seed, the virtual time, and {@code kubectl get all -A} at
 * the moment of the failure. The failure's own type and message are kept, so IDEs still show their
 * comparison of expected and actual values.
 *
 * <p><b>Parallel execution.</b> Every cluster belongs to one test (or one test instance), and the
 * extension keeps no state of its own outside JUnit's extension context, so test classes and
 * methods may run concurrently ({@code junit.jupiter.execution.parallel.enabled}).
 *
 * <p>The extension lives in {@code simulator-api}, which has no engine: {@code simulator-impl}
 * must be on the test class path, or the test fails naming the missing artifact.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KubeSimExtension.class)
public @interface KubeSimTest {
  /**
   * The seed of the cluster's random streams: the same seed and calls give the same cluster.
   *
   * @return the seed (default 1)
   */
  long seed() default 1;

  /**
   * How many nodes the cluster has, named and addressed as {@link
   * dev.kubesim.api.ClusterOptions#defaultNodes(int)} describes.
   *
   * @return the node count (default 3)
   */
  int nodes() default 3;

  /**
   * The add-ons installed while the cluster is built ({@code coredns}, {@code ingress-nginx}); an
   * empty array installs none.
   *
   * @return the add-ons' names (default {@code coredns}, as {@link dev.kubesim.api.ClusterBuilder})
   */
  String[] addons() default {"coredns"};

  /**
   * kube-proxy's mode on every node.
   *
   * @return {@code iptables} (default), {@code nftables} or {@code ipvs}
   */
  String kubeProxyMode() default "iptables";

  /**
   * Manifests applied, in order, once the cluster is built, as {@code kubectl apply -f} would: an
   * entry {@code classpath:NAME} is a resource of the test class path ({@code
   * classpath:k8s/kubia.yaml}); {@code project:PATH} is a file or folder relative to the project's
   * root, the outermost folder from the working directory upward that holds a {@code pom.xml} or a
   * Gradle build file ({@code project:k8s/}, {@code project:../shared/app.yaml} for a checkout
   * beside the project), the same whether Maven or an IDE runs the test; any other entry is a file,
   * or a folder whose {@code .yaml}, {@code .yml} and {@code .json} files are all applied, relative
   * to the working directory (Maven's is the module's folder).
   *
   * @return the manifests' locations (default none)
   */
  String[] manifests() default {};

  /**
   * What a file or folder of {@link #manifests()} that does not exist does to the test: by default
   * it fails, naming the absolute path; for manifests kept outside the project, which a checkout may
   * lack, it can skip the test instead (aborted by a JUnit assumption, as {@code
   * Assumptions.assumeTrue} does).
   *
   * @return false (default) to fail; true to skip the test when a manifest is absent
   */
  boolean skipWhenManifestsAbsent() default false;

  /**
   * Whether the cluster waits, after the manifests are applied, until their workloads and pods are
   * ready (at most ten minutes of virtual time; a workload that does not get ready fails the test
   * with what was not ready). Set it to false for a test about something that never gets ready.
   *
   * @return true (default) to wait; false to start the test right after the manifests are applied
   */
  boolean awaitReady() default true;
}
