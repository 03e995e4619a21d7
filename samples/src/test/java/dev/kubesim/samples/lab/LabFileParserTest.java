package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabFileParserTest {
  private static final String GOOD = """
      # Services in five minutes

      A ReplicationController runs three pods.
      A Service gives them one address.

      ```kubesim
      kubectl create -f kubia-rc.yaml
      kubectl create -f kubia-svc.yaml
      ```

      ```check
      # comments and blank lines in a check block are skipped

      pods default -l app=kubia: 3 running
      service default/kubia has 3 ready endpoints
      ```

      ## Your turn

      ```task
      Scale kubia down to two pods.
      ```

      ```solution
      kubectl scale rc kubia --replicas=2
      ```

      ```check
      pods default -l app=kubia: 2 ready
      ```

      That is all.
      """;

  @Test
  void aLabFileHasATitleStepsTasksSolutionsChecksAndClosingProse() {
    LabFile lab = LabFile.parse("five.md", GOOD);

    assertThat(lab.title()).isEqualTo("Services in five minutes");
    assertThat(lab.steps()).hasSize(3);
    LabStep first = lab.steps().get(0);
    assertThat(first.line()).isEqualTo(6);
    assertThat(first.explanation()).containsExactly("A ReplicationController runs three pods.", "A Service gives them one address.");
    assertThat(first.commands()).containsExactly("kubectl create -f kubia-rc.yaml", "kubectl create -f kubia-svc.yaml");
    assertThat(first.isTask()).isFalse();
    assertThat(first.checks()).extracting(LabCheck::text)
        .containsExactly("pods default -l app=kubia: 3 running", "service default/kubia has 3 ready endpoints");
    LabStep task = lab.steps().get(1);
    assertThat(task.explanation()).containsExactly("## Your turn");
    assertThat(task.isTask()).isTrue();
    assertThat(task.task()).containsExactly("Scale kubia down to two pods.");
    assertThat(task.solution()).containsExactly("kubectl scale rc kubia --replicas=2");
    assertThat(task.checks()).extracting(LabCheck::text).containsExactly("pods default -l app=kubia: 2 ready");
    LabStep closing = lab.steps().get(2);
    assertThat(closing.explanation()).containsExactly("That is all.");
    assertThat(closing.commands()).isEmpty();
    assertThat(closing.checks()).isEmpty();
    assertThat(lab.checkCount()).isEqualTo(3);
  }

  @Test
  void everyKnownCheckParses() {
    List<String> checks = List.of(
        "service default/kubia has 3 ready endpoints",
        "service default/kubia-nodeport is NodePort 80:30123/TCP",
        "service default/kubia-headless is headless",
        "service default/web is LoadBalancer 80:31000/TCP,443:31001/TCP",
        "pods default -l app=kubia: 3 running",
        "pods default -l app in (kubia),tier!=db: 1 ready",
        "deployment default/web has 2 available replicas",
        "exists NetworkPolicy default/allow-frontend",
        "absent Namespace staging",
        "output contains You've hit",
        "output matches ^You've hit kubia-\\w{5}$",
        "last request answered by a different pod than the one before",
        "last request answered by the same pod as the one before",
        "last request answered",
        "last request refused",
        "last request timed out",
        "last request dropped",
        "curl default/frontend http://kubia answers",
        "curl other http://kubia:80/ is denied",
        "reachability 8080 default: frontend -> app=kubia allowed",
        "reachability 53/UDP default: other -> app=kubia denied");
    for (String check : checks) {
      assertThat(LabChecks.parse("f.md", 1, check).text()).isEqualTo(check);
    }
  }

  @Test
  void aFileWithoutATitleIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("lab.md", "\nSome prose.\n"))
        .isInstanceOf(LabFormatException.class)
        .hasMessage("lab.md:2: a lab file starts with its title: # TITLE");
  }

  @Test
  void anUnknownCheckNamesTheFileTheLineAndTheKnownChecks() {
    String text = """
        # Lab

        ```kubesim
        kubectl get pods
        ```

        ```check
        pods default -l app=kubia: 3 running
        the pods are happy
        ```
        """;
    assertThatThrownBy(() -> LabFile.parse("labs/happy.md", text))
        .isInstanceOf(LabFormatException.class)
        .hasMessage("labs/happy.md:9: unknown check \"the pods are happy\"; known checks: "
            + "service NS/NAME has N ready endpoints; "
            + "service NS/NAME is ClusterIP|NodePort|LoadBalancer|ExternalName|headless [PORTS]; "
            + "pods NS -l SELECTOR: N running|ready; "
            + "deployment NS/NAME has N available replicas; exists|absent KIND NS/NAME; "
            + "output contains TEXT | output matches REGEX; last request answered|refused|timed out|dropped"
            + " | last request answered by a different pod than the one before"
            + " | last request answered by the same pod as the one before; curl [NS/]POD URL answers|is denied; "
            + "reachability PORT NS: FROM -> TO allowed|denied");
  }

  @Test
  void anInvalidRegularExpressionIsAnErrorOnItsLine() {
    String text = "# Lab\n```kubesim\nkubectl get pods\n```\n```check\noutput matches kubia-(\n```\n";
    assertThatThrownBy(() -> LabFile.parse("re.md", text))
        .hasMessageStartingWith("re.md:6: invalid regular expression \"kubia-(\": Unclosed group");
  }

  @Test
  void anUnclosedBlockIsAnErrorWhereItOpens() {
    assertThatThrownBy(() -> LabFile.parse("open.md", "# Lab\n\n```kubesim\nkubectl get pods\n"))
        .hasMessage("open.md:3: the kubesim block is not closed with ```");
  }

  @Test
  void anUnknownBlockIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("yaml.md", "# Lab\n```yaml\nkind: Pod\n```\n"))
        .hasMessage("yaml.md:2: unknown block \"yaml\"; known: kubesim, task, solution, check");
  }

  @Test
  void aCheckBlockBeforeAnyStepIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("early.md", "# Lab\nProse.\n```check\nlast request answered\n```\n"))
        .hasMessage("early.md:3: a check block belongs after a kubesim or task block");
  }

  @Test
  void aTaskWithoutChecksIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("nocheck.md", "# Lab\n```task\nDo something.\n```\nMore prose.\n"))
        .hasMessage("nocheck.md:2: a task needs at least one check block, to know when it is done");
  }

  @Test
  void aSolutionOutsideATaskIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("sol.md", "# Lab\n```kubesim\nkubectl get pods\n```\n```solution\nkubectl get svc\n```\n"))
        .hasMessage("sol.md:5: a solution block belongs right after a task block");
  }

  @Test
  void anEmptyCommandBlockIsAnError() {
    assertThatThrownBy(() -> LabFile.parse("empty.md", "# Lab\n```kubesim\n\n```\n"))
        .hasMessage("empty.md:2: the kubesim block is empty");
  }

  @Test
  void theBuiltInNetworkPolicyLabIsALabFileWithATask() {
    LabFile lab = BuiltInLabs.labFile("netpol").orElseThrow();
    assertThat(lab.steps()).filteredOn(LabStep::isTask).singleElement()
        .satisfies(task -> assertThat(task.task())
            .containsExactly("Make the frontend, and only the frontend, reach the kubia pods on 8080."));
    assertThat(BuiltInLabs.script("netpol").orElseThrow().lines())
        .contains("# Task: Make the frontend, and only the frontend, reach the kubia pods on 8080.",
            "kubectl apply -f allow-frontend.yaml");
  }

  /** The commands of the chapter, as the notes give them, in their order. */
  private static final String KUBIA_COMMANDS = """
        kubectl create -f kubia-rc.yaml
        kubectl create -f kubia-svc.yaml
        kubectl get rc
        kubectl get svc
        kubectl get po
        kubectl get svc kubia -o yaml
        kubectl exec $(pod app=kubia) -- curl -s http://$(clusterip kubia)
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec --trace $(pod app=kubia) -- curl -s http://kubia
        kubectl apply -f kubia-svc-client-ip-session-affinity.yaml
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec $(pod app=kubia) -- env
        kubectl delete po --all
        kubectl get pods
        kubectl exec $(pod app=kubia) -- env
        kubectl exec $(pod app=kubia) -- curl -s http://kubia.default.svc.cluster.local
        kubectl create -f backend-database.yaml
        kubectl rollout status deployment backend-database
        kubectl get svc backend-database
        kubectl exec $(pod app=kubia) -- curl -s http://backend-database.default.svc.cluster.local:5432/hostname
        kubectl exec $(pod app=kubia) -- curl -s http://backend-database:5432/hostname
        trace
        kubectl exec -it $(pod app=kubia) -- bash
        curl http://kubia.default.svc.cluster.local
        curl http://kubia.default
        curl http://kubia
        cat /etc/resolv.conf
        ping kubia
        exit
        trace
        kubectl describe svc kubia
        kubectl get endpoints kubia
        kubectl create -f external-service-externalname.yaml
        kubectl get svc external-service
        kubectl create -f dnsutils.yaml
        kubectl exec dnsutils -- nslookup external-service
        kubectl exec $(pod app=kubia) -- curl -s http://external-service
        kubectl create -f kubia-svc-nodeport.yaml
        kubectl get svc kubia-nodeport
        kubectl get nodes -o wide
        curl -s http://192.168.49.2:30123
        curl -s http://192.168.49.3:30123
        trace
        curl -sS -m 2 http://$(clusterip kubia)
        kubectl create -f kubia-svc-loadbalancer.yaml
        kubectl get svc kubia-loadbalancer
        kubectl describe svc kubia-loadbalancer
        curl -s http://$(externalip kubia-loadbalancer)
        trace
        kubectl get pods -n ingress-nginx
        kubectl get svc -n ingress-nginx
        kubectl create -f kubia-ingress.yaml
        kubectl get ingress
        kubectl describe ingress kubia
        curl -s -H "Host: kubia.example.com" http://$(externalip ingress-nginx/ingress-nginx-controller)
        trace
        curl -s -H "Host: other.example.com" http://$(externalip ingress-nginx/ingress-nginx-controller)
        kubectl get pods -o wide
        kubectl logs $(pod app=kubia)
        kubectl exec $(pod app=kubia) -- hostname
        kubectl delete pod $(pod app=kubia)
        kubectl get pods
        kubectl describe rc kubia
        kubectl scale rc kubia --replicas=5
        kubectl get rc kubia
        kubectl get pods
        kubectl scale rc kubia --replicas=3
        advance 30s
        kubectl get pods
        kubectl apply -f kubia-rc-readinessprobe.yaml
        kubectl apply -f kubia-svc-named-ports.yaml
        kubectl delete pods -l app=kubia
        kubectl get pods
        kubectl get endpoints kubia
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl exec $(pod app=kubia) -- touch /var/ready
        advance 2s
        kubectl get pods
        kubectl exec $(pod app=kubia) -- curl -s http://kubia
        kubectl create -f kubia-svc-headless.yaml
        kubectl get svc kubia-headless
        kubectl exec dnsutils -- nslookup kubia-headless
        kubectl create -f kubia-svc-publish-not-ready.yaml
        kubectl exec dnsutils -- nslookup kubia-all
        kubectl delete rc kubia
        kubectl get pods
        advance 30s
        kubectl get pods
        """;

  @Test
  void theBuiltInKubiaLabRunsTheChaptersCommandsInOrderWithTwoTasksSolvedInPlace() {
    LabFile lab = BuiltInLabs.labFile("kubia").orElseThrow();
    assertThat(lab.title()).isEqualTo("Kubernetes in Action, chapter 5: Services.");
    assertThat(lab.steps()).filteredOn(LabStep::isTask).extracting(LabStep::solution).containsExactly(
        List.of("kubectl create -f kubia-svc-nodeport.yaml"), List.of("kubectl create -f kubia-svc-headless.yaml"));
    assertThat(lab.steps().stream().filter(s -> !s.explanation().isEmpty()).map(s -> s.explanation().get(0))
        .filter(l -> l.startsWith("5.")).map(l -> l.split("[,:]")[0]))
        .as("the steps that open the book's sections, in order")
        .containsExactly("5.1", "5.1.1", "5.1.2", "5.2", "5.2.3", "5.3", "5.3.2", "5.4", "5.5", "5.6", "5.6.3", "5.7");
    assertThat(lab.checkCount()).isGreaterThanOrEqualTo(50);

    List<String> script = BuiltInLabs.script("kubia").orElseThrow().lines();
    assertThat(script.stream().filter(l -> !l.startsWith("#")).toList()).containsExactlyElementsOf(KUBIA_COMMANDS.lines().toList());
    assertThat(script).containsSubsequence(
        "# Task: Expose the kubia pods to clients outside the cluster on port 30123 of every node: a NodePort",
        "# Task: Service named kubia-nodeport, port 80 to the pods' port 8080.",
        "kubectl create -f kubia-svc-nodeport.yaml");
  }
}
