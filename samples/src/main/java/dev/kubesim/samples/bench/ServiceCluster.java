package dev.kubesim.samples.bench;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster the network benchmarks measure in: 3 nodes, a client pod, the measured Service {@code
 * bench} over 10 kubia pods, and {@code services - 1} more selector-less Services whose
 * EndpointSlices list 10 addresses each (kube-proxy programs every one of them and CoreDNS indexes
 * them; no pods need to exist behind them). It is built on first use and kept for every later
 * sample, so that the curl and DNS figures of one size share one cluster.
 */
final class ServiceCluster {
  /** The pod every measured request comes from. */
  static final String CLIENT = "default/client";

  private final int services;
  private SimCluster cluster;
  private String clusterIp;

  ServiceCluster(int services) {
    this.services = services;
  }

  /** The cluster, built on the first call. */
  SimCluster cluster() {
    ensure();
    return cluster;
  }

  /** The {@code bench} Service's ClusterIP. */
  String clusterIp() {
    ensure();
    return clusterIp;
  }

  private void ensure() {
    if (cluster != null) {
      return;
    }
    SimCluster c = (SimCluster) KubeSim.cluster().nodes(3).seed(1).build();
    c.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: bench}
        spec:
          replicas: 10
          selector: {app: bench}
          template:
            metadata: {labels: {app: bench}}
            spec:
              containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: bench}
        spec:
          selector: {app: bench}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
        """);
    c.applyAll(filler());
    String ip = c.get(Service.class, "default", "bench").orElseThrow().specOrEmpty().clusterIP().orElseThrow();
    ExecResult r = c.exec(CLIENT, "curl", "-s", "http://" + ip);
    if (r.exitCode() != 0 || r.trace().isEmpty()) {
      throw new IllegalStateException("the benchmark cluster's Service does not answer: " + r);
    }
    cluster = c;
    clusterIp = ip;
    // Building 10,000 Services leaves much garbage: collect it now, not during the measured samples.
    System.gc();
  }

  private List<KubeObject> filler() {
    List<KubeObject> filler = new ArrayList<>(2 * services);
    for (int i = 1; i < services; i++) {
      String name = "filler-" + i;
      filler.add(Service.of(ObjectMeta.named("default", name), ServiceSpec.builder()
          .ports(List.of(new ServicePort(Optional.of("http"), Optional.of("TCP"), Optional.empty(), Optional.of(80),
              Optional.of(IntOrString.of(8080)), Optional.empty())))
          .build()));
      List<EndpointSliceEndpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < 10; e++) {
        String ip = "10.244." + (1 + e % 3) + "." + (100 + (i * 10 + e) % 150);
        endpoints.add(new EndpointSliceEndpoint(List.of(ip),
            Optional.of(new EndpointConditions(Optional.of(true), Optional.of(true), Optional.of(false))),
            Optional.empty(), Optional.empty(), Map.of(), Optional.of("node-" + (1 + e % 3)), Optional.empty(), Optional.empty()));
      }
      filler.add(EndpointSlice.of(
          ObjectMeta.builder().namespace("default").name(name + "-x1").labels(Map.of("kubernetes.io/service-name", name)).build(),
          "IPv4", endpoints,
          List.of(new EndpointSlicePort(Optional.of("http"), Optional.of("TCP"), Optional.of(8080), Optional.empty()))));
    }
    return filler;
  }
}
