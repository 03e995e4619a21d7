package dev.kubesim.impl.sim;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Named random streams derived from (seed, component name). Each component draws from its own
 * stream, so adding a component or a draw in one never shifts another's draws.
 */
public final class RandomStreams {
  private final long seed;
  private final TreeMap<String, SplittableRandom> streams = new TreeMap<>();

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream of the named component, created on first use. */
  public SplittableRandom stream(String component) {
    return streams.computeIfAbsent(component, name -> new SplittableRandom(derive(seed, name)));
  }

  static long derive(long seed, String name) {
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(seed)
        .putString(name, StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }
}
