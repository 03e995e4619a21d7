package dev.kubesim.impl.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ip4Test {
  @Test
  void canonicalDottedQuadsAreThoseFormatWrites() {
    assertThat(Ip4.isCanonical("10.96.0.10")).isTrue();
    assertThat(Ip4.isCanonical("0.0.0.0")).isTrue();
    assertThat(Ip4.isCanonical("10.0.100.1")).isTrue();
    assertThat(Ip4.isCanonical(Ip4.format(Ip4.parse("192.168.49.2")))).isTrue();

    assertThat(Ip4.isCanonical("010.96.0.10")).isFalse();
    assertThat(Ip4.isCanonical("10.96.00.10")).isFalse();
    assertThat(Ip4.isCanonical("10.96.0.010")).isFalse();
    assertThat(Ip4.isCanonical("10.96.0")).isFalse();
    assertThat(Ip4.isCanonical("fd00::1")).isFalse();
  }
}
