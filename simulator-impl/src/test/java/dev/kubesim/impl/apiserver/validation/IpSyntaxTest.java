package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpSyntaxTest {
  private static final String IP_MSG = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
  private static final String CIDR_MSG = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

  @Test
  void validIpAcceptsIpv4AndIpv6() {
    assertThat(IpSyntax.isValidIP("10.96.0.10")).isEmpty();
    assertThat(IpSyntax.isValidIP("::1")).isEmpty();
    assertThat(IpSyntax.isValidIP("::")).isEmpty();
    assertThat(IpSyntax.isValidIP("2001:db8::ffff")).isEmpty();
    assertThat(IpSyntax.isValidIP("1:2:3:4:5:6:7:8")).isEmpty();
    assertThat(IpSyntax.isValidIP("::ffff:1.2.3.4")).isEmpty();
  }

  @Test
  void validIpAcceptsLeadingZerosLikeParseIPSloppy() {
    assertThat(IpSyntax.isValidIP("010.096.000.010")).isEmpty();
  }

  @Test
  void invalidIpGetsKubernetesMessage() {
    assertThat(IpSyntax.isValidIP("256.1.1.1")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("1.2.3")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("1.2.3.4.5")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("localhost")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("1::2::3")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("1:2:3:4:5:6:7:8:9")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("1:2:3:4:5:6:7::8")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("fe80::1%eth0")).containsExactly(IP_MSG);
    assertThat(IpSyntax.isValidIP("10.0.0.1\n")).containsExactly(IP_MSG);
  }

  @Test
  void ipv4AndIpv6ChecksTreatMappedAddressesAsIpv4() {
    assertThat(IpSyntax.isValidIPv4Address("10.0.0.1")).isEmpty();
    assertThat(IpSyntax.isValidIPv4Address("::ffff:10.0.0.1")).isEmpty();
    assertThat(IpSyntax.isValidIPv4Address("2001:db8::1")).containsExactly("must be a valid IPv4 address");
    assertThat(IpSyntax.isValidIPv6Address("2001:db8::1")).isEmpty();
    assertThat(IpSyntax.isValidIPv6Address("::ffff:10.0.0.1")).containsExactly("must be a valid IPv6 address");
    assertThat(IpSyntax.isValidIPv6Address("10.0.0.1")).containsExactly("must be a valid IPv6 address");
  }

  @Test
  void cidrNeedsAnAddressAndAPrefixLengthInRange() {
    assertThat(IpSyntax.isValidCIDR("10.96.0.0/12")).isEmpty();
    assertThat(IpSyntax.isValidCIDR("10.0.0.1/24")).isEmpty();
    assertThat(IpSyntax.isValidCIDR("2001:db8::/64")).isEmpty();
    assertThat(IpSyntax.isValidCIDR("10.0.0.0/33")).containsExactly(CIDR_MSG);
    assertThat(IpSyntax.isValidCIDR("2001:db8::/129")).containsExactly(CIDR_MSG);
    assertThat(IpSyntax.isValidCIDR("10.0.0.0")).containsExactly(CIDR_MSG);
    assertThat(IpSyntax.isValidCIDR("10.0.0.0/")).containsExactly(CIDR_MSG);
    assertThat(IpSyntax.isValidCIDR("10.0.0.0/8x")).containsExactly(CIDR_MSG);
  }

  private static IpSyntax.Cidr cidr(String value) {
    return IpSyntax.parseCIDR(value).orElseThrow();
  }

  @Test
  void parsedCidrKeepsItsPrefixLengthAndClearsHostBits() {
    assertThat(cidr("10.1.2.3/8").prefixLength()).isEqualTo(8);
    assertThat(cidr("10.1.2.3/8").containsNetworkOf(cidr("10.0.0.0/8"))).isTrue();
    assertThat(cidr("10.0.0.0/16").containsNetworkOf(cidr("10.1.2.3/8"))).isTrue();
    assertThat(IpSyntax.parseCIDR("10.0.0.0/33")).isEmpty();
    assertThat(IpSyntax.parseCIDR("10.0.0.0")).isEmpty();
  }

  @Test
  void containmentComparesTheOtherNetworkAddressUnderThisMask() {
    assertThat(cidr("172.17.0.0/16").containsNetworkOf(cidr("172.17.1.0/24"))).isTrue();
    assertThat(cidr("172.17.0.0/16").containsNetworkOf(cidr("172.18.0.0/24"))).isFalse();
    assertThat(cidr("0.0.0.0/0").containsNetworkOf(cidr("192.0.2.0/24"))).isTrue();
    assertThat(cidr("2001:db8::/32").containsNetworkOf(cidr("2001:db8:ffff::/48"))).isTrue();
    assertThat(cidr("2001:db8::/32").containsNetworkOf(cidr("2001:db9::/48"))).isFalse();
  }

  @Test
  void ipv4AndIpv4MappedNetworksAreTheSameFamilyAndOthersAreNot() {
    assertThat(cidr("10.0.0.0/8").containsNetworkOf(cidr("::ffff:10.1.0.0/112"))).isTrue();
    assertThat(cidr("::ffff:10.0.0.0/104").containsNetworkOf(cidr("10.1.0.0/16"))).isTrue();
    assertThat(cidr("::ffff:10.0.0.0/104").prefixLength()).isEqualTo(104);
    assertThat(cidr("10.0.0.0/8").containsNetworkOf(cidr("2001:db8::/64"))).isFalse();
    assertThat(cidr("::/0").containsNetworkOf(cidr("10.0.0.0/8"))).isFalse();
  }
}
