package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.lang.management.ManagementFactory;

/**
 * What a fresh JVM does for a first kubesim test, run as a child process by the {@code
 * cluster.cold} figures: builds the default cluster, then applies the kubia ReplicationController
 * and Service and settles. It prints the milliseconds since the JVM started at each point, one
 * {@code STAGE MILLIS} line each: {@code main} (the JVM is up and this class runs), {@code built},
 * {@code settled}.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Runs once and prints the stages' times.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.println("main " + uptime());
    try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
      System.out.println("built " + uptime());
      cluster.apply(BuiltInLabs.file("kubia", "kubia-rc.yaml").orElseThrow());
      cluster.apply(BuiltInLabs.file("kubia", "kubia-svc.yaml").orElseThrow());
      cluster.settle();
      System.out.println("settled " + uptime());
    }
  }

  /** Milliseconds since the JVM started (the JVM's own record, not this class's clock). */
  private static long uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}
