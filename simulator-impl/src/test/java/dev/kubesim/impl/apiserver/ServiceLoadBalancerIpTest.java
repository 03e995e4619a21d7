package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.impl.TestEngine;
import org.junit.jupiter.api.Test;

class ServiceLoadBalancerIpTest {
  @Test
  void anAddressThatIsNoIpIsInvalid() {
    TestEngine engine = new TestEngine(19);
    assertThatThrownBy(() -> engine.create("""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec: {type: LoadBalancer, loadBalancerIP: 999.0.0.1, ports: [{port: 80}]}
        """))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessage("Service \"s\" is invalid: spec.loadBalancerIP: Invalid value: \"999.0.0.1\": "
            + "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    assertThat(engine.api.get("Service", "default", "s")).isEmpty();
    engine.create("""
        apiVersion: v1
        kind: Service
        metadata: {name: t}
        spec: {type: LoadBalancer, loadBalancerIP: 203.0.113.7, ports: [{port: 80}]}
        """);
    assertThat(engine.api.get("Service", "default", "t")).isPresent();
  }
}
