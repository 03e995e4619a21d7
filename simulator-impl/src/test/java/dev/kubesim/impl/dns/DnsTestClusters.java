package dev.kubesim.impl.dns;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.resolver.NetworkDnsTransport;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import java.util.List;
import java.util.Map;

/** Clusters the DNS tests query: seed 1, the CoreDNS add-on, an upstream that knows db.example.com. */
final class DnsTestClusters {
  static final long SEED = 1;

  static final String APPS = """
      apiVersion: v1
      kind: Service
      metadata: {name: kubia}
      spec:
        clusterIP: 10.96.10.10
        selector: {app: kubia}
        ports:
          - {name: http, port: 80, targetPort: 8080}
          - {name: https, port: 443, targetPort: 8443}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        clusterIP: None
        selector: {app: web}
        ports:
          - {name: web, port: 80, targetPort: 8080}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: external-db}
      spec: {type: ExternalName, externalName: db.example.com}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: nowhere}
      spec: {type: ExternalName, externalName: nothing.example.org}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-a
        labels: {app: kubia}
        annotations: {kubesim.dev/pod-ip: "10.244.1.5"}
      spec:
        nodeName: node-1
        containers: [{name: main, image: example/app, ports: [{containerPort: 8080}, {containerPort: 8443}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-0
        labels: {app: web}
        annotations: {kubesim.dev/pod-ip: "10.244.1.10"}
      spec:
        hostname: web-0
        subdomain: web
        nodeName: node-1
        containers: [{name: main, image: example/app, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-1
        labels: {app: web}
        annotations: {kubesim.dev/pod-ip: "10.244.2.11"}
      spec:
        hostname: web-1
        subdomain: web
        nodeName: node-2
        containers: [{name: main, image: example/app, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-2
        labels: {app: web}
        annotations: {kubesim.dev/pod-ip: "10.244.1.12"}
      spec:
        hostname: web-2
        subdomain: web
        nodeName: node-1
        containers:
          - name: main
            image: example/app
            ports: [{containerPort: 8080}]
            readinessProbe: {exec: {command: [ls, /var/ready]}}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
        annotations: {kubesim.dev/pod-ip: "10.244.1.99"}
      spec:
        nodeName: node-1
        containers: [{name: main, image: example/client}]
      """;

  private DnsTestClusters() {}

  /** A new cluster with the CoreDNS add-on and the upstream resolver knowing {@code db.example.com}. */
  static SimCluster cluster() {
    return (SimCluster) KubeSim.cluster().seed(SEED)
        .upstreamDns(Map.of("db.example.com", List.of("192.0.2.50")))
        .build();
  }

  /** {@link #cluster()} with {@link #APPS} applied. */
  static SimCluster withApps() {
    SimCluster cluster = cluster();
    cluster.apply(APPS);
    return cluster;
  }

  /** One query as UDP packets from a pod to a nameserver (the kube-dns Service's address, a pod's, ...). */
  static PacketDnsTransport.Exchange send(SimCluster cluster, String fromPod, String nameserver, DnsQuestion question) {
    return new NetworkDnsTransport(cluster.api(), cluster.network()).exchange(fromPod, nameserver, question)
        .orElseThrow(() -> new IllegalStateException(fromPod + " is not on the network (seed " + SEED + ")"));
  }

  /** One query as UDP packets from a pod to the kube-dns Service. */
  static PacketDnsTransport.Exchange query(SimCluster cluster, String fromPod, String name, String type) {
    return send(cluster, fromPod, cluster.dns().serviceIps().get(0), DnsQuestion.of(name, type));
  }
}
