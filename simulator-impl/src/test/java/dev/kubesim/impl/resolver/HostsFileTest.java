package dev.kubesim.impl.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsFileTest {
  @Test
  void namesMatchInAnyCaseWithTheirAddressesInFileOrderOnce() {
    HostsFile hosts = HostsFile.read("""
        # Kubernetes-managed hosts file.
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost
        10.244.1.5\tkubia-abc  # the pod itself
        10.0.0.9 Db db.local
        10.0.0.8 db
        10.0.0.9 db
        not-an-address db
        10.0.0.7
        """);
    assertThat(hosts.addresses("localhost")).containsExactly("127.0.0.1");
    assertThat(hosts.addresses("KUBIA-abc")).containsExactly("10.244.1.5");
    assertThat(hosts.addresses("db")).containsExactly("10.0.0.9", "10.0.0.8");
    assertThat(hosts.addresses("ip6-localhost")).isEmpty();
    assertThat(hosts.addresses("elsewhere")).isEmpty();
  }
}
