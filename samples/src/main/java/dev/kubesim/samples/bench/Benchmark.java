package dev.kubesim.samples.bench;

/**
 * One figure of {@code kubesim bench}: a name such as {@code cluster.kubia.settle}, its unit, and
 * how to measure one sample of it.
 */
public interface Benchmark {
  String name();

  /** The unit of {@link #sample()}: {@code ms}, {@code us}, {@code ops/s}, ... */
  String unit();

  /** Whether bigger values are better (rates) or smaller ones (latencies). */
  default boolean higherIsBetter() {
    return false;
  }

  /** Samples thrown away before measuring (the JIT's warm-up); heavy benchmarks take fewer. */
  default int warmups() {
    return 5;
  }

  /** Samples measured; the median is reported. */
  default int samples() {
    return 15;
  }

  /** Runs the measured work once and returns its figure. Setup not measured happens inside too. */
  double sample();
}
