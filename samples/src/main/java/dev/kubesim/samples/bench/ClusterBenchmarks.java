package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-core figures: building and settling the kubia lab, and the rate of Service writes, typed
 * and from YAML text.
 */
public final class ClusterBenchmarks {
  private ClusterBenchmarks() {}

  public static List<Benchmark> all() {
    return List.of(new KubiaSettle(), new ServiceApplyRate(), new YamlApplyRate());
  }

  /** {@code cluster.kubia.settle}: a 3-node cluster built, the kubia RC and Service applied, settled. */
  static final class KubiaSettle implements Benchmark {
    private final String rc = BuiltInLabs.file("kubia", "kubia-rc.yaml").orElseThrow();
    private final String svc = BuiltInLabs.file("kubia", "kubia-svc.yaml").orElseThrow();

    @Override
    public String name() {
      return "cluster.kubia.settle";
    }

    // A build is a few milliseconds; C2 has compiled the whole path after about 2,000 of them.
    @Override
    public int warmups() {
      return 2_000;
    }

    @Override
    public int samples() {
      return 100;
    }

    @Override
    public String unit() {
      return "ms";
    }

    @Override
    public double sample() {
      long start = System.nanoTime();
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
        cluster.apply(rc);
        cluster.apply(svc);
        cluster.settle();
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }

  /** {@code apply.service.rate}: Services applied (defaulted, allocated, validated, stored) per second. */
  static final class ServiceApplyRate implements Benchmark {
    private static final int COUNT = 5_000;

    @Override
    public String name() {
      return "apply.service.rate";
    }

    @Override
    public String unit() {
      return "services/s";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    /** C2 compiles the whole apply path only after about 100,000 objects (20 samples). */
    @Override
    public int warmups() {
      return 25;
    }

    @Override
    public double sample() {
      List<KubeObject> services = new ArrayList<>(COUNT);
      for (int i = 0; i < COUNT; i++) {
        ServicePort port = new ServicePort(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(80),
            Optional.of(IntOrString.of(8080)), Optional.empty());
        services.add(Service.of(
            ObjectMeta.named("default", "svc-" + i),
            ServiceSpec.builder().selector(Map.of("app", "app-" + i)).ports(List.of(port)).build()));
      }
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
        long start = System.nanoTime();
        for (KubeObject s : services) {
          cluster.apply(s);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return COUNT / seconds;
      }
    }
  }

  /**
   * {@code apply.yaml.rate}: Services applied one by one from YAML text ({@link Cluster#apply(String)}),
   * as users and labs write them: parsed, defaulted, allocated, validated and stored, per second.
   */
  static final class YamlApplyRate implements Benchmark {
    private static final int COUNT = 5_000;

    @Override
    public String name() {
      return "apply.yaml.rate";
    }

    @Override
    public String unit() {
      return "services/s";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    /** C2 compiles the whole apply path only after about 100,000 objects (20 samples). */
    @Override
    public int warmups() {
      return 25;
    }

    @Override
    public double sample() {
      List<String> manifests = new ArrayList<>(COUNT);
      for (int i = 0; i < COUNT; i++) {
        manifests.add("""
            apiVersion: v1
            kind: Service
            metadata:
              name: svc-%1$d
              labels:
                app: app-%1$d
            spec:
              selector:
                app: app-%1$d
              ports:
              - name: http
                port: 80
                targetPort: 8080
            """.formatted(i));
      }
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
        long start = System.nanoTime();
        for (String yaml : manifests) {
          cluster.apply(yaml);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return COUNT / seconds;
      }
    }
  }
}
