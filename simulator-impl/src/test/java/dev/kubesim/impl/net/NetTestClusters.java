package dev.kubesim.impl.net;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;

/**
 * The cluster the network tests use: three nodes (192.168.49.2-4, pod CIDRs 10.244.N.0/24), a curl
 * client and a busybox pod on node-1, a tutum/dnsutils pod on node-2, three kubia pods (one on each node), a Service over them at
 * a fixed ClusterIP, one without endpoints, one with a single endpoint and one with
 * internalTrafficPolicy Local.
 */
public final class NetTestClusters {
  public static final String KUBIA_IP = "10.96.1.5";
  public static final String EMPTY_IP = "10.96.1.6";
  /** One endpoint: kubia-a on node-1. */
  public static final String SOLO_IP = "10.96.1.7";
  /** internalTrafficPolicy Local over kubia-a alone: dropped on node-2 and node-3. */
  public static final String LOCAL_ONLY_IP = "10.96.1.8";

  public static final String APPS = """
      apiVersion: v1
      kind: Service
      metadata: {name: kubia}
      spec:
        clusterIP: 10.96.1.5
        selector: {app: kubia}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: empty}
      spec:
        clusterIP: 10.96.1.6
        selector: {app: nothing}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: solo}
      spec:
        clusterIP: 10.96.1.7
        selector: {solo: "yes"}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: local-only}
      spec:
        clusterIP: 10.96.1.8
        selector: {solo: "yes"}
        internalTrafficPolicy: Local
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
        annotations: {kubesim.dev/pod-ip: "10.244.1.10"}
      spec:
        nodeName: node-1
        containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: busybox
        annotations: {kubesim.dev/pod-ip: "10.244.1.11"}
      spec:
        nodeName: node-1
        containers: [{name: main, image: busybox, command: [sleep, "999999"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: dnsutils
        annotations: {kubesim.dev/pod-ip: "10.244.2.10"}
      spec:
        nodeName: node-2
        containers: [{name: main, image: tutum/dnsutils, command: [sleep, infinity]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-a
        labels: {app: kubia, solo: "yes"}
        annotations: {kubesim.dev/pod-ip: "10.244.1.20"}
      spec:
        nodeName: node-1
        containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-b
        labels: {app: kubia}
        annotations: {kubesim.dev/pod-ip: "10.244.2.20"}
      spec:
        nodeName: node-2
        containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-c
        labels: {app: kubia}
        annotations: {kubesim.dev/pod-ip: "10.244.3.20"}
      spec:
        nodeName: node-3
        containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      """;

  private NetTestClusters() {}

  public static SimCluster build(long seed) {
    SimCluster c = (SimCluster) KubeSim.cluster().nodes(3).seed(seed).build();
    c.apply(APPS);
    return c;
  }
}
