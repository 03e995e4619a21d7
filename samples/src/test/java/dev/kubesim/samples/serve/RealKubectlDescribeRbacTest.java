package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl describes Roles, ClusterRoles, their bindings and EndpointSlices on its own
 * side; kubesim's kubectl prints the same, line for line, for the same objects.
 */
class RealKubectlDescribeRbacTest {
  @TempDir
  Path home;

  @Test
  void rbacObjectsAndEndpointSlicesAreDescribedAsTheRealKubectlDescribesThem() {
    Path binary = RealKubectl.binaryOrSkip();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(12).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      served.kubectl("create role pod-reader --verb=get,list,watch --resource=pods,pods/log");
      served.kubectl("create role mixed --verb=get,update --resource=deployments.apps,configmaps --resource-name=a --resource-name=b");
      served.kubectl("create clusterrole cr --verb=get --non-resource-url=/healthz --non-resource-url=/version");
      served.kubectl("create rolebinding rb --role=pod-reader --user=jane --serviceaccount=default:sa");
      served.kubectl("create clusterrolebinding crb --clusterrole=cr --group=devs");
      served.kubectl("create deployment web --image=nginx --replicas=2");
      served.kubectl("expose deployment web --port=80 --target-port=8080 --name=web");
      served.settle();

      for (String line : List.of("describe role pod-reader", "describe role mixed", "describe clusterrole cr",
          "describe rolebinding rb", "describe clusterrolebinding crb",
          "describe endpointslice -l kubernetes.io/service-name=web")) {
        assertThat(served.kubectl(line).stdout()).as(line).isEqualTo(real.run(line).stdout());
      }
    }
  }
}
