/**
 * kubesim for JUnit 5 tests: {@link dev.kubesim.junit.KubeSimTest} gives each test a cluster built
 * from its settings and manifests, injects it and pods chosen by {@link
 * dev.kubesim.junit.PodSelector}, closes it afterwards, and adds the cluster's state to a failing
 * test's report.
 *
 * <p>This package needs {@code org.junit.jupiter:junit-jupiter-api} (an optional dependency of
 * {@code simulator-api}, which every JUnit 5 test has) and {@code simulator-impl} at run time.
 */
package dev.kubesim.junit;
