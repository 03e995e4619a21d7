/**
 * AssertJ assertions for kubesim's results: {@code KubeSimAssertions.assertThat(cluster.exec(...))}
 * and {@code assertThat(trace)}. Every failure message ends with the rendered trace, the record of
 * what the network did, so that a failing test says why. AssertJ is an optional dependency of
 * {@code simulator-api}: test code that uses this package brings {@code assertj-core} itself.
 */
package dev.kubesim.assertj;
