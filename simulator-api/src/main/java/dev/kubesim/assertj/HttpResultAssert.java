package dev.kubesim.assertj;

import dev.kubesim.api.HttpResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Trace;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link HttpResult}; a failure message shows the status or curl's error, and the
 * rendered trace, so that the way the request went is in the report.
 */
public final class HttpResultAssert extends AbstractAssert<HttpResultAssert, HttpResult> {
  HttpResultAssert(HttpResult actual) {
    super(actual, HttpResultAssert.class);
  }

  /**
   * Assertions on the request's trace: where it went and, for a request that failed, why ({@link
   * TraceAssert#hasCause}, {@link TraceAssert#wasDecidedBy}).
   *
   * @return an assertion on {@link HttpResult#trace()}, with this assertion's description
   */
  public TraceAssert hasTraceThat() {
    isNotNull();
    TraceAssert trace = new TraceAssert(actual.trace());
    return info.hasDescription() ? trace.as(info.description()) : trace;
  }

  /**
   * A response came back with this status.
   *
   * @param expected the expected HTTP status code
   * @return this assertion, for chaining
   */
  public HttpResultAssert hasStatus(int expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expecting status %d but was %s%n%s", expected, outcome(), trace());
    }
    return this;
  }

  /**
   * The response body contains this text.
   *
   * @param expected the text to find
   * @return this assertion, for chaining
   */
  public HttpResultAssert bodyContains(String expected) {
    isNotNull();
    if (!actual.responded() || !actual.body().contains(expected)) {
      failWithMessage("Expecting the body to contain \"%s\" but was %s%n%s", expected,
          actual.responded() ? "\"" + actual.body() + "\"" : outcome(), trace());
    }
    return this;
  }

  /**
   * The response has a header of this name (any case) and value.
   *
   * @param name the object's name
   * @param value None
   * @return this assertion, for chaining
   */
  public HttpResultAssert hasHeader(String name, String value) {
    isNotNull();
    if (!actual.header(name).filter(value::equals).isPresent()) {
      failWithMessage("Expecting header %s: %s but was %s", name, value,
          actual.responded() ? actual.header(name).map(v -> name + ": " + v).orElse("no " + name + " header; headers "
              + actual.headers()) : outcome());
    }
    return this;
  }

  /**
   * The answer came from a pod whose name starts with the name of this workload and a dash ({@code
   * orders-7d9f-x2b4z}).
   *
   * @param workload the Deployment's, ReplicaSet's or ReplicationController's name
   * @return this assertion, for chaining
   */
  public HttpResultAssert answeredByPodOf(String workload) {
    isNotNull();
    boolean ok = actual.answeredBy().filter(p -> p.kind().equals("pod") && p.name().startsWith(workload + "-")).isPresent();
    if (!ok) {
      failWithMessage("Expecting the answer to come from a pod of %s but was %s%n%s", workload,
          actual.answeredBy().map(ObjectRef::toString).orElse("no pod (" + outcome() + ")"), trace());
    }
    return this;
  }

  /**
   * The answer came from this pod.
   *
   * @param pod the pod, as {@code namespace/name} or, in {@code default}, by its name
   * @return this assertion, for chaining
   */
  public HttpResultAssert answeredBy(ObjectRef pod) {
    isNotNull();
    if (!actual.answeredBy().filter(pod::equals).isPresent()) {
      failWithMessage("Expecting the answer to come from %s but was %s%n%s", pod,
          actual.answeredBy().map(ObjectRef::toString).orElse("no pod (" + outcome() + ")"), trace());
    }
    return this;
  }

  /**
   * No response came back, and curl would have exited with this code (6, 7, 28, 52, ...).
   *
   * @param expected curl's expected exit code (7 refused, 28 timed out, 6 unresolved)
   * @return this assertion, for chaining
   */
  public HttpResultAssert failedWithExitCode(int expected) {
    isNotNull();
    if (actual.responded() || actual.exitCode() != expected) {
      failWithMessage("Expecting curl's exit code %d but was %s%n%s", expected, outcome(), trace());
    }
    return this;
  }

  private String outcome() {
    return actual.responded() ? "status " + actual.status() + " " + actual.answeredBy().map(p -> "from " + p).orElse("")
        : "no response: curl (" + actual.exitCode() + ") " + actual.error();
  }

  private String trace() {
    Trace t = actual.trace();
    return t.render();
  }
}
