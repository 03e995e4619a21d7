package dev.kubesim.impl.cluster;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.apiserver.PodStates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A seeded run of random operations on one cluster (apply, delete, scale, label, node stop and
 * start, advance, exec curl), checking after every operation that no ClusterIP or nodePort is
 * allocated twice, that every Service's endpoints are exactly its ready selected pods, and that
 * every traced request ends delivered or with a named disposition. Returns a transcript that is
 * a function of the seed alone: a second run, in this JVM or another ({@link #main}), gives the same
 * bytes.
 */
public final class RandomOperations {
  private static final String[] APPS = {"a0", "a1", "a2"};
  private static final String[] NODES = {"node-1", "node-2", "node-3"};

  private final long seed;
  private final Random random;
  private final Cluster cluster;
  private final StringBuilder transcript = new StringBuilder();
  private int op;

  private RandomOperations(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
    this.cluster = KubeSim.cluster().nodes(3).seed(seed).build();
  }

  /** The transcript of {@code operations} random operations on a cluster built with {@code seed}. */
  public static String run(long seed, int operations) {
    RandomOperations r = new RandomOperations(seed);
    try (Cluster c = r.cluster) {
      c.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: client}
          spec: {nodeName: node-1, containers: [{name: c, image: curlimages/curl, command: [sleep, "100000000"]}]}
          """);
      c.advance(Duration.ofSeconds(10));
      for (r.op = 1; r.op <= operations; r.op++) {
        r.step();
        r.checkInvariants();
      }
      r.transcript.append(c.kubectl("get pods,services,endpoints -o wide").stdout());
      return r.transcript.toString();
    }
  }

  public static void main(String[] args) {
    System.out.print(run(Long.parseLong(args[0]), Integer.parseInt(args[1])));
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private void step() {
    int kind = random.nextInt(10);
    String line;
    switch (kind) {
      case 0 -> line = apply("deployment", deployment());
      case 1 -> line = apply("service", service());
      case 2 -> line = apply("pod", pod());
      case 3 -> line = kubectl("delete " + pick("deployment/d0", "deployment/d1", "service/s0", "service/s1", "service/s2",
          "pod/p0", "pod/p1", "pod/p2") + " --wait=false");
      case 4 -> line = kubectl("scale deployment/" + pick("d0", "d1") + " --replicas=" + random.nextInt(5));
      case 5 -> line = label();
      case 6 -> line = node();
      case 7 -> {
        Duration d = Duration.ofSeconds(1 + random.nextInt(90));
        cluster.advance(d);
        line = "advance " + d;
      }
      default -> line = curl();
    }
    transcript.append(op).append(' ').append(cluster.now()).append(' ').append(line).append('\n');
  }

  private String apply(String what, String yaml) {
    try {
      cluster.apply(yaml);
      return "apply " + what + ": ok";
    } catch (KubeSimException e) {
      return "apply " + what + ": " + e.reason() + ": " + e.getMessage();
    }
  }

  private String kubectl(String command) {
    KubectlResult r = cluster.kubectl(command);
    return command + " -> " + r.exitCode() + " " + (r.stdout() + r.stderr()).strip();
  }

  private String deployment() {
    String name = pick("d0", "d1");
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          replicas: %d
          selector: {matchLabels: {dep: %s}}
          template:
            metadata: {labels: {dep: %s, app: %s}}
            spec:
              terminationGracePeriodSeconds: %d
              containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
        """.formatted(name, random.nextInt(4), name, name, app(), random.nextInt(3) * 15);
  }

  private String app() {
    return APPS[random.nextInt(APPS.length)];
  }

  private String service() {
    String type = pick("ClusterIP", "ClusterIP", "NodePort", "LoadBalancer");
    String nodePort = !type.equals("ClusterIP") && random.nextBoolean() ? ", nodePort: " + (30000 + random.nextInt(4)) : "";
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s}
        spec:
          type: %s
          selector: {app: %s}
          ports: [{port: 80, targetPort: 80%s}]
        """.formatted(pick("s0", "s1", "s2"), type, app(), nodePort);
  }

  private String pod() {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, labels: {app: %s}}
        spec:
          terminationGracePeriodSeconds: %d
          containers: [{name: web, image: %s, ports: [{containerPort: 80}]}]
        """.formatted(pick("p0", "p1", "p2"), app(), random.nextInt(2) * 30, pick("nginx", "nginx", "busybox"));
  }

  private String label() {
    List<Pod> pods = cluster.list(Pod.class, "default").stream()
        .filter(p -> !p.metadata().nameOrEmpty().equals("client")).toList();
    if (pods.isEmpty()) {
      return "label: no pod";
    }
    String name = pods.get(random.nextInt(pods.size())).metadata().nameOrEmpty();
    return kubectl("label pod " + name + " app=" + app() + " --overwrite");
  }

  private String node() {
    String name = NODES[1 + random.nextInt(NODES.length - 1)];
    boolean stop = random.nextBoolean();
    if (stop) {
      cluster.node(name).stop();
    } else {
      cluster.node(name).start();
    }
    return (stop ? "stop " : "start ") + name;
  }

  private String curl() {
    String url = "http://" + pick("s0", "s1", "s2") + "/";
    ExecResult r;
    try {
      r = cluster.exec("client", "curl", "-s", "-m", "3", url);
    } catch (KubeSimException e) {
      return "curl " + url + ": " + e.getMessage();
    }
    Optional<Trace> trace = r.trace();
    if (trace.isEmpty()) {
      fail("curl " + url + " sent nothing traced (exit " + r.exitCode() + ")");
    }
    Disposition d = trace.get().disposition();
    if (d.reason().isBlank() || d.object().isEmpty()) {
      fail("curl " + url + " ended without a named disposition: " + d);
    }
    if ((d.kind() == Disposition.Kind.DELIVERED) != (r.exitCode() == 0)) {
      fail("curl " + url + " exited " + r.exitCode() + " but its trace says " + d);
    }
    return "curl " + url + " -> " + r.exitCode() + " " + r.stdout().lines().findFirst().orElse("") + " | " + d;
  }

  private void checkInvariants() {
    Map<String, String> clusterIps = new TreeMap<>();
    Map<Integer, String> nodePorts = new TreeMap<>();
    for (Service s : cluster.listAll(Service.class)) {
      String name = s.metadata().namespace().orElse("") + "/" + s.metadata().nameOrEmpty();
      for (String ip : s.specOrEmpty().clusterIPs()) {
        if (!ip.equals("None") && clusterIps.put(ip, name) != null) {
          fail("ClusterIP " + ip + " allocated twice: " + clusterIps.get(ip) + " and " + name);
        }
      }
      for (ServicePort p : s.specOrEmpty().ports()) {
        int port = p.nodePort().orElse(0);
        if (port != 0 && nodePorts.put(port, name) != null) {
          fail("nodePort " + port + " allocated twice: " + nodePorts.get(port) + " and " + name);
        }
      }
    }
    List<Pod> pods = cluster.list(Pod.class, "default");
    for (Service s : cluster.list(Service.class, "default")) {
      Map<String, String> selector = s.specOrEmpty().selector();
      if (selector.isEmpty()) {
        continue;
      }
      TreeSet<String> expected = new TreeSet<>();
      for (Pod p : pods) {
        String ip = p.status().flatMap(st -> st.podIP()).orElse("");
        String phase = PodStates.phase(p);
        boolean selected = p.metadata().labels().entrySet().containsAll(selector.entrySet());
        if (selected && !ip.isEmpty() && p.metadata().deletionTimestamp().isEmpty()
            && !phase.equals("Succeeded") && !phase.equals("Failed") && PodStates.isReady(p)) {
          expected.add(ip);
        }
      }
      TreeSet<String> actual = new TreeSet<>();
      cluster.get(Endpoints.class, "default", s.metadata().nameOrEmpty()).ifPresent(e -> {
        for (EndpointSubset subset : e.subsets()) {
          for (EndpointAddress a : subset.addresses()) {
            a.ip().ifPresent(actual::add);
          }
        }
      });
      if (!expected.equals(actual)) {
        fail("Service " + s.metadata().nameOrEmpty() + " has endpoints " + actual + " but its ready selected pods are " + expected);
      }
    }
  }

  private void fail(String what) {
    throw new AssertionError("seed " + seed + ", operation " + op + " at " + cluster.now() + ": " + what
        + "\n" + transcript);
  }
}
