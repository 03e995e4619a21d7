package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.impl.codec.CompactJson;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.ShellSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One {@code pods/exec} over WebSocket, in the channel protocol of {@code v5.channel.k8s.io} (or
 * {@code v4}): every binary message starts with its stream — 0 standard input, 1 output, 2 error
 * output, 3 the API's Status once the command has ended, 4 terminal resizes — and in v5 a message
 * {@code [255, n]} closes stream n, which is how a client says its input has ended.
 *
 * <p>The command runs once its input is known: at once without {@code stdin}, when the input ends
 * otherwise; a shell reading its input ({@code exec -i POD -- sh}) runs each line as it comes, as
 * a shell attached to the stream does. Its end is the Status on stream 3: {@code Success}, or
 * {@code NonZeroExitCode} with the code as the {@code ExitCode} cause (kubectl then says {@code
 * command terminated with exit code N} and exits with N), or the failure that kept it from
 * starting. Then the server closes the connection. The session's work runs on a thread of its own,
 * taking the cluster's lock for each step as every request does.
 *
 * <p>Public only because Jetty calls the listener's methods through method handles.
 */
public final class ExecSession implements Session.Listener.AutoDemanding {
  static final String V5 = "v5.channel.k8s.io";
  static final String V4 = "v4.channel.k8s.io";
  private static final byte STDIN = 0;
  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte ERROR = 3;
  private static final int CLOSE = 255;
  private static final byte[] END = new byte[0];
  /**
   * The most standard input a command run once its input has ended, or one line typed into a
   * shell, is kept for: a client that sends more (an endless {@code yes |}) would otherwise fill
   * the heap.
   */
  static final int MAX_STDIN = 16 * 1024 * 1024;
  /** How long a session waits, once upgraded, before its first message (see {@link #awaitClientStreams}). */
  private static final long CLIENT_STREAM_SETUP_MILLIS = 50;

  private final KubeletStreams kubelets;
  private final ExecRequest request;
  private final boolean closeSignals;
  private final java.util.concurrent.Executor worker;
  private final LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
  private volatile Session session;

  ExecSession(KubeletStreams kubelets, ExecRequest request, String protocol, java.util.concurrent.Executor worker) {
    this.kubelets = kubelets;
    this.request = request;
    this.closeSignals = protocol.equals(V5);
    this.worker = worker;
  }

  /** Starts the session's work once the connection is upgraded. */
  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    worker.execute(this::run);
  }

  /** A message from the client: input, the end of input, or a terminal resize. */
  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] message = new byte[payload.remaining()];
    payload.get(message);
    callback.succeed();
    if (message.length == 0) {
      return;
    }
    int stream = message[0] & 0xff;
    if (closeSignals && stream == CLOSE) {
      if (message.length == 2 && message[1] == STDIN) {
        input.add(END);
      }
      return;
    }
    if (stream == STDIN && message.length > 1) {
      input.add(java.util.Arrays.copyOfRange(message, 1, message.length));
    }
    // stream 4 (resize) changes nothing the simulated terminal shows
  }

  /** The client has gone: the input ends. */
  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    input.add(END);
  }

  /** The connection failed (the client went without closing): the session ends as on a close. */
  @Override
  public void onWebSocketError(Throwable cause) {
    input.add(END);
  }

  private void run() {
    awaitClientStreams();
    ObjectNode status;
    if (request.attach()) {
      status = attachToMain();
      if (status != null) {
        send(ERROR, json(status));
        session.close(1000, "", Callback.NOOP);
      }
      return;
    }
    try {
      Optional<String> cannotStart = kubelets.execStartFailure(request.target(), request.container(), request.command());
      if (cannotStart.isPresent()) {
        // containerd's stream server reports a command that cannot start as an internal error
        status = StatusObjects.failure(500, "InternalError", cannotStart.get());
        send(ERROR, json(status));
        session.close(1000, "", Callback.NOOP);
        return;
      }
      status = request.stdin() ? withInput() : finished(kubelets.exec(request.pod(), request.container(), request.command(), ""));
    } catch (KubeSimException e) {
      status = StatusObjects.failure(e.code(), e.reason(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      status = StatusObjects.failure(500, "InternalError", "Internal error occurred: " + e.getMessage());
    }
    if (status == null) {
      return; // the client went first
    }
    send(ERROR, json(status));
    session.close(1000, "", Callback.NOOP);
  }

  /** Sends the command's output and says how it ended; a command that never ends keeps the stream open. */
  private ObjectNode finished(ExecResult result) throws InterruptedException {
    send(STDOUT, result.stdout());
    send(request.tty() ? STDOUT : STDERR, result.stderr());
    if (result.runsForever()) {
      while (input.take() != END) {
        // still running: what the client sends goes nowhere
      }
      return null;
    }
    if (!result.elapsed().isZero()) {
      kubelets.advance(result.elapsed());
    }
    return exitStatus(request.command(), result.exitCode());
  }

  private ObjectNode withInput() throws InterruptedException {
    Optional<AttachedShell> shell = kubelets.attach(request.pod(), request.container(), request.command(), request.tty());
    if (shell.isPresent()) {
      return attached(shell.get());
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk = input.take(); chunk != END; chunk = input.take()) {
      all.writeBytes(chunk);
      if (all.size() > MAX_STDIN) {
        return tooMuchInput("standard input");
      }
    }
    String stdin = all.toString(StandardCharsets.UTF_8);
    if (!session.isOpen()) {
      return null;
    }
    return finished(kubelets.exec(request.pod(), request.container(), request.command(), stdin));
  }

  /**
   * {@code pods/attach}: the input goes to the container's main process when it is a shell reading
   * it, until the shell or the input ends; the kubelet's attach then reports success (the exit is
   * the container's, which the client reads from the pod). A main process that reads no input is
   * attached until the client goes.
   */
  private ObjectNode attachToMain() {
    try {
      Optional<AttachedShell> shell = kubelets.attachMain(request.pod(), request.container(), request.tty());
      if (shell.isPresent()) {
        attached(shell.get());
      } else {
        while (input.take() != END) {
          // nothing reads it
        }
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (KubeSimException e) {
      return StatusObjects.failure(e.code(), e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      return StatusObjects.failure(500, "InternalError", "Internal error occurred: " + e.getMessage());
    }
    ObjectNode success = JsonNodeFactory.instance.objectNode();
    success.putObject("metadata");
    success.put("status", "Success");
    return success;
  }

  /** A shell reading the stream's lines, each run as it arrives, until it exits or its input ends. */
  private ObjectNode attached(AttachedShell shell) throws InterruptedException {
    send(STDOUT, shell.prompt());
    StringBuilder pending = new StringBuilder();
    // a character's bytes may come in two messages: the decoder keeps the first part until the rest
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer undecoded = ByteBuffer.allocate(0);
    while (shell.isOpen()) {
      byte[] chunk = input.take();
      if (chunk == END) {
        ShellSession.Line last = shell.endOfInput();
        send(STDOUT, last.stdout());
        send(STDERR, last.stderr());
        break;
      }
      ByteBuffer bytes = ByteBuffer.allocate(undecoded.remaining() + chunk.length).put(undecoded).put(chunk).flip();
      CharBuffer chars = CharBuffer.allocate(bytes.remaining());
      utf8.decode(bytes, chars, false);
      undecoded = bytes;
      String text = chars.flip().toString();
      if (request.tty()) {
        send(STDOUT, text.replace("\r", "\r\n")); // the terminal's echo
      }
      pending.append(text.replace('\r', '\n'));
      for (int nl = pending.indexOf("\n"); nl >= 0 && shell.isOpen(); nl = pending.indexOf("\n")) {
        String line = pending.substring(0, nl);
        pending.delete(0, nl + 1);
        AttachedShell.Typed typed = shell.type(line);
        Duration elapsed = typed.line().elapsed();
        if (!elapsed.isZero() && !elapsed.equals(ExecResult.FOREVER)) {
          kubelets.advance(elapsed);
        }
        send(STDOUT, typed.line().stdout());
        send(request.tty() ? STDOUT : STDERR, typed.line().stderr());
        if (shell.isOpen()) {
          send(STDOUT, shell.prompt());
        }
      }
      if (pending.length() > MAX_STDIN) {
        return tooMuchInput("a line of standard input");
      }
    }
    return exitStatus(request.command(), shell.exitCode().orElse(0));
  }

  /** The failure an exec ends with when its client sends more input than kubesim keeps. */
  private static ObjectNode tooMuchInput(String what) {
    return StatusObjects.failure(500, "InternalError", "Internal error occurred: kubesim keeps at most "
        + MAX_STDIN / (1024 * 1024) + " MiB of " + what + " of an exec");
  }

  /** The Status the kubelet's exec ends with ({@code remotecommand}'s {@code NonZeroExitCode}). */
  static ObjectNode exitStatus(java.util.List<String> command, int code) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.putObject("metadata");
    if (code == 0) {
      status.put("status", "Success");
      return status;
    }
    status.put("status", "Failure");
    status.put("message", "command terminated with non-zero exit code: error executing command "
        + "[" + String.join(" ", command) + "], exit code " + code);
    status.put("reason", "NonZeroExitCode");
    ObjectNode cause = status.putObject("details").putArray("causes").addObject();
    cause.put("reason", "ExitCode");
    cause.put("message", Integer.toString(code));
    return status;
  }

  private static String json(ObjectNode status) {
    return CompactJson.text(status);
  }

  /**
   * client-go's WebSocket executor starts reading the connection before it has made its streams
   * ({@code readDemuxLoop} runs beside {@code stream(creator)}) and drops a message for a stream it
   * has not made yet ({@code Unknown stream id 2, discarding message}), then fails with {@code closed
   * all streams}. A real container's first output comes after the process has started, long after
   * that; a simulated command answers at once, so the session gives the client that moment first.
   * Wall-clock time of the served connection only: what the command prints is the same.
   */
  private static void awaitClientStreams() {
    try {
      Thread.sleep(CLIENT_STREAM_SETUP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(byte stream, String text) {
    if (text.isEmpty() || stream != ERROR && !wanted(stream)) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(bytes.length + 1);
    message.put(stream).put(bytes).flip();
    WebSocketSends.binary(session, message);
  }

  private boolean wanted(byte stream) {
    return stream == STDOUT ? request.stdout() : request.stderr() || request.tty() && request.stdout();
  }
}
