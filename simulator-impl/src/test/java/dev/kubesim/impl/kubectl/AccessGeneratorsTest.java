package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kubectl create's generators for service accounts, quotas, disruption budgets, priority classes
 * and RBAC, the describers of ConfigMaps and Secrets, and {@code -l} filtering {@code -f} files;
 * the expected texts are what kubectl 1.32 prints.
 */
class AccessGeneratorsTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(5).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void generatorsBuildWhatKubectlBuilds() {
    assertThat(cluster.kubectl("create pdb p --selector=app=rails --min-available=50% --dry-run=client -o yaml").stdout())
        .isEqualTo("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              creationTimestamp: null
              name: p
            spec:
              minAvailable: 50%
              selector:
                matchLabels:
                  app: rails
            status:
              currentHealthy: 0
              desiredHealthy: 0
              disruptionsAllowed: 0
              expectedPods: 0
            """);
    assertThat(cluster.kubectl("create priorityclass pc2 --value=10 --global-default --preemption-policy=Never "
        + "--dry-run=client -o yaml").stdout()).isEqualTo("""
            apiVersion: scheduling.k8s.io/v1
            globalDefault: true
            kind: PriorityClass
            metadata:
              creationTimestamp: null
              name: pc2
            preemptionPolicy: Never
            value: 10
            """);
    assertThat(cluster.kubectl("create rolebinding rb --clusterrole=view --user=bob --serviceaccount=default:robot "
        + "--dry-run=client -o yaml").stdout()).isEqualTo("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              creationTimestamp: null
              name: rb
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: view
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: User
              name: bob
            - kind: ServiceAccount
              name: robot
              namespace: default
            """);
    assertThat(cluster.kubectl("create quota q --hard=cpu=1,pods=2 --dry-run=client -o yaml").stdout())
        .contains("spec:\n  hard:\n    cpu: \"1\"\n    pods: \"2\"\nstatus: {}\n");
    assertThat(cluster.kubectl("create serviceaccount robot").stdout()).isEqualTo("serviceaccount/robot created\n");
    assertThat(cluster.kubectl("create serviceaccount robot").stderr())
        .isEqualTo("error: failed to create serviceaccount: serviceaccounts \"robot\" already exists\n");
    assertThat(cluster.kubectl("create pdb p --selector=app=x").stderr())
        .isEqualTo("error: one of min-available or max-unavailable must be specified\n");
  }

  @Test
  void roleRulesGroupResourcesByApiGroup() {
    assertThat(cluster.kubectl("create role r --verb=get,list --resource=pods,deployments.apps,pods/log").stdout())
        .isEqualTo("role.rbac.authorization.k8s.io/r created\n");
    assertThat(cluster.kubectl("get role r -o jsonpath={.rules}").stdout()).isEqualTo(
        "[{\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"pods/log\"],\"verbs\":[\"get\",\"list\"]},"
            + "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"],\"verbs\":[\"get\",\"list\"]}]");
    assertThat(cluster.kubectl("create role bad --verb=fly --resource=pods").stderr()).isEqualTo("error: invalid verb: 'fly'\n");
    assertThat(cluster.kubectl("create role nope --verb=get --resource=widgets").stderr())
        .isEqualTo("error: the server doesn't have a resource type \"widgets\"\n");
  }

  @Test
  void podDisruptionBudgetsPrintTheirBounds() {
    cluster.kubectl("create pdb p --selector=app=x --max-unavailable=1");
    assertThat(cluster.kubectl("get pdb").stdout()).isEqualTo(
        "NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n"
            + "p      N/A             1                 0                     0s\n");
  }

  @Test
  void configMapsAndSecretsAreDescribedKeyByKey() {
    cluster.kubectl("create configmap cm --from-literal=b=2 --from-literal=a=x");
    cluster.kubectl("create secret generic s --from-literal=pw=s3cret");
    assertThat(cluster.kubectl("describe configmap cm").stdout()).isEqualTo("""
        Name:         cm
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Data
        ====
        a:
        ----
        x

        b:
        ----
        2


        BinaryData
        ====

        Events:  <none>
        """);
    assertThat(cluster.kubectl("describe secret s").stdout()).isEqualTo("""
        Name:         s
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Type:  Opaque

        Data
        ====
        pw:  6 bytes
        """);
  }
}
