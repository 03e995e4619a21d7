package dev.kubesim.samples.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs benchmarks in a warm JVM: each benchmark's warm-up samples are thrown away, then its
 * measured samples' median is reported as {@code name value unit}, one line a figure. Benchmarks
 * of one {@link Benchmark#group() group} are warmed up together and then sampled in turn.
 */
public final class BenchRunner {

  /** Runs the benchmarks whose names are listed (all when the list is empty) and prints their medians. */
  public int run(List<Benchmark> all, List<String> only, PrintStream out) {
    for (String name : only) {
      if (all.stream().noneMatch(b -> b.name().equals(name))) {
        out.println("unknown benchmark " + name + "; known: " + all.stream().map(Benchmark::name).toList());
        return 2;
      }
    }
    Map<String, List<Benchmark>> groups = new LinkedHashMap<>();
    for (Benchmark b : all) {
      if (only.isEmpty() || only.contains(b.name())) {
        groups.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(b);
      }
    }
    for (List<Benchmark> group : groups.values()) {
      for (Benchmark b : group) {
        for (int i = 0; i < b.warmups(); i++) {
          b.sample();
        }
      }
      double[][] values = new double[group.size()][];
      int rounds = 0;
      for (int k = 0; k < group.size(); k++) {
        values[k] = new double[Math.max(1, group.get(k).samples())];
        rounds = Math.max(rounds, values[k].length);
      }
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < group.size(); k++) {
          if (round < values[k].length) {
            values[k][round] = group.get(k).sample();
          }
        }
      }
      for (int k = 0; k < group.size(); k++) {
        Benchmark b = group.get(k);
        out.println(b.name() + " " + format(median(values[k])) + " " + b.unit());
      }
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
