package dev.kubesim.impl.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixTableTest {
  @Test
  void longestPrefixWins() {
    PrefixTable<String> t = new PrefixTable<>();
    t.put(Ip4.parse("0.0.0.0"), 0, "default");
    t.put(Ip4.parse("10.244.0.0"), 16, "cluster");
    t.put(Ip4.parse("10.244.2.0"), 24, "node-2");
    t.put(Ip4.parse("10.244.2.7"), 32, "host");
    assertThat(t.lookup(Ip4.parse("10.244.2.7"))).isEqualTo("host");
    assertThat(t.lookup(Ip4.parse("10.244.2.8"))).isEqualTo("node-2");
    assertThat(t.lookup(Ip4.parse("10.244.3.8"))).isEqualTo("cluster");
    assertThat(t.lookup(Ip4.parse("8.8.8.8"))).isEqualTo("default");
    t.remove(Ip4.parse("10.244.2.0"), 24);
    assertThat(t.lookup(Ip4.parse("10.244.2.8"))).isEqualTo("cluster");
  }

  @Test
  void addressesParseAndFormatAsDottedQuads() {
    assertThat(Ip4.format(Ip4.parse("192.168.49.2"))).isEqualTo("192.168.49.2");
    assertThat(Ip4.isValid("256.1.1.1")).isFalse();
    assertThat(Ip4.isValid("10.0.0")).isFalse();
    assertThat(Ip4.isValid("::1")).isFalse();
    assertThat(Ip4.contains(Ip4.parse("10.244.1.0"), 24, Ip4.parse("10.244.1.255"))).isTrue();
  }
}
