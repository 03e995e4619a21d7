package dev.kubesim.api;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A scripted application image, in the manner of OkHttp's MockWebServer: every container of the
 * image serves HTTP on each of its declared {@code containerPorts}, answering from a queue of
 * responses the test enqueued, then from a dispatcher, then with a default response; every request
 * is recorded, in the order the containers received them, across all pods of the image. Obtained
 * from {@link Cluster#fakeApp(String)}.
 *
 * <pre>{@code
 * FakeApp orders = cluster.fakeApp("orders");         // image: orders
 * cluster.apply(deploymentOf("orders", 2));
 * orders.enqueue(HttpResponse.status(503, "try later"));
 * cluster.http("default/client", HttpRequest.get("http://orders/v1/orders"));   // 503
 * cluster.http("default/client", HttpRequest.get("http://orders/v1/orders"));   // 200, the default
 * orders.takeRequest().orElseThrow().path();           // "/v1/orders"
 * }</pre>
 *
 * <p>The kubelet's HTTP probes ({@code User-Agent: kube-probe/...}) are answered by the dispatcher
 * or the default response, never from the queue, and are not recorded, so that a test's script and
 * its record hold its own requests only. Everything runs on the simulation's thread in virtual
 * time; the methods take the cluster's lock.
 */
public interface FakeApp {
  /**
   * The image repository it registered ({@code orders}: {@code orders:1.0} runs it too).
   *
   * @return the image repository it registered ({@code orders}: {@code orders:1.0} runs it too)
   */
  String image();

  /**
   * Answers the next request that finds the queue non-empty with this response (first in, first
   * out).
   *
   * @param response the response
   * @return this fake application
   */
  FakeApp enqueue(HttpResponse response);

  /**
   * Answers requests that find the queue empty with what this function returns for them; an empty
   * result leaves the request to the default response. Replaces any dispatcher set before.
   *
   * @param dispatcher the function that answers a request, or leaves it to the queue with an empty
   *     result
   * @return this fake application
   */
  FakeApp dispatcher(Function<HttpRequest, Optional<HttpResponse>> dispatcher);

  /**
   * The answer when neither the queue nor the dispatcher has one; {@code 200 OK} with an empty body
   * until set.
   *
   * @param response the response
   * @return the answer when neither the queue nor the dispatcher has one
   */
  FakeApp defaultResponse(HttpResponse response);

  /**
   * The responses enqueued and not yet sent.
   *
   * @return the responses enqueued and not yet sent
   */
  int queued();

  /**
   * Removes and returns the oldest request not yet taken, or empty when every request was taken.
   *
   * @return the oldest request not yet taken, or empty when every request was taken
   */
  Optional<RecordedRequest> takeRequest();

  /**
   * Every request received so far, taken or not, in the order received.
   *
   * @return every request received so far, taken or not, in the order received
   */
  List<RecordedRequest> requests();

  /**
   * How many requests were received so far.
   *
   * @return how many requests were received so far
   */
  int requestCount();
}
