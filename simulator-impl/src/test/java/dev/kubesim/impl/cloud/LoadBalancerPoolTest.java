package dev.kubesim.impl.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.impl.apiserver.ObjectKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadBalancerPoolTest {
  private static final ObjectKey A = new ObjectKey("default", "a");
  private static final ObjectKey B = new ObjectKey("default", "b");
  private static final ObjectKey C = new ObjectKey("default", "c");

  @Test
  void handsOutTheLowestFreeAddressAndReusesReleasedOnes() {
    LoadBalancerPool pool = LoadBalancerPool.parse("10.0.0.1-10.0.0.2");

    assertThat(pool.allocate(A, Optional.empty())).contains("10.0.0.1");
    assertThat(pool.allocate(B, Optional.empty())).contains("10.0.0.2");
    assertThat(pool.allocate(C, Optional.empty())).as("exhausted").isEmpty();
    pool.release(A, "10.0.0.1");
    assertThat(pool.allocate(C, Optional.empty())).contains("10.0.0.1");
  }

  @Test
  void aRequestedAddressIsGivenWhenNobodyHoldsIt() {
    LoadBalancerPool pool = LoadBalancerPool.defaults();

    assertThat(pool.allocate(A, Optional.of("203.0.113.50"))).as("outside the range: a reserved static address").contains("203.0.113.50");
    assertThat(pool.allocate(B, Optional.of("203.0.113.50"))).isEmpty();
    assertThat(pool.allocate(A, Optional.of("203.0.113.50"))).as("the holder asks again").contains("203.0.113.50");
    assertThat(pool.allocate(B, Optional.of("not-an-ip"))).isEmpty();
    assertThat(pool.holder("203.0.113.50")).contains(A);
  }

  @Test
  void theDefaultRangeIsKindsMetalLbRange() {
    LoadBalancerPool pool = LoadBalancerPool.defaults();

    assertThat(pool.toString()).isEqualTo("172.18.255.200-172.18.255.250");
    assertThat(pool.inRange("172.18.255.250")).isTrue();
    assertThat(pool.inRange("172.18.255.251")).isFalse();
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> LoadBalancerPool.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before it starts");
  }
}
