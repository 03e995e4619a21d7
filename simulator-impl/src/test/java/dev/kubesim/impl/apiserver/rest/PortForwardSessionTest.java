package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.LogLine;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** A port-forward session driven as Jetty drives it, its client's bytes all there before its work runs. */
class PortForwardSessionTest {
  private Integer closedWith;

  @Test
  void aFailureInsideTheClusterClosesTheConnectionInsteadOfLeavingItOpen() {
    PortForwardSession forward = new PortForwardSession(new FailingKubelets(), null, Runnable::run);
    forward.onWebSocketBinary(ByteBuffer.wrap(synStream(3, "data")), Callback.NOOP);
    forward.onWebSocketClose(1000, "");
    forward.onWebSocketOpen(socket());

    assertThat(closedWith).as("the WebSocket's close code").isEqualTo(1011);
  }

  private static byte[] synStream(int streamId, String type) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("streamtype", type);
    headers.put("port", "8080");
    headers.put("requestid", "0");
    return SpdyClientFrames.synStream(SpdyClientFrames.compressor(), streamId, headers);
  }

  private Session socket() {
    return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "sendBinary" -> {
              ((Callback) args[1]).succeed();
              return null;
            }
            case "close" -> {
              if (args != null && args.length == 3) {
                closedWith = (Integer) args[0];
              }
              return null;
            }
            case "isOpen" -> {
              return closedWith == null;
            }
            default -> {
              return null;
            }
          }
        });
  }

  /** A cluster closed under the session: dialling fails as {@code SimCluster}'s does then. */
  private static final class FailingKubelets implements KubeletStreams {
    @Override
    public ExecResult exec(String pod, String container, List<String> command, String stdin) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<AttachedShell> attach(String pod, String container, List<String> argv, boolean terminal) {
      return Optional.empty();
    }

    @Override
    public Optional<AttachedShell> attachMain(String pod, String container, boolean terminal) {
      return Optional.empty();
    }

    @Override
    public Optional<String> execStartFailure(Pod pod, String container, List<String> command) {
      return Optional.empty();
    }

    @Override
    public List<LogLine> logs(Pod pod, String container, boolean previous) {
      return List.of();
    }

    @Override
    public ForwardedConnection portForward(Pod pod, int port) {
      throw new IllegalStateException("the cluster is closed");
    }

    @Override
    public void advance(Duration duration) {}
  }
}
