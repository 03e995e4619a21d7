package dev.kubesim.samples.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs benchmarks in a warm JVM: each benchmark's warm-up samples are thrown away, then its
 * measured samples' median is reported as {@code name value unit}, one line a figure.
 */
public final class BenchRunner {

  /** Runs the benchmarks whose names are listed (all when the list is empty) and prints their medians. */
  public int run(List<Benchmark> all, List<String> only, PrintStream out) {
    List<Benchmark> chosen = new ArrayList<>();
    for (Benchmark b : all) {
      if (only.isEmpty() || only.contains(b.name())) {
        chosen.add(b);
      }
    }
    for (String name : only) {
      if (all.stream().noneMatch(b -> b.name().equals(name))) {
        out.println("unknown benchmark " + name + "; known: " + all.stream().map(Benchmark::name).toList());
        return 2;
      }
    }
    for (Benchmark b : chosen) {
      for (int i = 0; i < b.warmups(); i++) {
        b.sample();
      }
      double[] values = new double[Math.max(1, b.samples())];
      for (int i = 0; i < values.length; i++) {
        values[i] = b.sample();
      }
      out.println(b.name() + " " + format(median(values)) + " " + b.unit());
      out.flush();
    }
    return 0;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String format(double v) {
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
