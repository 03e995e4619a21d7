package dev.kubesim.impl;

import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ClusterIpAllocator;
import dev.kubesim.impl.apiserver.NodePortAllocator;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.ServiceAllocation;
import dev.kubesim.impl.apiserver.ServiceStrategy;
import dev.kubesim.impl.apiserver.registry.Registry;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;

/** An API server with every kind's rules and the default namespace, for component tests. */
public final class TestEngine {
  public final EventLoop loop;
  public final ApiServer api;

  public TestEngine(long seed) {
    loop = new EventLoop(seed, 2_000_000);
    api = new ApiServer(new ObjectStore(), loop);
    Registry.registerAll(api);
    api.register(new ServiceStrategy(new ServiceAllocation(
        List.of(new ClusterIpAllocator(Cidr.parse("10.96.0.0/12"), loop.random().stream("ip"))),
        new NodePortAllocator(30000, 32767, loop.random().stream("np")))));
    api.create(Namespace.of(ObjectMeta.named("default"), new NamespaceSpec(List.of())));
  }

  /** Decodes one YAML document and creates it. */
  public <T extends KubeObject> T create(String yaml) {
    @SuppressWarnings("unchecked")
    T t = (T) api.create(ObjectCodec.decode(ManifestReader.read("test", yaml).get(0)));
    return t;
  }

  public static List<NodeConfig> nodes(int n) {
    return dev.kubesim.api.ClusterOptions.defaultNodes(n);
  }
}
