package dev.kubesim.impl.kubectl;

import java.util.List;

/** {@code kubectl version}: the client, its bundled kustomize and the (simulated) server. */
final class VersionCommand implements Command {
  /** The Kubernetes release kubesim's kubectl and API server stand for. */
  static final String VERSION = "v1.34.0";
  private static final String KUSTOMIZE = "v5.7.1";

  @Override
  public String name() {
    return "version";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.bool("client"), Flag.value("output", "o"));
  }

  @Override
  public void run(CommandContext ctx) {
    if (ctx.args().string("output").isPresent()) {
      throw KubectlException.error("--output for kubectl version is not supported by this simulator yet");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Client Version: ").append(VERSION).append('\n');
    sb.append("Kustomize Version: ").append(KUSTOMIZE).append('\n');
    if (!ctx.args().bool("client")) {
      sb.append("Server Version: ").append(VERSION).append('\n');
    }
    ctx.out().out(sb.toString());
  }
}
