package dev.kubesim.samples.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * A network figure: the mean cost of one request (a curl, a DNS query) in a {@link
 * BenchCluster}, over a batch long enough to time — its latency in microseconds, or the bytes it
 * allocates. All network figures are one {@link Benchmark#group() group}, sampled in turn, so that
 * the small and the large cluster's figures are taken under the same conditions.
 *
 * <p>Before each sample virtual time moves past conntrack's timeouts (TCP's TIME_WAIT, UDP's
 * streams): the sample's requests are new connections, as a client's fresh source ports make them,
 * not replays of the last sample's entries, and the tables stay the size of one sample's traffic.
 */
final class RequestBenchmark<C extends BenchCluster> implements Benchmark {
  /** Anything that sends one request and fails loudly when it is not answered. */
  interface Request<C> {
    void send(C cluster);
  }

  private static final Duration PAST_CONNTRACK_TIMEOUTS = Duration.ofMinutes(3);

  private final String name;
  private final C cluster;
  private final Request<C> request;
  private final int batch;
  private final boolean allocation;

  private RequestBenchmark(String name, C cluster, Request<C> request, int batch, boolean allocation) {
    this.name = name;
    this.cluster = cluster;
    this.request = request;
    this.batch = batch;
    this.allocation = allocation;
  }

  /** Microseconds per request, over batches of {@code batch} requests. */
  static <C extends BenchCluster> Benchmark latency(String name, C cluster, int batch, Request<C> request) {
    return new RequestBenchmark<>(name, cluster, request, batch, false);
  }

  /** Bytes the measuring thread allocates per request. */
  static <C extends BenchCluster> Benchmark allocation(String name, C cluster, int batch, Request<C> request) {
    return new RequestBenchmark<>(name, cluster, request, batch, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String group() {
    return "network";
  }

  @Override
  public String unit() {
    return allocation ? "bytes" : "us";
  }

  /**
   * C2 needs tens of thousands of requests before the whole path is compiled: a curl by name costs
   * about 100 µs for its first 10,000 runs in a fresh JVM, 40 µs after 20,000 and its steady figure
   * after about 50,000 (250 batches), which is what a "warm" figure means here.
   */
  @Override
  public int warmups() {
    return allocation ? 10 : 250;
  }

  @Override
  public int samples() {
    return 25;
  }

  @Override
  public double sample() {
    cluster.cluster().advance(PAST_CONNTRACK_TIMEOUTS);
    if (allocation) {
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(id);
      sendBatch();
      return (double) (threads.getThreadAllocatedBytes(id) - before) / batch;
    }
    long start = System.nanoTime();
    sendBatch();
    return (System.nanoTime() - start) / 1e3 / batch;
  }

  private void sendBatch() {
    for (int i = 0; i < batch; i++) {
      request.send(cluster);
    }
  }
}
