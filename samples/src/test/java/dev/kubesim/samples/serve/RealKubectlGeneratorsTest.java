package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl's generators ({@code kubectl create deployment}, {@code configmap}, {@code
 * namespace} ...), whose typed clients post protobuf: the served API reads each body into the
 * object the same command would have sent as JSON.
 */
class RealKubectlGeneratorsTest {
  @TempDir
  Path home;

  @Test
  void generatorsPostProtobufThatTheServedApiReads() {
    Path binary = RealKubectl.binaryOrSkip();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(12).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());

      assertThat(real.run("create namespace shop").stdout()).isEqualTo("namespace/shop created\n");
      assertThat(real.run("create deployment web --image=nginx --replicas=2 --port=80 -n shop").stdout())
          .isEqualTo("deployment.apps/web created\n");
      assertThat(real.run("get deploy web -n shop -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}/"
          + "{.spec.template.spec.containers[0].ports[0].containerPort}/{.spec.selector.matchLabels.app}").stdout())
          .isEqualTo("2/nginx/80/web");
      assertThat(real.run("create deployment idle --image=busybox --replicas=0 -- sleep 3600").stdout())
          .isEqualTo("deployment.apps/idle created\n");
      assertThat(real.run("get deploy idle -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].command}").stdout())
          .isEqualTo("0/[\"sleep\",\"3600\"]");

      assertThat(real.run("create configmap app --from-literal=mode=fast --from-literal=empty=").stdout())
          .isEqualTo("configmap/app created\n");
      assertThat(real.run("get configmap app -o jsonpath={.data}").stdout()).isEqualTo("{\"empty\":\"\",\"mode\":\"fast\"}");
      assertThat(real.run("create secret generic pw --from-literal=password=s3cret").stdout()).isEqualTo("secret/pw created\n");
      assertThat(real.run("get secret pw -o jsonpath={.data.password}/{.type}").stdout()).isEqualTo("czNjcmV0/Opaque");

      assertThat(real.run("create service clusterip api --tcp=80:8080").stdout()).isEqualTo("service/api created\n");
      assertThat(real.run("get svc api -o jsonpath={.spec.ports[0].port}/{.spec.ports[0].targetPort}/{.spec.selector.app}")
          .stdout()).isEqualTo("80/8080/api");
      assertThat(real.run("create serviceaccount robot").stdout()).isEqualTo("serviceaccount/robot created\n");
      assertThat(real.run("create job once --image=busybox -- echo hi").stdout()).isEqualTo("job.batch/once created\n");
      assertThat(real.runWords(java.util.List.of("create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *",
          "--", "date")).stdout()).isEqualTo("cronjob.batch/tick created\n");
      assertThat(real.run("get cronjob tick -o jsonpath={.spec.schedule}").stdout()).isEqualTo("*/5 * * * *");
      assertThat(real.run("create quota pods --hard=pods=10").stdout()).isEqualTo("resourcequota/pods created\n");
      assertThat(real.run("create ingress site --rule=shop.example.com/=api:80").stdout())
          .isEqualTo("ingress.networking.k8s.io/site created\n");
      assertThat(real.run("get ingress site -o jsonpath={.spec.rules[0].host}/{.spec.rules[0].http.paths[0].pathType}/"
          + "{.spec.rules[0].http.paths[0].backend.service.port.number}").stdout()).isEqualTo("shop.example.com/Exact/80");
      assertThat(real.run("create pdb web --selector=app=web --min-available=1 -n shop").stdout())
          .isEqualTo("poddisruptionbudget.policy/web created\n");
      assertThat(real.run("get pdb web -n shop -o jsonpath={.spec.minAvailable}").stdout()).isEqualTo("1");
    }
  }
}
