/**
 * AssertJ assertions for kubesim's results, traces and views: {@code
 * KubeSimAssertions.assertThat(cluster.exec(...))}, {@code assertThat(trace)}, {@code
 * assertThat(cluster.service("default", "kubia"))}. Failure messages say what was expected and what
 * was found, with the rendered trace or the cluster's state that explains it. AssertJ is an optional
 * dependency of {@code simulator-api}: test code that uses this package brings {@code assertj-core}
 * itself.
 */
package dev.kubesim.assertj;
