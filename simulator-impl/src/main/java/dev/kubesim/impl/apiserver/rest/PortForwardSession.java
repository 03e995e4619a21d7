package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.kubelet.KubeletStreams.ForwardedConnection;
import dev.kubesim.impl.kubelet.PortForward;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One {@code kubectl port-forward} over WebSocket ({@code SPDY/3.1+portforward.k8s.io}): the
 * WebSocket's binary messages carry the bytes of a SPDY/3.1 session ({@link SpdyFramer}), in which
 * the client opens two streams for each local connection, an error stream and a data stream with
 * the same {@code requestID} and the pod's {@code port}. The server answers each stream, dials the
 * port inside the pod ({@link PortForward}) once the data stream is there, carries the data both
 * ways, and when the client ends its data stream ends both of its own; a port where nothing listens
 * gets the runtime's words on the error stream.
 *
 * <p>Public only because Jetty calls the listener's methods through method handles.
 */
public final class PortForwardSession implements Session.Listener.AutoDemanding {
  static final String PROTOCOL = "SPDY/3.1+portforward.k8s.io";
  private static final byte[] END = new byte[0];
  private static final int MAX_DATA = 32 * 1024;

  private final KubeletStreams kubelets;
  private final Pod pod;
  private final Executor worker;
  private final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
  private final Map<String, Forward> forwards = new TreeMap<>();
  private final Map<Integer, Forward> byStream = new TreeMap<>();
  private volatile Session session;

  /** One local connection of the client: its two streams, its port, and the pod's side. */
  private static final class Forward {
    final String requestId;
    int errorStream;
    int dataStream;
    int port;
    ForwardedConnection connection;
    final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    boolean done;

    Forward(String requestId) {
      this.requestId = requestId;
    }
  }

  PortForwardSession(KubeletStreams kubelets, Pod pod, Executor worker) {
    this.kubelets = kubelets;
    this.pod = pod;
    this.worker = worker;
  }

  /** Starts reading the SPDY session once the connection is upgraded. */
  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    worker.execute(this::serve);
  }

  /** Bytes of the tunnelled SPDY session. */
  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    callback.succeed();
    if (bytes.length > 0) {
      incoming.add(bytes);
    }
  }

  /** The client has gone: the session ends. */
  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    incoming.add(END);
  }

  /** The connection failed (the client went without closing): the session ends as on a close. */
  @Override
  public void onWebSocketError(Throwable cause) {
    incoming.add(END);
  }

  private void serve() {
    SpdyFramer framer = new SpdyFramer(new QueueInput(incoming),
        frame -> WebSocketSends.binary(session, ByteBuffer.wrap(frame)));
    try {
      while (true) {
        SpdyFramer.Frame frame = framer.read();
        if (frame.isData()) {
          data(framer, frame);
          continue;
        }
        switch (frame.type()) {
          case SpdyFramer.SYN_STREAM -> stream(framer, frame);
          case SpdyFramer.RST_STREAM -> {
            Forward f = byStream.get(frame.streamId());
            if (f != null) {
              finish(f);
            }
          }
          case SpdyFramer.PING -> framer.ping(frame.streamId());
          case SpdyFramer.GOAWAY -> {
            return;
          }
          default -> { } // SETTINGS, WINDOW_UPDATE, HEADERS: nothing this server acts on
        }
      }
    } catch (EOFException e) {
      // the client closed the session
    } catch (IOException e) {
      session.close(1002, "bad SPDY session: " + e.getMessage(), Callback.NOOP);
    } catch (RuntimeException e) {
      // the cluster failed under the forward (closed, say): the client hears it instead of waiting
      session.close(1011, "internal error", Callback.NOOP);
    } finally {
      java.util.List.copyOf(forwards.values()).forEach(this::finish);
    }
  }

  /** A new stream: answered, and paired with the other stream of its local connection. */
  private void stream(SpdyFramer framer, SpdyFramer.Frame frame) throws IOException {
    Map<String, String> headers = framer.synStreamHeaders(frame);
    int id = frame.streamId();
    String type = headers.getOrDefault("streamtype", "");
    String requestId = headers.getOrDefault("requestid", "");
    int port;
    try {
      port = Integer.parseInt(headers.getOrDefault("port", ""));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535 || !(type.equals("error") || type.equals("data"))) {
      framer.synReply(id, true); // refused, as the kubelet's stream handler refuses a stream it cannot use
      return;
    }
    framer.synReply(id, false);
    Forward f = forwards.computeIfAbsent(requestId, Forward::new);
    if (type.equals("data") && f.dataStream != 0) {
      // the same request again: the connection it had ends, and a new one begins
      finish(f);
      f = new Forward(requestId);
      forwards.put(requestId, f);
    }
    f.port = port;
    byStream.put(id, f);
    if (type.equals("error")) {
      f.errorStream = id;
      return;
    }
    f.dataStream = id;
    try {
      f.connection = kubelets.portForward(pod, port);
    } catch (PortForward.Refused e) {
      if (f.errorStream > 0) {
        framer.data(f.errorStream, e.getMessage().getBytes(StandardCharsets.UTF_8), true);
      }
      framer.data(f.dataStream, new byte[0], true);
      finish(f);
    }
  }

  /** Data from the client: on a data stream, carried to the pod as whole messages; the answers come back. */
  private void data(SpdyFramer framer, SpdyFramer.Frame frame) {
    Forward f = byStream.get(frame.streamId());
    if (f == null || frame.streamId() != f.dataStream || f.done) {
      return; // the client's end of its error stream, or data for a stream already ended
    }
    f.pending.writeBytes(frame.payload());
    byte[] buffered = f.pending.toByteArray();
    int used = 0;
    while (used < buffered.length) {
      int length = HttpMessages.completeRequest(buffered, used);
      if (length == 0) {
        break; // an HTTP request not yet whole
      }
      byte[] message = java.util.Arrays.copyOfRange(buffered, used, used + length);
      used += length;
      byte[] answer = f.connection.send(message);
      for (int at = 0; at < answer.length; at += MAX_DATA) {
        framer.data(f.dataStream, java.util.Arrays.copyOfRange(answer, at, Math.min(answer.length, at + MAX_DATA)), false);
      }
    }
    f.pending.reset();
    f.pending.write(buffered, used, buffered.length - used);
    if (frame.fin()) {
      finish(f);
      framer.data(f.dataStream, new byte[0], true);
      if (f.errorStream > 0) {
        framer.data(f.errorStream, new byte[0], true);
      }
    }
  }

  /** Ends a local connection's forward: its connection into the pod closes and its streams are forgotten. */
  private void finish(Forward f) {
    if (!f.done) {
      f.done = true;
      if (f.connection != null) {
        f.connection.close();
      }
    }
    forwards.remove(f.requestId, f);
    byStream.remove(f.errorStream, f);
    byStream.remove(f.dataStream, f);
  }

  /** The queued messages as one stream of bytes, ending at {@link #END}. */
  private static final class QueueInput extends InputStream {
    private final LinkedBlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    QueueInput(LinkedBlockingQueue<byte[]> queue) {
      this.queue = queue;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (pos >= current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        pos = 0;
        if (current == END) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
