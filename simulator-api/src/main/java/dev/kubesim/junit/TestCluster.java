package dev.kubesim.junit;

import dev.kubesim.api.Cluster;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's cluster as JUnit's extension store holds it: the store closes it when the test (or the
 * test instance, per class) is done. It is both {@link AutoCloseable}, which JUnit 5.13 and later
 * close, and a {@code CloseableResource}, which earlier releases close; it closes the cluster once.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only closing hook before JUnit 5.13
final class TestCluster implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final Cluster cluster;
  private final AtomicBoolean closed = new AtomicBoolean();

  TestCluster(Cluster cluster) {
    this.cluster = cluster;
  }

  Cluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      cluster.close();
    }
  }
}
