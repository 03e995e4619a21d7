package dev.kubesim.impl.cluster;

import dev.kubesim.api.FakeApp;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.RecordedRequest;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link FakeApp} of an image: one script and one record shared by every container of the
 * image, which serve HTTP on their declared ports through the program registered for it. The
 * test's calls take the cluster's lock, so they interleave with the simulation as any call does.
 */
final class ScriptedApp implements FakeApp {
  private final SimCluster cluster;
  private final String image;
  private final ArrayDeque<HttpResponse> queue = new ArrayDeque<>();
  private final List<RecordedRequest> received = new ArrayList<>();
  private int taken;
  private Function<HttpRequest, Optional<HttpResponse>> dispatcher = request -> Optional.empty();
  private HttpResponse defaultResponse = HttpResponse.ok("");

  private ScriptedApp(SimCluster cluster, String image) {
    this.cluster = cluster;
    this.image = image;
  }

  /** Registers the app's program for the image repository; the caller holds the cluster's lock. */
  static ScriptedApp register(SimCluster cluster, String image) {
    ScriptedApp app = new ScriptedApp(cluster, image);
    cluster.runtime().programs().register(image, Program.builder().listensOnDeclaredPorts().http(app::answer).build());
    return app;
  }

  /** Answers a request in a container of the image (on the simulation's thread, under the cluster's lock). */
  private HttpResponse answer(HttpRequest request, ServerContext context) {
    // The kubelet's probes are not the test's traffic: they neither use the script nor enter the record.
    if (request.header("User-Agent").filter(a -> a.startsWith("kube-probe/")).isPresent()) {
      return dispatcher.apply(request).orElse(defaultResponse);
    }
    received.add(new RecordedRequest(request.method(), request.target(), request.headers(), request.body(),
        ObjectRef.pod(context.namespace(), context.podName()), request.serverPort(), request.clientAddress()));
    HttpResponse next = queue.poll();
    if (next != null) {
      return next;
    }
    return Objects.requireNonNull(dispatcher.apply(request), "the dispatcher returned null").orElse(defaultResponse);
  }

  @Override
  public String image() {
    return image;
  }

  @Override
  public FakeApp enqueue(HttpResponse response) {
    Objects.requireNonNull(response, "response");
    return cluster.underLock(() -> {
      queue.add(response);
      return this;
    });
  }

  @Override
  public FakeApp dispatcher(Function<HttpRequest, Optional<HttpResponse>> value) {
    Objects.requireNonNull(value, "dispatcher");
    return cluster.underLock(() -> {
      dispatcher = value;
      return this;
    });
  }

  @Override
  public FakeApp defaultResponse(HttpResponse response) {
    Objects.requireNonNull(response, "response");
    return cluster.underLock(() -> {
      defaultResponse = response;
      return this;
    });
  }

  @Override
  public int queued() {
    return cluster.underLock(queue::size);
  }

  @Override
  public Optional<RecordedRequest> takeRequest() {
    return cluster.underLock(() -> taken < received.size() ? Optional.of(received.get(taken++)) : Optional.empty());
  }

  @Override
  public List<RecordedRequest> requests() {
    return cluster.underLock(() -> List.copyOf(received));
  }

  @Override
  public int requestCount() {
    return cluster.underLock(received::size);
  }

  @Override
  public String toString() {
    return "fake app " + image + " (" + received.size() + " requests received, " + queue.size() + " responses queued)";
  }
}
