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

  /**
   * Benchmarks of one group have their samples taken in turn (one of each, round after round) once
   * all of them are warm, so that a figure and its comparison point (a small and a large cluster,
   * say) see the same JIT state, heap and machine load; their ratio is then meaningful even on a
   * noisy machine. By default a benchmark is a group of its own.
   */
  default String group() {
    return name();
  }

  /** Runs the measured work once and returns its figure. Setup not measured happens inside too. */
  double sample();

  /** A figure measured once, without warm-up: one sample is a whole run (a cluster of some size, built and measured). */
  static Benchmark once(String name, String unit, java.util.function.DoubleSupplier measure) {
    return of(name, unit, measure, 0, 1);
  }

  /** A figure with its own warm-up and sample counts. */
  static Benchmark of(String name, String unit, java.util.function.DoubleSupplier measure, int warmups, int samples) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String unit() {
        return unit;
      }

      @Override
      public int warmups() {
        return warmups;
      }

      @Override
      public int samples() {
        return samples;
      }

      @Override
      public double sample() {
        return measure.getAsDouble();
      }
    };
  }
}
