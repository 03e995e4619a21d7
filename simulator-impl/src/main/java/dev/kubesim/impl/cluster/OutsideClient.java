package dev.kubesim.impl.cluster;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ExternalClient;
import dev.kubesim.api.model.Container;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.program.ContainerConfig;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.program.images.ClientImages;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.List;

/**
 * A client outside the cluster: a host on the packet network's outside (its namespace is the
 * network's {@code outsideHost}) whose processes run in the container runtime like a pod's, on the
 * {@link ClientImages#outsideHost() outside host's userland}, so that {@code curl} and the other
 * network commands send their packets from the host's address. Its {@code /etc/resolv.conf} names
 * the nodes' upstream nameservers and nothing of the cluster.
 */
final class OutsideClient implements ExternalClient {
  private final SimCluster cluster;
  private final String address;
  private final RunningContainer host;

  private OutsideClient(SimCluster cluster, String address, RunningContainer host) {
    this.cluster = cluster;
    this.address = address;
    this.host = host;
  }

  /** Puts a host at the address on the network's outside and starts its userland. */
  static OutsideClient start(SimCluster cluster, String address) {
    cluster.network().outsideHost(address);
    String hostname = "external-" + address.replace('.', '-');
    Container spec = Container.builder().name("host").image("debian:12").build();
    List<String> nameservers = cluster.options().hostResolvConf().nameservers().stream().filter(Ip4::isValid).toList();
    ContainerConfig config = ContainerConfig.builder(hostname, "", spec)
        .podIp(address)
        .hostname(hostname)
        .hostsFile("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" + address + "\t" + hostname + "\n")
        .resolvConf(new ResolvConf(nameservers, List.of(), List.of()).text())
        .build();
    return new OutsideClient(cluster, address, cluster.runtime().start(config, ClientImages.outsideHost()));
  }

  /** The host's userland, where its shell and programs run. */
  RunningContainer container() {
    return host;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public ExecResult exec(String... command) {
    return exec(List.of(command));
  }

  @Override
  public ExecResult exec(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("you must specify at least one command to run");
    }
    List<String> argv = List.copyOf(command);
    return cluster.execTraced(() -> host.exec(argv));
  }

  /**
   * Runs {@code sh -c COMMAND} on the host with this standard input, outside the trace capture: the
   * end of a pipeline that began with kubectl, whose own exec's trace stays the last one.
   */
  ExecResult shell(String command, String stdin) {
    return host.exec(List.of("sh", "-c", command), stdin);
  }

  @Override
  public dev.kubesim.api.HttpResult http(dev.kubesim.api.program.HttpRequest request) {
    java.util.Objects.requireNonNull(request, "request");
    return cluster.httpFrom(() -> host, request);
  }

  @Override
  public String toString() {
    return "external client " + address;
  }
}
