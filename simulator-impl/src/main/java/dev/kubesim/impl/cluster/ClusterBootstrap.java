package dev.kubesim.impl.cluster;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.ingress.IngressNginx;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates what a new kubeadm-style cluster has before any user input: the namespaces {@code
 * default}, {@code kube-node-lease}, {@code kube-public} and {@code kube-system}, the Node objects,
 * the {@code kubernetes} Service with its Endpoints and EndpointSlice, and the add-ons asked for
 * (CoreDNS, ingress-nginx).
 */
final class ClusterBootstrap {
  private final ApiServer api;
  private final ClusterOptions options;
  private final EventLoop loop;
  private final List<Cidr> serviceCidrs;
  private final Network network;
  private final ContainerRuntime runtime;

  /** The bootstrap of the cluster behind {@code api}; the add-ons run in {@code runtime} on {@code network}. */
  ClusterBootstrap(ApiServer api, ClusterOptions options, EventLoop loop, List<Cidr> serviceCidrs, Network network,
      ContainerRuntime runtime) {
    this.api = api;
    this.options = options;
    this.loop = loop;
    this.serviceCidrs = serviceCidrs;
    this.network = network;
    this.runtime = runtime;
  }

  /**
   * Creates the objects, in kubeadm's order: namespaces, nodes, the kubernetes Service, the add-ons;
   * returns the cluster's ingress-nginx (its controller started when the {@code ingress-nginx}
   * add-on was installed, and otherwise by the first pod that runs the controller image).
   */
  IngressNginx run() {
    IngressNginx ingress = new IngressNginx(api, network);
    for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
      api.create(Namespace.of(ObjectMeta.named(ns), new NamespaceSpec(List.of())));
    }
    for (NodeConfig node : options.nodes()) {
      api.create(Nodes.node(node, loop.clock().timestamp()));
    }
    dev.kubesim.impl.storage.StandardStorageClass.install(api);
    createKubernetesService();
    for (String addon : options.addons()) {
      switch (addon) {
        case "coredns" -> installCoreDns();
        case "ingress-nginx" -> IngressNginxAddon.install(api, ingress);
        default -> throw new IllegalArgumentException("unknown add-on \"" + addon + "\"; known: coredns, ingress-nginx");
      }
    }
    IngressNginxAddon.serveImage(runtime, ingress);
    ingress.watchPods();
    // ingress-nginx's admission Jobs, for the controller installed from its own manifest
    runtime.commands().register(WebhookCertgen.commandName(), new WebhookCertgen(api));
    runtime.programs().register(WebhookCertgen.IMAGE, WebhookCertgen.program());
    return ingress;
  }

  private void createKubernetesService() {
    String ip = Cidr.format(serviceCidrs.get(0).address(1));
    ServicePort https =
        new ServicePort(Optional.of("https"), Optional.of("TCP"), Optional.empty(), Optional.of(443),
            Optional.of(IntOrString.of(SimCluster.API_SERVER_PORT)), Optional.empty());
    ObjectMeta meta =
        ObjectMeta.builder().namespace("default").name("kubernetes")
            .labels(Map.of("component", "apiserver", "provider", "kubernetes")).build();
    api.create(Service.of(meta, ServiceSpec.builder().clusterIP(ip).ports(List.of(https)).build()));
    String apiServerAddress = options.nodes().get(0).internalIP();
    EndpointSubset subset =
        new EndpointSubset(
            List.of(new EndpointAddress(Optional.of(apiServerAddress), Optional.empty(), Optional.empty(), Optional.empty())),
            List.of(),
            List.of(new EndpointPort(Optional.of("https"), Optional.of(SimCluster.API_SERVER_PORT), Optional.of("TCP"), Optional.empty())));
    api.create(Endpoints.of(
        ObjectMeta.builder().namespace("default").name("kubernetes")
            .labels(Map.of("endpointslice.kubernetes.io/skip-mirror", "true")).build(),
        List.of(subset)));
    // The API server writes the slice of its own Service too; kube-proxy reads slices, not Endpoints.
    EndpointSliceEndpoint endpoint = new EndpointSliceEndpoint(List.of(apiServerAddress),
        Optional.of(new EndpointConditions(Optional.of(true), Optional.of(true), Optional.of(false))),
        Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    api.create(EndpointSlice.of(
        ObjectMeta.builder().namespace("default").name("kubernetes")
            .labels(Map.of("kubernetes.io/service-name", "kubernetes")).build(),
        "IPv4",
        List.of(endpoint),
        List.of(new EndpointSlicePort(Optional.of("https"), Optional.of("TCP"), Optional.of(SimCluster.API_SERVER_PORT), Optional.empty()))));
  }

  private void installCoreDns() {
    String dnsIp = Cidr.format(serviceCidrs.get(0).address(10));
    for (KubeObject o : CoreDnsAddon.objects(dnsIp, options.clusterDomain())) {
      api.create(o);
    }
  }
}
