package dev.kubesim.impl.cluster;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ClusterIpAllocator;
import dev.kubesim.impl.apiserver.NodePortAllocator;
import dev.kubesim.impl.apiserver.ServiceAllocation;
import dev.kubesim.impl.apiserver.ServiceStrategy;
import dev.kubesim.impl.apiserver.registry.Registry;
import dev.kubesim.impl.cloud.LoadBalancers;
import dev.kubesim.impl.controller.DaemonSetController;
import dev.kubesim.impl.controller.DeploymentController;
import dev.kubesim.impl.controller.EndpointSliceController;
import dev.kubesim.impl.controller.EndpointSliceMirroringController;
import dev.kubesim.impl.controller.EndpointsController;
import dev.kubesim.impl.controller.GarbageCollector;
import dev.kubesim.impl.controller.NodeLifecycleController;
import dev.kubesim.impl.controller.ReplicaManager;
import dev.kubesim.impl.controller.RootCaCertPublisher;
import dev.kubesim.impl.controller.ServiceAccountsController;
import dev.kubesim.impl.controller.ServicePods;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.scheduler.Scheduler;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster's control plane, as kubeadm brings it up: the API server's rules for every kind with
 * the Service IP and nodePort allocators ({@code kube-apiserver}), then the controllers of {@code
 * kube-controller-manager}, the scheduler and the cloud controller manager's service controller.
 * They start before any object exists so that they see every change.
 */
final class ControlPlane {
  private ControlPlane() {}

  /**
   * Registers the API server's strategies: every kind's, and the Service strategy with a ClusterIP
   * allocator per service CIDR (stream {@code apiserver/clusterip/CIDR}) and the nodePort allocator
   * (stream {@code apiserver/nodeport}).
   */
  static void registerStrategies(ApiServer api, EventLoop loop, ClusterOptions options, List<Cidr> serviceCidrs) {
    List<ClusterIpAllocator> ipAllocators = new ArrayList<>();
    for (Cidr c : serviceCidrs) {
      ipAllocators.add(new ClusterIpAllocator(c, loop.random().stream("apiserver/clusterip/" + c)));
    }
    NodePortAllocator nodePorts =
        new NodePortAllocator(options.nodePortFirst(), options.nodePortLast(), loop.random().stream("apiserver/nodeport"));
    ServiceAllocation serviceAllocation = new ServiceAllocation(ipAllocators, nodePorts);
    Registry.registerAll(api);
    dev.kubesim.impl.apiserver.apiextensions.CustomResourceDefinitions.start(api);
    api.register(new ServiceStrategy(serviceAllocation));
  }

  /**
   * Starts the controllers, the scheduler, the storage controllers (provisioning into {@code
   * volumeDirectories}) and the cloud's service controller, watching {@code api}; returns the
   * cloud's load balancers, which the cloud network in front of the nodes routes to.
   */
  static LoadBalancers startControllers(ApiServer api, EventLoop loop,
      dev.kubesim.impl.storage.NodeDirectories volumeDirectories) {
    GarbageCollector.start(api);
    ReplicaManager.replicationControllers(api);
    ReplicaManager.replicaSets(api);
    DeploymentController.start(api);
    // the informers the Endpoints and EndpointSlice controllers share, watching before either starts
    ServicePods servicePods = new ServicePods(api);
    EndpointsController.start(api, servicePods);
    EndpointSliceController.start(api, servicePods);
    EndpointSliceMirroringController.start(api);
    ServiceAccountsController.start(api);
    RootCaCertPublisher.start(api, RootCa.pem(loop.random().stream("pki/ca")));
    Scheduler.start(api);
    dev.kubesim.impl.storage.StorageControllers.start(api, volumeDirectories);
    NodeLifecycleController.start(api);
    dev.kubesim.impl.controller.StatefulSetController.start(api); // watches no kind the cloud's controller watches
    LoadBalancers loadBalancers = LoadBalancers.start(api); // the cloud's service controller and load balancers
    DaemonSetController.start(api);
    dev.kubesim.impl.controller.JobController.start(api);
    dev.kubesim.impl.controller.TtlAfterFinishedController.start(api);
    dev.kubesim.impl.controller.CronJobController.start(api);
    // last, so that every earlier controller's watches hear a change first, as before it was added
    dev.kubesim.impl.controller.HorizontalPodAutoscalerController.start(api);
    return loadBalancers;
  }
}
