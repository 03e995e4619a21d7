package dev.kubesim.impl.kubelet;

import java.time.Duration;

/**
 * The kubelet's timings in virtual time.
 *
 * @param containerStartDelay from binding until the containers run (sandbox, image pull, start):
 *     the pod shows {@code ContainerCreating} meanwhile
 * @param restartBackOffBase the first CrashLoopBackOff delay (doubling, see {@link #restartBackOffMax})
 * @param restartBackOffMax the longest CrashLoopBackOff delay
 */
public record KubeletConfig(Duration containerStartDelay, Duration restartBackOffBase, Duration restartBackOffMax) {
  /** About a second to start; back-off from 10 s doubling to 5 min, as the kubelet does. */
  public static KubeletConfig defaults() {
    return new KubeletConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5));
  }
}
