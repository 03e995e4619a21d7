package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.LogLine;
import dev.kubesim.impl.program.ShellSession;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** An exec session driven as Jetty drives it, its client's messages all there before its work runs. */
class ExecSessionTest {
  private final List<String> typed = new ArrayList<>();
  private final List<String> stdins = new ArrayList<>();
  private final List<byte[]> sent = new ArrayList<>();
  private boolean closed;

  @Test
  void aCharacterSplitBetweenTwoStdinMessagesReachesTheShellWhole() {
    ExecSession exec = session(true);
    exec.onWebSocketBinary(ByteBuffer.wrap(new byte[] {0, 'c', (byte) 0xc3}), Callback.NOOP);
    exec.onWebSocketBinary(ByteBuffer.wrap(new byte[] {0, (byte) 0xa9, '\n'}), Callback.NOOP);
    exec.onWebSocketBinary(ByteBuffer.wrap(new byte[] {(byte) 255, 0}), Callback.NOOP);
    exec.onWebSocketOpen(socket());

    assertThat(typed).containsExactly("c\u00e9");
  }

  @Test
  void anEndlessStdinEndsTheExecWithAFailureInsteadOfFillingTheHeap() {
    ExecSession exec = session(false);
    byte[] chunk = new byte[1 + 1024 * 1024];
    for (int i = 0; i < 20; i++) {
      exec.onWebSocketBinary(ByteBuffer.wrap(chunk), Callback.NOOP);
    }
    exec.onWebSocketBinary(ByteBuffer.wrap(new byte[] {(byte) 255, 0}), Callback.NOOP);
    exec.onWebSocketOpen(socket());

    assertThat(stdins).as("the command never ran").isEmpty();
    byte[] status = sent.get(sent.size() - 1);
    assertThat(status[0]).as("stream 3, the Status").isEqualTo((byte) 3);
    assertThat(new String(status, 1, status.length - 1, StandardCharsets.UTF_8))
        .contains("\"status\":\"Failure\"").contains("standard input");
  }

  @Test
  void anEndlessLineTypedIntoAShellEndsTheExecWithAFailureInsteadOfFillingTheHeap() {
    ExecSession exec = session(true);
    byte[] chunk = new byte[1 + 1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'y');
    chunk[0] = 0;
    for (int i = 0; i < 20; i++) {
      exec.onWebSocketBinary(ByteBuffer.wrap(chunk), Callback.NOOP);
    }
    exec.onWebSocketBinary(ByteBuffer.wrap(new byte[] {(byte) 255, 0}), Callback.NOOP);
    exec.onWebSocketOpen(socket());

    assertThat(typed).isEmpty();
    byte[] status = sent.get(sent.size() - 1);
    assertThat(status[0]).isEqualTo((byte) 3);
    assertThat(new String(status, 1, status.length - 1, StandardCharsets.UTF_8)).contains("\"status\":\"Failure\"");
  }

  @Test
  void anAttachThatFailsInsideTheClusterEndsWithAStatusAndClosesTheConnection() {
    ExecRequest request = new ExecRequest(null, "default/p", "c", List.of(), true, true, true, false, true);
    ExecSession exec = new ExecSession(new Kubelets(false) {
      @Override
      public Optional<AttachedShell> attachMain(String pod, String container, boolean terminal) {
        throw new IllegalStateException("the cluster is closed");
      }
    }, request, ExecSession.V5, Runnable::run);
    exec.onWebSocketOpen(socket());

    assertThat(closed).as("the connection closed").isTrue();
    byte[] status = sent.get(sent.size() - 1);
    assertThat(status[0]).isEqualTo((byte) 3);
    assertThat(new String(status, 1, status.length - 1, StandardCharsets.UTF_8)).contains("the cluster is closed");
  }

  /** {@code exec -i POD -- sh} (a shell reading its input) or {@code exec -i POD -- cat}. */
  private ExecSession session(boolean shell) {
    ExecRequest request = new ExecRequest(null, "default/p", "c", List.of(shell ? "sh" : "cat"), true, true, true,
        false, false);
    return new ExecSession(new Kubelets(shell), request, ExecSession.V5, Runnable::run);
  }

  private Session socket() {
    return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "sendBinary" -> {
              ByteBuffer b = (ByteBuffer) args[0];
              byte[] bytes = new byte[b.remaining()];
              b.get(bytes);
              sent.add(bytes);
              ((Callback) args[1]).succeed();
              return null;
            }
            case "isOpen" -> {
              return !closed;
            }
            case "close" -> {
              closed = true;
              return null;
            }
            default -> {
              return null;
            }
          }
        });
  }

  private class Kubelets implements KubeletStreams {
    private final boolean shell;

    Kubelets(boolean shell) {
      this.shell = shell;
    }

    @Override
    public ExecResult exec(String pod, String container, List<String> command, String stdin) {
      stdins.add(stdin);
      return ExecResult.of("", "", 0);
    }

    @Override
    public Optional<AttachedShell> attach(String pod, String container, List<String> argv, boolean terminal) {
      return shell ? Optional.of(new Shell()) : Optional.empty();
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
      throw new UnsupportedOperationException();
    }

    @Override
    public void advance(Duration duration) {}
  }

  private final class Shell implements AttachedShell {
    private boolean open = true;

    @Override
    public boolean terminal() {
      return false;
    }

    @Override
    public String prompt() {
      return "";
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public Typed type(String line) {
      typed.add(line);
      return new Typed(new ShellSession.Line("", "", "", 0, Duration.ZERO, false), Optional.empty());
    }

    @Override
    public ShellSession.Line endOfInput() {
      open = false;
      return new ShellSession.Line("", "", "", 0, Duration.ZERO, true);
    }

    @Override
    public Optional<Integer> exitCode() {
      return Optional.of(0);
    }
  }
}
