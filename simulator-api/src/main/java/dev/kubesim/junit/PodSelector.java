package dev.kubesim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses a pod of the test's cluster for a parameter of a {@link KubeSimTest} class: a {@code
 * String} parameter gets the pod's name, a {@link dev.kubesim.api.model.Pod} parameter the pod
 * itself. The pod is looked up when the parameter is resolved, after the class's manifests are
 * applied and the cluster has settled.
 *
 * <pre>{@code
 * @Test
 * void clientReachesKubia(Cluster cluster, @PodSelector("app=client") String client) {
 *   assertThat(cluster.exec(client, "curl", "-s", "http://kubia").exitCode()).isZero();
 * }
 * }</pre>
 *
 * <p>Of the pods the selector matches, the first {@code Running} one in name order is chosen, or
 * the first in name order when none is running. The parameter cannot be resolved, with the
 * namespace's pods and their labels in the message, when no pod matches.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PodSelector {
  /**
   * The label selector, as {@code kubectl get pods -l} takes it: {@code app=kubia}, {@code
   * app=kubia,tier!=cache}, {@code environment in (prod, qa)}.
   *
   * @return the label selector
   */
  String value();

  /**
   * The namespace the pod is looked for in.
   *
   * @return the namespace (default {@code default})
   */
  String namespace() default "default";
}
