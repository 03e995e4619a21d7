/**
 * AssertJ assertions for kubesim's views and results, with failure messages that carry the
 * cluster's state ("Expecting ... but was ..."). The package needs {@code org.assertj:assertj-core},
 * an optional dependency of simulator-api: add it to the tests that use these.
 */
package dev.kubesim.assertj;
