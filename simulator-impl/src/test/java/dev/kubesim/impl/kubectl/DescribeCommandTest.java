package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Service;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  private String ip(String service) {
    return k.cluster.get(Service.class, "default", service).orElseThrow().specOrEmpty().clusterIP().orElseThrow();
  }

  /**
   * A Service without a selector, with an EndpointSlice written by hand (one ready and one not
   * ready endpoint): describe shows only the ready one, read from the slice.
   */
  @Test
  void describeServiceAccountListsItsSecretsAsKubectlDoes() {
    assertThat(k.output("describe sa default")).isEqualTo("""
        Name:                default
        Namespace:           default
        Labels:              <none>
        Annotations:         <none>
        Image pull secrets:  <none>
        Mountable secrets:   <none>
        Tokens:              <none>
        Events:              <none>
        """);
    k.apply("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: builder}
        secrets: [{name: gone}, {name: here}]
        imagePullSecrets: [{name: registry}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: here}
        """);
    assertThat(k.output("describe sa builder")).contains("""
        Image pull secrets:  registry
        Mountable secrets:   gone (not found)
                             here
        Tokens:              <none>
        """);
  }

  @Test
  void getServiceAccountsShowsEveryNamespacesDefaultAccount() {
    assertThat(k.output("get sa -A")).matches("""
        NAMESPACE         NAME      SECRETS   AGE
        default           default   0         %1$s
        kube-node-lease   default   0         %1$s
        kube-public       default   0         %1$s
        kube-system       coredns   0         %1$s
        kube-system       default   0         %1$s
        """.formatted("[0-9]+s"));
  }

  @Test
  void describeSvcMatchesKubectl() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia, labels: {tier: web, app: kubia}}
        spec: {ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: kubia-abcde, labels: {kubernetes.io/service-name: kubia}}
        addressType: IPv4
        ports: [{name: "", port: 8080, protocol: TCP}]
        endpoints:
        - addresses: [10.244.1.5]
          conditions: {ready: true}
        - addresses: [10.244.2.7]
          conditions: {ready: false}
        """);
    String ip = ip("kubia");
    assertThat(k.output("describe svc kubia")).isEqualTo(
        "Name:                     kubia\n"
            + "Namespace:                default\n"
            + "Labels:                   app=kubia\n"
            + "                          tier=web\n"
            + "Annotations:              <none>\n"
            + "Selector:                 <none>\n"
            + "Type:                     ClusterIP\n"
            + "IP Family Policy:         SingleStack\n"
            + "IP Families:              IPv4\n"
            + "IP:                       " + ip + "\n"
            + "IPs:                      " + ip + "\n"
            + "Port:                     <unset>  80/TCP\n"
            + "TargetPort:               8080/TCP\n"
            + "Endpoints:                10.244.1.5:8080\n"
            + "Session Affinity:         None\n"
            + "Internal Traffic Policy:  Cluster\n"
            + "Events:                   <none>\n");
  }

  @Test
  void describeNodePortServiceAddsTheNodePortAndExternalPolicyLines() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: np}
        spec: {type: NodePort, selector: {app: kubia}, ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30123}]}
        """);
    assertThat(k.output("describe svc np")).matches("(?s).*\nSelector: {2,}app=kubia\nType: {2,}NodePort\n.*"
        + "\nPort: {2,}http {2,}80/TCP\nTargetPort: {2,}8080/TCP\nNodePort: {2,}http {2,}30123/TCP\nEndpoints: *\n"
        + "Session Affinity: {2,}None\nExternal Traffic Policy: {2,}Cluster\nInternal Traffic Policy: {2,}Cluster\nEvents: {2,}<none>\n\\z");
  }

  @Test
  void describeOfAMissingServiceSaysNotFound() {
    assertThat(k.run("describe svc nope").stderr()).isEqualTo("Error from server (NotFound): services \"nope\" not found\n");
  }

  @Test
  void describeWithAPrefixDescribesEveryMatchingObject() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web-a}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-b}
        spec: {ports: [{port: 80}]}
        """);
    String out = k.output("describe svc web");
    assertThat(out).startsWith("Name:                     web-a\n").contains("\n\n\nName:                     web-b\n");
  }

  @Test
  void describeRcShowsReplicasPodsStatusAndTemplate() {
    k.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 3
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        """);
    assertThat(k.output("describe rc kubia")).matches("(?s)\\AName: {9}kubia\nNamespace: {4}default\nSelector: {5}app=kubia\n"
        + "Labels: {7}app=kubia\nAnnotations: {2}<none>\nReplicas: {5}[0-3] current / 3 desired\n"
        + "Pods Status: {2}[0-3] Running / [0-3] Waiting / 0 Succeeded / 0 Failed\nPod Template:\n  Labels:  app=kubia\n"
        + "  Containers:\n   kubia:\n    Image: {9}luksa/kubia\n    Port: {10}8080/TCP\n    Host Port: {5}0/TCP\n"
        + "    Environment: {3}<none>\n    Mounts: {8}<none>\n  Volumes: {9}<none>\n  Node-Selectors:  <none>\n"
        + "  Tolerations: {5}<none>\nEvents:.*");
  }

  @Test
  void describeIngressShowsTheRulesTable() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: service1}
        spec: {ports: [{port: 4200, targetPort: 8080}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: simple-fanout-example}
        spec:
          rules:
          - host: foo.bar.com
            http:
              paths:
              - {path: /foo, pathType: Prefix, backend: {service: {name: service1, port: {number: 4200}}}}
              - {path: /bar, pathType: Prefix, backend: {service: {name: service2, port: {number: 8080}}}}
        """);
    assertThat(k.output("describe ingress simple-fanout-example")).matches(
        "\\AName: {2,}simple-fanout-example\nLabels: {2,}<none>\nNamespace: {2,}default\nAddress: *\nIngress Class: {2,}<none>\n"
            + "Default backend: {2,}<default>\nRules:\n  Host {2,}Path {2,}Backends\n  ---- {2,}---- {2,}--------\n"
            + "  foo\\.bar\\.com *\n {2,}/foo {2,}service1:4200 \\(<none>\\)\n"
            + " {2,}/bar {2,}service2:8080 \\(<error: services \"service2\" not found>\\)\n"
            + "Annotations: {2,}<none>\nEvents: {2,}<none>\n\\z");
  }

  @Test
  void describeNamespaceShowsStatusAndQuotaLines() {
    assertThat(k.output("describe ns default")).isEqualTo(
        "Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\n"
            + "No resource quota.\n\nNo LimitRange resource.\n");
  }

  @Test
  void describeNodeShowsAddressesCapacityAndAllocatedResources() {
    String out = k.output("describe node node-1");
    assertThat(out).startsWith("Name:               node-1\nRoles:              <none>\n");
    assertThat(out).contains("Addresses:\n  InternalIP:  192.168.49.2\n  Hostname:    node-1\n");
    assertThat(out).contains("  ephemeral-storage:  100Gi\n").contains("PodCIDR:                      10.244.1.0/24\n");
    assertThat(out).containsPattern("Allocated resources:\n  \\(Total limits may be over 100 percent, i\\.e\\., overcommitted\\.\\)\n");
  }

  @Test
  void describeShowsRecordedEvents() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: evented}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: evented.1}
        involvedObject: {kind: Service, name: evented, namespace: default}
        type: Normal
        reason: EnsuringLoadBalancer
        message: Ensuring load balancer
        source: {component: service-controller}
        count: 1
        firstTimestamp: "2025-01-01T00:00:00Z"
        lastTimestamp: "2025-01-01T00:00:00Z"
        """);
    assertThat(k.output("describe svc evented")).matches("(?s).*\nEvents:\n  Type {4}Reason {16}Age {3}From {16}Message\n"
        + "  ---- {4}------ {16}---- {2}---- {16}-------\n  Normal  EnsuringLoadBalancer  [0-9]s {4}service-controller  Ensuring load balancer\n\\z");
  }

  /** Hand-written Endpoints with a ready and a not-ready address and a named port, as describeEndpoints prints them. */
  @Test
  void describeEndpointsListsEachSubsetsAddressesAndPorts() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: external-service}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: external-service}
        subsets:
        - addresses: [{ip: 11.11.11.11}, {ip: 22.22.22.22}]
          notReadyAddresses: [{ip: 33.33.33.33}]
          ports: [{name: web, port: 80}]
        - addresses: [{ip: 44.44.44.44}]
          ports: [{port: 8443, protocol: UDP}]
        """);
    var r = k.run("describe endpoints external-service");

    assertThat(r.stderr()).isEqualTo("Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n");
    assertThat(r.stdout()).isEqualTo(
        "Name:         external-service\n"
            + "Namespace:    default\n"
            + "Labels:       <none>\n"
            + "Annotations:  <none>\n"
            + "Subsets:\n"
            + "  Addresses:          11.11.11.11,22.22.22.22\n"
            + "  NotReadyAddresses:  33.33.33.33\n"
            + "  Ports:\n"
            + "    Name  Port  Protocol\n"
            + "    ----  ----  --------\n"
            + "    web   80    TCP\n"
            + "\n"
            + "  Addresses:          44.44.44.44\n"
            + "  NotReadyAddresses:  <none>\n"
            + "  Ports:\n"
            + "    Name     Port  Protocol\n"
            + "    ----     ----  --------\n"
            + "    <unset>  8443  UDP\n"
            + "\n"
            + "Events:  <none>\n");
  }
}
