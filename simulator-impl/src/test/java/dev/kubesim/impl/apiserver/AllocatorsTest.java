package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.net.Cidr;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocatorsTest {
  @Test
  void staticBandsFollowKubernetesSizes() {
    // ipallocator: size/16 bounded to [16, 256]; portallocator: size/32 bounded to [16, 128].
    assertThat(BandedAllocator.bandOffset(1L << 20, 16, 256, 16)).isEqualTo(256);
    assertThat(BandedAllocator.bandOffset(256, 16, 256, 16)).isEqualTo(16);
    assertThat(BandedAllocator.bandOffset(8, 16, 256, 16)).isZero();
    assertThat(BandedAllocator.bandOffset(2768, 16, 128, 32)).isEqualTo(86);
  }

  @Test
  void automaticNodePortsComeFromTheUpperBand() {
    NodePortAllocator ports = new NodePortAllocator(30000, 32767, new SplittableRandom(1));
    for (int i = 0; i < 500; i++) {
      assertThat(ports.allocateNext().getAsInt()).isBetween(30086, 32767);
    }
  }

  @Test
  void staticBandIsUsedOnlyWhenTheUpperBandIsFull() {
    NodePortAllocator ports = new NodePortAllocator(30000, 30099, new SplittableRandom(1));
    // size 100: static band of 16 (30000-30015)
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 84; i++) {
      int p = ports.allocateNext().getAsInt();
      assertThat(p).isBetween(30016, 30099);
      seen.add(p);
    }
    assertThat(seen).hasSize(84);
    assertThat(ports.allocateNext().getAsInt()).isBetween(30000, 30015);
  }

  @Test
  void aChosenPortCanBeTakenOnceAndAgainAfterRelease() {
    NodePortAllocator ports = new NodePortAllocator(30000, 32767, new SplittableRandom(1));
    assertThat(ports.allocate(30100)).isTrue();
    assertThat(ports.allocate(30100)).isFalse();
    ports.release(30100);
    assertThat(ports.allocate(30100)).isTrue();
  }

  @Test
  void clusterIpsNeverIncludeTheNetworkAddressAndAreUnique() {
    ClusterIpAllocator ips = new ClusterIpAllocator(Cidr.parse("10.96.0.0/28"), new SplittableRandom(3));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 14; i++) {
      String ip = ips.allocateNext().orElseThrow();
      assertThat(seen.add(ip)).isTrue();
      assertThat(ip).isNotIn("10.96.0.0", "10.96.0.15");
    }
    assertThat(ips.allocateNext()).isEmpty();
  }

  @Test
  void requestedClusterIpOutsideTheRangeOrTakenIsRefused() {
    ClusterIpAllocator ips = new ClusterIpAllocator(Cidr.parse("10.96.0.0/12"), new SplittableRandom(3));
    assertThat(ips.allocate("10.96.0.10")).isEmpty();
    assertThat(ips.allocate("10.96.0.10")).contains(ClusterIpAllocator.Failure.ALREADY_ALLOCATED);
    assertThat(ips.allocate("10.0.0.1")).contains(ClusterIpAllocator.Failure.NOT_IN_RANGE);
    assertThat(ips.nth(1)).isEqualTo("10.96.0.1");
  }

  @Test
  void automaticClusterIpsAvoidTheStaticBand() {
    ClusterIpAllocator ips = new ClusterIpAllocator(Cidr.parse("10.96.0.0/12"), new SplittableRandom(5));
    Cidr staticBand = Cidr.parse("10.96.0.0/24");
    for (int i = 0; i < 200; i++) {
      assertThat(staticBand.contains(ips.allocateNext().orElseThrow())).isFalse();
    }
  }
}
